import { mkdirSync } from 'node:fs';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another Dekomp process. Two processes on one embedded ` +
        `database lose data, so this one refuses to start. Stop the other process, or use another DATA_DIR. ` +
        `(After a crash the lock expires within 30 seconds.)`,
    );
  }
}

/**
 * Holds an exclusive lock on the embedded data directory for the life of the process
 * (proper-lockfile: an atomic mkdir lock, refreshed while we live, stale 30 s after a crash).
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/.dekomp.lock`,
      // Generous: PGlite's synchronous work can block the event loop for seconds under load, and a refresh that
      // misses the threshold makes us stop (onCompromised) rather than risk a second process on the data.
      stale: 30_000,
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
}
