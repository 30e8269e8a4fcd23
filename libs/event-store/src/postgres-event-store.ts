import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { pgErrorCode, PgErrorCode, type SqlClient } from '#libs/db';
import { ConcurrencyError, IdempotencyKeyUsedError } from './errors.js';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllResult,
  ReadStreamOptions,
  StoredEvent,
} from './types.js';

import {
  appendBatch,
  EVENT_COLUMNS,
  NOTIFY_CHANNEL,
  recordIdempotency,
  toStoredEvent,
  type EventRow,
  type PendingAppend,
} from './postgres-sql.js';

export interface PostgresEventStoreOptions {
  /** Most appends committed in one transaction (group commit). */
  maxBatch?: number;
  /** Transactions flushing at once. */
  flushers?: number;
  /** Test seam: runs inside each append transaction just before it commits (to make commits late). */
  beforeCommit?: () => Promise<void>;
}

/**
 * The event store on PostgreSQL (the embedded server or any other).
 *
 * Group commit: appends that arrive while a transaction is being committed wait and go together in the
 * next one, each with its own expected-version check, so many commands share one fsync. A version
 * mismatch is found by row count (no exception), so it fails only its own append; any other error
 * rolls the batch back and its appends are retried one by one.
 *
 * Reading: the global log is read in (transaction id, position) order and only below the oldest open
 * transaction (`pg_snapshot_xmin`), so an event that commits late is never passed over.
 */
export class PostgresEventStore implements EventStore {
  readonly name: string;
  private readonly queue: PendingAppend[] = [];
  private flushing = 0;
  private readonly maxBatch: number;
  private readonly flushers: number;
  private readonly beforeCommit?: () => Promise<void>;
  private readonly emitter = new EventEmitter();
  private unlisten?: () => Promise<void>;
  private notifying = false;
  private notifyAgain = false;
  /** Sent with this store's notifications, so it does not wake its own readers a second time. */
  private readonly instance = randomUUID();

  constructor(
    private readonly sql: SqlClient,
    options: PostgresEventStoreOptions = {},
  ) {
    this.name = 'postgres';
    this.maxBatch = options.maxBatch ?? 64;
    this.flushers = options.flushers ?? 4;
    this.beforeCommit = options.beforeCommit;
    this.emitter.setMaxListeners(0);
  }

  /** Called after each group commit with the appends and events it committed (for metrics). */
  onFlushed(listener: (appends: number, events: number) => void): () => void {
    this.emitter.on('flushed', listener);
    return () => this.emitter.off('flushed', listener);
  }

  /** Subscribes to other processes' appends (every other store on the same database; its own are told locally). */
  async start(): Promise<void> {
    if (this.sql.backend === 'postgres' && !this.unlisten) {
      this.unlisten = await this.sql.listen(NOTIFY_CHANNEL, (from) => from !== this.instance && this.emitter.emit('appended'));
    }
  }

  append(streamId: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, expected, options, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    while (this.flushing < this.flushers && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.flushing++;
      void this.flush(batch).finally(() => {
        this.flushing--;
        this.kick();
      });
    }
  }

  /** The next batch: queue order, at most one append per stream (later ones wait for the next flush). */
  private takeBatch(): PendingAppend[] {
    const batch: PendingAppend[] = [];
    const streams = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < this.maxBatch;) {
      const p = this.queue[i];
      if (streams.has(p.streamId)) {
        i++;
        continue;
      }
      streams.add(p.streamId);
      batch.push(p);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async flush(batch: PendingAppend[]): Promise<void> {
    let outcomes: Array<AppendResult | ConcurrencyError>;
    try {
      const needsTransaction = this.beforeCommit !== undefined || batch.some((p) => p.options?.idempotency);
      outcomes = needsTransaction
        ? await this.sql.transaction(async (tx) => {
            const results = await appendBatch(tx, batch);
            await recordIdempotency(tx, batch, results);
            await this.beforeCommit?.();
            return results;
          })
        : await appendBatch(this.sql, batch); // one statement: atomic on its own
    } catch (error) {
      if (batch.length > 1) {
        // One append broke the shared transaction: give each its own so only the culprit fails.
        await Promise.all(batch.map((p) => this.flush([p])));
        return;
      }
      const p = batch[0];
      if (pgErrorCode(error) === PgErrorCode.uniqueViolation && p.options?.idempotency) {
        const key = p.options.idempotency.key;
        const used = await this.sql.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key]);
        if (used.rowCount > 0) return p.reject(new IdempotencyKeyUsedError(key));
      }
      if (pgErrorCode(error) === PgErrorCode.uniqueViolation && p.expected === 'any') {
        // Two 'any' appends raced to create the same stream: the loser tries again.
        return this.flush([p]);
      }
      return p.reject(error);
    }
    outcomes.forEach((outcome, i) => (outcome instanceof ConcurrencyError ? batch[i].reject(outcome) : batch[i].resolve(outcome)));
    const committed = batch.filter((_, i) => !(outcomes[i] instanceof ConcurrencyError));
    if (committed.length > 0)
      this.emitter.emit(
        'flushed',
        committed.length,
        committed.reduce((n, p) => n + p.events.length, 0),
      );
    if (outcomes.some((o) => !(o instanceof ConcurrencyError))) {
      this.emitter.emit('appended');
      this.notifyOthers();
    }
  }

  /**
   * Tells other processes (PostgreSQL server only) after the commit, in its own tiny transaction and at most
   * one at a time: a NOTIFY inside the append transaction would serialise every commit on PostgreSQL's
   * notify-queue lock and defeat group commit.
   */
  private notifyOthers(): void {
    if (this.sql.backend !== 'postgres') return;
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    void this.sql
      .query(`SELECT pg_notify('${NOTIFY_CHANNEL}', $1)`, [this.instance])
      .catch(() => undefined) // readers poll as well; a lost wake-up only delays them
      .finally(() => {
        this.notifying = false;
        if (this.notifyAgain) {
          this.notifyAgain = false;
          this.notifyOthers();
        }
      });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    const page = 1000;
    for (let from = 0; ; from += page) {
      const r = await this.sql.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events
          WHERE stream_id = $1 AND stream_version > $2
            AND ($3::bigint IS NULL OR global_position <= $3)
            AND ($4::timestamptz IS NULL OR recorded_at <= $4)
          ORDER BY stream_version LIMIT ${page}`,
        [streamId, from, options.maxPosition ?? null, options.maxRecordedAt ?? null],
      );
      out.push(...r.rows.map(toStoredEvent));
      if (r.rows.length < page) return out;
    }
  }

  async readAll(after: Checkpoint, batchSize: number): Promise<ReadAllResult> {
    const r = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.transaction_id, events.global_position
        LIMIT $3`,
      [after.major.toString(), after.minor.toString(), batchSize],
    );
    if (r.rows.length > 0) return { events: r.rows.map(toStoredEvent), heldBack: false };
    const pending = await this.sql.query(
      `SELECT 1 FROM events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint) LIMIT 1`,
      [after.major.toString(), after.minor.toString()],
    );
    return { events: [], heldBack: pending.rowCount > 0 };
  }

  async checkpointOf(globalPosition: number): Promise<Checkpoint | null> {
    const r = await this.sql.query<{ transaction_id: string }>(
      `SELECT transaction_id::text AS transaction_id FROM events WHERE global_position = $1`,
      [globalPosition],
    );
    if (r.rows.length === 0) return null;
    return { major: BigInt(r.rows[0].transaction_id), minor: BigInt(globalPosition) };
  }

  async headPosition(): Promise<number> {
    const r = await this.sql.query<{ head: string | null }>(`SELECT max(global_position) AS head FROM events`);
    return Number(r.rows[0]?.head ?? 0);
  }

  /** One index probe per type (`events_by_type`). */
  async lastCheckpointOf(types: readonly string[]): Promise<Checkpoint | null> {
    if (types.length === 0) return null;
    const r = await this.sql.query<{ major: string; minor: string }>(
      `SELECT l.transaction_id::text AS major, l.global_position::text AS minor FROM unnest($1::text[]) AS t(type)
         CROSS JOIN LATERAL (SELECT transaction_id, global_position FROM events e WHERE e.type = t.type
                              ORDER BY global_position DESC LIMIT 1) l
        ORDER BY l.global_position DESC LIMIT 1`,
      [types],
    );
    const row = r.rows[0];
    return row ? { major: BigInt(row.major), minor: BigInt(row.minor) } : null;
  }

  /**
   * The log as it stood at `time`: the longest prefix of it recorded at or before then. Not the last position
   * recorded by then: an append's time is its transaction's start, so overlapping appends can record a later
   * position at an earlier time, and that position would pull in events recorded after `time`.
   */
  async positionAt(time: Date): Promise<number> {
    const r = await this.sql.query<{ head: string | null }>(
      `SELECT COALESCE((SELECT min(global_position) - 1 FROM events WHERE recorded_at > $1), (SELECT max(global_position) FROM events)) AS head`,
      [time],
    );
    return Number(r.rows[0]?.head ?? 0);
  }

  onAppended(listener: () => void): () => void {
    this.emitter.on('appended', listener);
    return () => this.emitter.off('appended', listener);
  }

  async close(): Promise<void> {
    // Let queued appends finish before the connection goes.
    while (this.flushing > 0 || this.queue.length > 0 || this.notifying) await new Promise((r) => setTimeout(r, 5));
    await this.unlisten?.();
    this.unlisten = undefined;
  }
}
