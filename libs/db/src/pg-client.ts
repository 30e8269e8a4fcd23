import pg from 'pg';
import { searchPathSql, type QueryResult, type Sql, type SqlClient } from './sql-client.js';

/** A PostgreSQL server through a `pg` pool. */
export class PgClient implements SqlClient {
  readonly backend = 'postgres' as const;
  private pool: pg.Pool;
  private listener?: pg.Client;
  private readonly channels = new Map<string, Set<(payload: string) => void>>();

  constructor(
    private readonly connectionString: string,
    private readonly poolSize = 10,
  ) {
    this.pool = this.createPool();
  }

  private createPool(searchPath?: string): pg.Pool {
    const pool = new pg.Pool({
      connectionString: this.connectionString,
      max: this.poolSize,
      ...(searchPath ? { options: `-c search_path=${searchPath.replace(/ /g, '')}` } : {}),
    });
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    return pool;
  }

  /** Every connection of the pool starts with this search path (the pool is replaced; call at start-up). */
  async setSearchPath(schemas: string[]): Promise<void> {
    const old = this.pool;
    this.pool = this.createPool(searchPathSql(schemas));
    await old.end();
  }

  async query<T>(text: string, params?: unknown[]): Promise<QueryResult<T>> {
    const r = await this.pool.query(text, params);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  }

  async exec(text: string): Promise<void> {
    await this.pool.query(text);
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R>(text: string, params?: unknown[]) => {
          const r = await client.query(text, params);
          return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
        },
        exec: async (text: string) => {
          await client.query(text);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    if (!this.listener) {
      this.listener = new pg.Client({ connectionString: this.connectionString });
      this.listener.on('error', () => undefined);
      await this.listener.connect();
      this.listener.on('notification', (msg) => {
        for (const cb of this.channels.get(msg.channel) ?? []) cb(msg.payload ?? '');
      });
    }
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
      await this.listener.query(`LISTEN ${channel}`);
    }
    set.add(onPayload);
    return async () => {
      set.delete(onPayload);
    };
  }

  async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }
}
