import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { PgClient } from './pg-client.js';
import { lockDataDir } from './data-dir-lock.js';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from './embedded-postgres.js';
import type { SqlClient } from './sql-client.js';

export interface DatabaseOptions {
  /** postgres://… — a PostgreSQL server. Absent: the embedded PostgreSQL under `dataDir` (started and stopped here). */
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /** The embedded server's log lines (default: dropped, except FATAL/PANIC to stderr). */
  log?: (line: string) => void;
  /** Warnings about the embedded directory (default: stderr). */
  notice?: (message: string) => void;
}

export interface OpenDatabase {
  client: SqlClient;
  /** Closes the client, stops the embedded server and releases the data-directory lock. */
  close(): Promise<void>;
  describe: string;
  /** postgres://… of the database (for more connections of one's own). */
  url?: string;
}

/** The database of the embedded server that Dekomp uses. */
export const EMBEDDED_DATABASE = 'dekomp';

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const client = new PgClient(options.databaseUrl, options.poolSize);
    await client.query('SELECT 1');
    return { client, url: options.databaseUrl, close: () => client.close(), describe: `PostgreSQL ${redact(options.databaseUrl)}` };
  }
  const dataDir = resolve(options.dataDir);
  const release = await lockDataDir(options.dataDir);
  let server: EmbeddedPostgresServer | undefined;
  try {
    if (existsSync(join(dataDir, 'pglite'))) {
      console.warn(
        `${join(dataDir, 'pglite')} is a PGlite database of an older Dekomp: it is not read any more (the embedded database is now ${join(dataDir, 'pg')})`,
      );
    }
    server = await startEmbeddedPostgres({
      dir: join(dataDir, 'pg'),
      passwordFile: join(dataDir, 'pg-password'),
      notice: options.notice ?? ((m) => console.warn(m)),
      log: options.log ?? ((line) => /\b(FATAL|PANIC):/.test(line) && console.error(`postgres: ${line}`)),
    });
    await ensureDatabase(server.urlFor('postgres'), EMBEDDED_DATABASE);
    const url = server.urlFor(EMBEDDED_DATABASE);
    const client = new PgClient(url, options.poolSize);
    await client.query('SELECT 1');
    const running = server;
    return {
      client,
      url,
      describe: `embedded PostgreSQL in ${join(dataDir, 'pg')} (127.0.0.1:${server.port})`,
      close: async () => {
        try {
          await client.close();
          await running.stop();
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await release();
    throw error;
  }
}

/** CREATE DATABASE when missing (the first start). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name ${name}`);
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
