import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** DATA_DIR cannot be used (cannot be created, is not a directory, is not writable…): a start-up error naming it. */
export class DataDirError extends Error {
  constructor(
    readonly dataDir: string,
    reason: string,
  ) {
    super(`DATA_DIR ${dataDir} cannot be used: ${reason}`);
    this.name = 'DataDirError';
  }
}

/** Creates DATA_DIR when missing and checks that it is a writable directory; throws DataDirError otherwise. */
export function prepareDataDir(dataDir: string): string {
  const absolute = resolve(dataDir);
  try {
    makeDirectories(absolute);
    if (!statSync(absolute).isDirectory()) throw new Error('not a directory');
    accessSync(absolute, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new DataDirError(dataDir, (error as Error).message);
  }
  return absolute;
}

/**
 * mkdir -p, one level at a time: Node's own `mkdirSync(…, { recursive: true })` loops for ever on some paths
 * (e.g. under /proc), and a bad DATA_DIR must be an error, never a hang.
 */
export function makeDirectories(path: string): void {
  const missing: string[] = [];
  for (let p = resolve(path); !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (p === dirname(p)) break;
  }
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
