import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createScratchDatabase, PgClient, startEmbeddedPostgres, type SqlClient } from '#libs/db';

/** The PostgreSQL server that CI and developer machines run; tests use it when it answers. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * 'embedded': a scratch database on this jest worker's own embedded PostgreSQL (always there, as the service's
 * default); 'postgres': a scratch database on the server at TEST_POSTGRES_URL (when it answers).
 * 'pglite' is an alias of 'embedded', kept until every caller says 'embedded'.
 */
export type BackendName = 'embedded' | 'postgres' | 'pglite';

export interface TestDatabase {
  backend: Exclude<BackendName, 'pglite'>;
  client: SqlClient;
  /** postgres://… of the database (to start a service on it). */
  url: string;
  drop(): Promise<void>;
}

let postgresAnswers: Promise<boolean> | undefined;

export function postgresAvailable(): Promise<boolean> {
  postgresAnswers ??= (async () => {
    const c = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 1500 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  })();
  return postgresAnswers;
}

/** Backends to run on: the embedded PostgreSQL always, the PostgreSQL server when it answers. Prints which. */
export async function testBackends(suite: string): Promise<BackendName[]> {
  const names: BackendName[] = ['embedded'];
  if (process.env.TEST_POSTGRES !== 'off' && (await postgresAvailable())) names.push('postgres');
  else console.log(`[${suite}] PostgreSQL at ${TEST_POSTGRES_URL} did not answer: running on the embedded PostgreSQL only`);
  console.log(`[${suite}] backends: ${names.join(', ')}`);
  return names;
}

/**
 * The embedded PostgreSQL of this jest worker process: started on first use on a temporary directory, shared by
 * the worker's test files, stopped when the worker ends (however it ends).
 *
 * Jest gives every test file its own module registry and its own `process` object (whose 'exit' never fires), so
 * the server is kept on a real Node module object (`node:os`, which Jest does not copy), and its end is tied to
 * the worker by a watchdog: a shell that waits for EOF on a pipe from the worker, then stops the server and
 * removes its directory.
 */
const SERVER = Symbol.for('dekomp.tests.embeddedPostgres');

export function embeddedTestServerUrl(): Promise<string> {
  const holder = os as unknown as Record<symbol, Promise<string> | undefined>;
  holder[SERVER] ??= (async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'dekomp-test-pg-'));
    const server = await startEmbeddedPostgres({
      dir: join(dir, 'pg'),
      passwordFile: join(dir, 'password'),
      fastInit: true,
      unref: true,
      // Throw-away data: no durability, room for many pools.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    const watchdog = spawn(
      'sh',
      [
        '-c',
        'read -r _; kill -INT "$1" 2>/dev/null; i=0; while kill -0 "$1" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; rm -rf "$2"',
        'dekomp-test-pg-watchdog',
        String(server.pid),
        dir,
      ],
      { stdio: ['pipe', 'ignore', 'ignore'] },
    );
    watchdog.unref();
    (watchdog.stdin as unknown as { unref?(): void } | null)?.unref?.();
    return server.urlFor('postgres');
  })();
  return holder[SERVER];
}

/** A fresh, empty database: a scratch database on the embedded PostgreSQL or on the PostgreSQL server. */
export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  const name = backend === 'pglite' ? 'embedded' : backend;
  const serverUrl = name === 'embedded' ? await embeddedTestServerUrl() : TEST_POSTGRES_URL;
  const scratch = await createScratchDatabase(serverUrl, 'dekomp_t');
  const client = new PgClient(scratch.url, 12);
  return {
    backend: name,
    client,
    url: scratch.url,
    drop: async () => {
      await client.close();
      await scratch.drop();
    },
  };
}
