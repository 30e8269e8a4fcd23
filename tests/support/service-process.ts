import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltService, type BuiltService } from '../process/built-service.js';

/** The built service as a process one can also kill -9 (tests/process/built-service.ts starts it). */
export interface ServiceProcess extends BuiltService {
  /** Milliseconds from spawn to "listens on". */
  ms: number;
  /** kill -9, waiting until the process is gone. */
  kill(): Promise<void>;
}

/** Starts the built service (no rate limit: the suites drive load); rejects when it exits or does not serve. */
export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const spawned = Date.now();
  const service = await startBuiltService({ RATE_LIMIT_PER_MINUTE: '0', ...env });
  const exited = new Promise<void>((r) => {
    if (service.child.exitCode !== null || service.child.signalCode !== null) r();
    else service.child.once('exit', () => r());
  });
  return {
    ...service,
    ms: Date.now() - spawned,
    kill: async () => {
      service.child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The embedded PostgreSQL's postmaster under DATA_DIR (postmaster.pid: PID on line 1, port on line 4). */
export function embeddedPostmaster(dataDir: string): { pid: number; port: number } | undefined {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}
