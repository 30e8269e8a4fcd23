import pg from 'pg';
import { createScratchDatabase, PgClient, PgliteClient, type SqlClient } from '#libs/db';

/** The PostgreSQL server that CI and developer machines run; tests use it when it answers. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type BackendName = 'pglite' | 'postgres';

export interface TestDatabase {
  backend: BackendName;
  client: SqlClient;
  /** postgres://… for the PostgreSQL backend (to start a service on it). */
  url?: string;
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

/** Backends to run on: PGlite always, PostgreSQL when it answers. Prints which, once per suite. */
export async function testBackends(suite: string): Promise<BackendName[]> {
  const names: BackendName[] = ['pglite'];
  if (process.env.TEST_POSTGRES !== 'off' && (await postgresAvailable())) names.push('postgres');
  else console.log(`[${suite}] PostgreSQL at ${TEST_POSTGRES_URL} did not answer: running on PGlite only`);
  console.log(`[${suite}] backends: ${names.join(', ')}`);
  return names;
}

let pgliteTemplate: Promise<Blob | File> | undefined;

/** A fresh, empty database. PGlite ones are cloned from one initdb'd template (initdb costs seconds). */
export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === 'pglite') {
    pgliteTemplate ??= (async () => {
      const t = await PgliteClient.open();
      const dump = await t.dump();
      await t.close();
      return dump;
    })();
    const client = await PgliteClient.open(undefined, await pgliteTemplate);
    return { backend, client, drop: () => client.close() };
  }
  const scratch = await createScratchDatabase(TEST_POSTGRES_URL, 'dekomp_t');
  const client = new PgClient(scratch.url, 12);
  return {
    backend,
    client,
    url: scratch.url,
    drop: async () => {
      await client.close();
      await scratch.drop();
    },
  };
}
