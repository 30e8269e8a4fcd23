import pg from 'pg';
import { currentQueryLimit, millisecondsLeft, QueryTimeoutError, type QueryLimit } from './query-limit.js';
import { isStatementCancelled } from './db-errors.js';
import { inlineParams } from './inline-params.js';
import { PgListener } from './pg-listener.js';
import { searchPathSql, type QueryResult, type Sql, type SqlClient } from './sql-client.js';

/** Longest wait for a connection (a server that does not answer at all); a refused connection fails at once. */
const CONNECT_TIMEOUT_MS = 15_000;

const result = <T>(r: pg.QueryResult): QueryResult<T> => ({ rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length });

/**
 * A PostgreSQL server through a `pg` pool. A dropped connection (server restart, pg_terminate_backend) fails only
 * the statements on it: the pool discards it and connects anew for the next; LISTEN reconnects by itself.
 * Inside `withQueryLimit` every statement is bounded by the time left and cancelled when the client goes away.
 */
export class PgClient implements SqlClient {
  readonly backend = 'postgres' as const;
  private pool: pg.Pool;
  private readonly listener: PgListener;

  constructor(
    private readonly connectionString: string,
    private readonly poolSize = 10,
  ) {
    this.pool = this.createPool();
    this.listener = new PgListener(connectionString);
  }

  private createPool(searchPath?: string): pg.Pool {
    const pool = new pg.Pool({
      connectionString: this.connectionString,
      max: this.poolSize,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
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
    // Within a request's limit a statement runs in a transaction of its own, with SET LOCAL statement_timeout.
    const limit = currentQueryLimit();
    if (limit) return this.limitedStatement<T>(limit, text, params);
    return result<T>(await this.pool.query(text, params));
  }

  async exec(text: string): Promise<void> {
    const limit = currentQueryLimit();
    if (limit) return void (await this.limitedStatement(limit, text));
    await this.pool.query(text);
  }

  /**
   * One statement within a request's limit in ONE round trip: BEGIN, SET LOCAL statement_timeout (the time left),
   * the statement with its parameters inlined as literals, and COMMIT, as one simple-protocol message.
   */
  private limitedStatement<T>(limit: QueryLimit, text: string, params?: unknown[]): Promise<QueryResult<T>> {
    return this.limited(limit, async (client) => {
      // The statement on its own lines: a trailing comment in it cannot swallow the COMMIT.
      const sql = `BEGIN; SET LOCAL statement_timeout = ${millisecondsLeft(limit)};\n${inlineParams(text, params)}\n;COMMIT`;
      try {
        const results = (await client.query(sql)) as unknown as pg.QueryResult[];
        return result<T>(results[results.length - 2]);
      } catch (error) {
        // The failed statement left the transaction open and aborted; a cancelled connection is dropped anyway.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const limit = currentQueryLimit();
    const run = async (client: pg.PoolClient) => {
      // With a limit, BEGIN and its statement_timeout go in one round trip (one simple-protocol query).
      await client.query(limit ? `BEGIN; SET LOCAL statement_timeout = ${millisecondsLeft(limit)}` : 'BEGIN');
      try {
        const send = (text: string, params?: unknown[]) => {
          if (limit) millisecondsLeft(limit);
          return client.query(text, params);
        };
        const value = await fn({
          query: async <R>(text: string, params?: unknown[]) => result<R>(await send(text, params)),
          exec: async (text: string) => void (await send(text)),
        });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };
    if (limit) return this.limited(limit, run);
    const { client, release } = await this.checkout();
    let broken: Error | undefined;
    try {
      return await run(client);
    } catch (error) {
      broken = brokenConnection(client, error);
      throw error;
    } finally {
      release(broken);
    }
  }

  /**
   * A client of the pool with an error listener while it is checked out: a connection that drops between two
   * statements (no query to fail) emits 'error' on the client, which would otherwise end the process.
   */
  private async checkout(): Promise<{ client: pg.PoolClient; release: (error?: Error) => void }> {
    const client = await this.pool.connect();
    const onError = () => undefined;
    client.on('error', onError);
    return {
      client,
      release: (error) => {
        client.off('error', onError);
        client.release(error);
      },
    };
  }

  /**
   * Runs `fn` on a client of its own within the limit: when the request's client goes away the statement is
   * cancelled on the server (pg_cancel_backend from a separate connection); a timeout or cancel is a QueryTimeoutError.
   */
  private async limited<T>(limit: QueryLimit, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const { client, release } = await this.checkout();
    const pid = (client as unknown as { processID: number | null }).processID;
    const cancel = () => void this.cancelBackend(pid);
    limit.signal?.addEventListener('abort', cancel, { once: true });
    let broken: Error | undefined;
    try {
      return await fn(client);
    } catch (error) {
      broken = brokenConnection(client, error);
      if (isStatementCancelled(error)) throw new QueryTimeoutError(limit.timeoutMs);
      throw error;
    } finally {
      limit.signal?.removeEventListener('abort', cancel);
      // A cancelled or timed-out session may still be settling: do not hand it to the next request.
      release(broken ?? (limit.signal?.aborted ? new Error('request cancelled') : undefined));
    }
  }

  private async cancelBackend(pid: number | null): Promise<void> {
    if (!pid) return;
    const c = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 2_000 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch {
      /* the server is gone or the statement ended: nothing to cancel */
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    return this.listener.listen(channel, onPayload);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end();
  }
}

/** The error to release a client with: set when its connection is unusable (so the pool drops it). */
function brokenConnection(client: pg.PoolClient, error: unknown): Error | undefined {
  const queryable = (client as unknown as { _queryable?: boolean })._queryable !== false;
  if (queryable && !isStatementCancelled(error)) return undefined;
  return error instanceof Error ? error : new Error(String(error));
}
