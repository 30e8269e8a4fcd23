import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built service (npm test builds first), started as a user would: `node dist/apps/api/src/main.js`. */
export const SERVICE_MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to "listens on". */
  ms: number;
  /** Everything the service wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, waiting for the exit code. */
  stop(): Promise<number | null>;
  /** kill -9, waiting until the process is gone. */
  kill(): Promise<void>;
}

export function assertBuilt(): void {
  if (!existsSync(SERVICE_MAIN)) throw new Error(`${SERVICE_MAIN} is missing: run \`npm run build\` (npm test does) first`);
}

/** Starts the built service; rejects (with its stderr) when it exits or does not serve within `withinMs`. */
export function startService(env: Record<string, string>, withinMs = 30_000): Promise<ServiceProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVICE_MAIN], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const spawned = Date.now();
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const hung = setTimeout(() => child.kill('SIGKILL'), withinMs);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listens on (http:\/\/\S+)/.exec(stdout);
      if (!m) return;
      clearTimeout(hung);
      resolve({
        child,
        url: m[1].replace(/\/$/, ''),
        ms: Date.now() - spawned,
        stderr: () => stderr,
        stop: () => (child.kill('SIGTERM'), exited),
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(hung);
      reject(new Error(`the service exited (${code}) before serving:\n${stderr}`));
    });
  });
}

/** The embedded PostgreSQL's postmaster under DATA_DIR (postmaster.pid: PID on line 1, port on line 4). */
export function embeddedPostmaster(dataDir: string): { pid: number; port: number } | undefined {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}
