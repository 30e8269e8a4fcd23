import { inlineParams, type QueryResult, type Sql } from '#libs/db';

/** Statements held before they are sent (bounds the message and the server's parse of it). */
const MAX_HELD = 400;

const WRITE = /^\s*(insert|update|delete)\b/i;
const RETURNING = /\breturning\b/i;

/**
 * The SQL a read model applies events with, sent in as few round trips as possible: a write whose result is not
 * read (INSERT/UPDATE/DELETE without RETURNING) is held and sent with the others in one simple-protocol message
 * (its parameters inlined as quoted literals), before the next statement that returns rows and at `flush()`.
 * Order is kept, so a read sees every write before it; an error in a held write surfaces at the next send, and the
 * caller's savepoint rolls the batch back. A held write's `rowCount` is not known: reading it throws.
 */
export class PipelinedSql implements Sql {
  private held: string[] = [];
  private readonly drains: Array<() => string[]> = [];
  private position: number | undefined;
  private told: number | undefined;

  constructor(private readonly tx: Sql) {}

  /**
   * The position of the event being applied: told to the server (`dekomp.position`, which the history trigger
   * reads) before the next statement, and only when it changed — an event that writes nothing, or only through a
   * set-based writer, costs no statement.
   */
  at(position: number): void {
    if (!Number.isSafeInteger(position)) throw new Error(`invalid position ${position}`);
    this.position = position;
  }

  private hold(statement: string): Promise<void> {
    this.tell();
    this.held.push(statement);
    return this.held.length >= MAX_HELD ? this.flush() : Promise.resolve();
  }

  async query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<T>> {
    if (WRITE.test(text) && !RETURNING.test(text)) {
      await this.hold(inlineParams(text, params));
      return heldResult<T>();
    }
    this.tell();
    await this.flush();
    return this.tx.query<T>(text, params);
  }

  private tell(): void {
    if (this.position === undefined || this.position === this.told) return;
    this.held.push(`SELECT set_config('dekomp.position', '${this.position}', true)`);
    this.told = this.position;
  }

  /** Statements without parameters (the engine's own, a DDL): held like a write. */
  exec(text: string): Promise<void> {
    return this.hold(text);
  }

  /**
   * Registers a writer that keeps rows in memory for the run (a set-based writer): before anything is read and at
   * the end, its statements are held after everything held so far, so a read sees its rows.
   */
  beforeSend(drain: () => string[]): void {
    this.drains.push(drain);
  }

  async flush(): Promise<void> {
    for (const drain of this.drains) this.held.push(...drain());
    if (this.held.length === 0) return;
    const text = this.held.join('\n;\n');
    this.held = [];
    await this.tx.exec(text);
  }
}

function heldResult<T>(): QueryResult<T> {
  return {
    rows: [],
    get rowCount(): number {
      throw new Error('the row count of a read model write is not known until the batch is sent; use RETURNING to read it');
    },
  };
}

const memos = new WeakMap<Sql, Map<string, Map<string, unknown>>>();

/**
 * A map that lives as long as one run of events through one read model (the `sql` its `prefetch` and `apply` get):
 * rows a read model loaded for the run in one query (`prefetch`) and keeps current as it applies them, so applying
 * an event reads nothing. A retry after a failure gets a new `sql`, so nothing stale survives a rollback.
 */
export function batchMemo<V>(sql: Sql, name: string): Map<string, V> {
  let byName = memos.get(sql);
  if (!byName) memos.set(sql, (byName = new Map()));
  let memo = byName.get(name);
  if (!memo) byName.set(name, (memo = new Map()));
  return memo as Map<string, V>;
}
