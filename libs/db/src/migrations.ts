import { Umzug, type UmzugStorage } from 'umzug';
import type { Sql, SqlClient } from './sql-client.js';

/** A versioned schema step. Names sort in the order they run: `0001-event-store`, `0002-…`. */
export interface Migration {
  name: string;
  up(sql: Sql): Promise<void>;
}

const MIGRATION_LOCK = 8_411_001; // advisory lock key: one migrator at a time across processes

/**
 * Runs pending migrations with umzug. Each migration and its bookkeeping row commit in one transaction,
 * so a crash never leaves a half-applied step recorded as done (or done and unrecorded).
 */
export async function migrate(client: SqlClient, migrations: Migration[]): Promise<string[]> {
  await client.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const names = migrations.map((m) => m.name);
  if (new Set(names).size !== names.length) throw new Error(`duplicate migration names: ${names.join(', ')}`);
  const storage: UmzugStorage<SqlClient> = {
    async executed({ context }) {
      const r = await context.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      return r.rows.map((row) => row.name);
    },
    async logMigration() {
      /* recorded inside the migration's own transaction */
    },
    async unlogMigration({ name, context }) {
      await context.query('DELETE FROM schema_migrations WHERE name = $1', [name]);
    },
  };
  const umzug = new Umzug<SqlClient>({
    context: client,
    storage,
    logger: undefined,
    migrations: [...migrations]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((m) => ({
        name: m.name,
        up: ({ context }) =>
          context.transaction(async (tx) => {
            await m.up(tx);
            await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
          }),
      })),
  });
  const locked = client.backend === 'postgres';
  if (locked) await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const applied = await umzug.up();
    return applied.map((m) => m.name);
  } finally {
    if (locked) await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
