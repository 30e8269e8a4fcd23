import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh, empty database on a PostgreSQL server (for tests and benchmarks): created next to the one `serverUrl`
 * names, and dropped (forcibly) by `drop`.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  return {
    url: serverUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
