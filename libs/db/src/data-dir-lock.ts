import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { prepareDataDir } from './data-dir.js';
import { processAlive } from './processes.js';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another Dekomp process. Two services on one embedded ` +
        `database would fight over it, so this one refuses to start. Stop the other process, or use another DATA_DIR.`,
    );
  }
}

const STALE_MS = 30_000;

/**
 * Holds an exclusive lock on the embedded data directory for the life of the process (proper-lockfile: an atomic
 * mkdir lock, refreshed while we live). The holder's PID is written into the lock directory, so a lock left by a
 * process that is gone (kill -9, crash) is taken over at once; without a readable PID (or when the PID was reused
 * by another process) the lock counts as stale once its refresh is 30 s old.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  prepareDataDir(dataDir);
  const lockPath = `${dataDir}/.dekomp.lock`;
  const pidFile = `${lockPath}/pid`;
  removeIfStale(lockPath, pidFile);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      stale: STALE_MS,
      update: 3_000,
      realpath: false,
      onCompromised: (err) => {
        // Someone removed or took our lock: continuing would risk the data, so stop.
        console.error(`Lost the lock on ${dataDir}: ${err.message}`);
        process.exit(70);
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
  // proper-lockfile takes a changed mtime of its directory for a lost lock: keep the one it recorded.
  const recorded = statSync(lockPath);
  writeFileSync(pidFile, `${process.pid}\n`);
  utimesSync(lockPath, recorded.atime, recorded.mtime);
  // proper-lockfile removes its directory with rmdir (also at exit), so empty it first.
  const removePid = () => rmSync(pidFile, { force: true });
  process.once('exit', removePid);
  return async () => {
    process.removeListener('exit', removePid);
    await rm(pidFile, { force: true });
    await release();
  };
}

/** Removes the lock directory when its holder is provably gone (dead PID) or its refresh is older than STALE_MS. */
function removeIfStale(lockPath: string, pidFile: string): void {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(lockPath).mtimeMs;
  } catch {
    return; // no lock
  }
  let pid: number | undefined;
  try {
    pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
  } catch {
    pid = undefined; // the holder is between mkdir and writing its PID, or an older Dekomp: trust the mtime only
  }
  const holderGone = pid !== undefined && Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid);
  if (holderGone || Date.now() - mtimeMs > STALE_MS) rmSync(lockPath, { recursive: true, force: true });
}
