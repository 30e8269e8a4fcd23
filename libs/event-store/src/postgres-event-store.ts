import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { pgErrorCode, PgErrorCode, type Sql, type SqlClient } from '#libs/db';
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

const NOTIFY_CHANNEL = 'dekomp_events';

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedVersion;
  options?: AppendOptions;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

interface EventRow {
  global_position: string;
  /** the writing transaction id as text (aliased so ORDER BY uses the xid8 column, not this text) */
  xid: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: StoredEvent['metadata'];
  recorded_at: Date | string;
}

const EVENT_COLUMNS = `global_position, transaction_id::text AS xid, event_id, stream_id, stream_version,
  type, schema_version, data, metadata, recorded_at`;

export interface PostgresEventStoreOptions {
  /** Most appends committed in one transaction (group commit). */
  maxBatch?: number;
  /** Transactions flushing at once (1 on PGlite, which is one session). */
  flushers?: number;
  /** Test seam: runs inside each append transaction just before it commits (to make commits late). */
  beforeCommit?: () => Promise<void>;
}

/**
 * The event store on PostgreSQL or PGlite.
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

  constructor(
    private readonly sql: SqlClient,
    options: PostgresEventStoreOptions = {},
  ) {
    this.name = sql.backend === 'pglite' ? 'pglite' : 'postgres';
    this.maxBatch = options.maxBatch ?? 64;
    this.flushers = options.flushers ?? (sql.backend === 'pglite' ? 1 : 4);
    this.beforeCommit = options.beforeCommit;
    this.emitter.setMaxListeners(0);
  }

  /** Subscribes to other processes' appends (PostgreSQL server only; PGlite has one process). */
  async start(): Promise<void> {
    if (this.sql.backend === 'postgres' && !this.unlisten) {
      this.unlisten = await this.sql.listen(NOTIFY_CHANNEL, () => this.emitter.emit('appended'));
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
      const batch = this.queue.splice(0, this.maxBatch);
      this.flushing++;
      void this.flush(batch).finally(() => {
        this.flushing--;
        this.kick();
      });
    }
  }

  private async flush(batch: PendingAppend[]): Promise<void> {
    let outcomes: Array<AppendResult | ConcurrencyError>;
    try {
      outcomes = await this.sql.transaction(async (tx) => {
        const results: Array<AppendResult | ConcurrencyError> = [];
        for (const p of batch) results.push(await appendOne(tx, p));
        if (results.some((r) => !(r instanceof ConcurrencyError))) {
          await tx.query(`SELECT pg_notify($1, '')`, [NOTIFY_CHANNEL]);
        }
        await this.beforeCommit?.();
        return results;
      });
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
    if (outcomes.some((o) => !(o instanceof ConcurrencyError))) this.emitter.emit('appended');
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

  async positionAt(time: Date): Promise<number> {
    const r = await this.sql.query<{ head: string | null }>(
      `SELECT max(global_position) AS head FROM events WHERE recorded_at <= $1`,
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
    while (this.flushing > 0 || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    await this.unlisten?.();
    this.unlisten = undefined;
  }
}

/** Checks the version and inserts one append's events in a single statement. */
async function appendOne(tx: Sql, p: PendingAppend): Promise<AppendResult | ConcurrencyError> {
  const n = p.events.length;
  const versionStep =
    p.expected === 'no_stream'
      ? `INSERT INTO streams (stream_id, version) VALUES ($1, $2) ON CONFLICT (stream_id) DO NOTHING RETURNING version`
      : p.expected === 'any'
        ? `INSERT INTO streams (stream_id, version) VALUES ($1, $2)
             ON CONFLICT (stream_id) DO UPDATE SET version = streams.version + EXCLUDED.version RETURNING version`
        : `UPDATE streams SET version = version + $2 WHERE stream_id = $1 AND version = $4 RETURNING version`;
  const payload = p.events.map((e) => ({
    id: e.id ?? randomUUID(),
    type: e.type,
    schemaVersion: e.schemaVersion ?? 1,
    data: e.data,
    metadata: e.metadata,
  }));
  const params: unknown[] = [p.streamId, n, JSON.stringify(payload)];
  if (typeof p.expected === 'number') params.push(p.expected);
  const r = await tx.query<{ global_position: string; stream_version: number }>(
    `WITH bump AS (${versionStep})
     INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata)
     SELECT (e.value->>'id')::uuid, $1, bump.version - $2 + e.ordinality::int, e.value->>'type',
            (e.value->>'schemaVersion')::int, e.value->'data', e.value->'metadata'
       FROM bump, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(value, ordinality)
     RETURNING global_position, stream_version`,
    params,
  );
  if (r.rows.length === 0) {
    const actual = await tx.query<{ version: number }>('SELECT version FROM streams WHERE stream_id = $1', [p.streamId]);
    return new ConcurrencyError(p.streamId, p.expected, actual.rows[0]?.version ?? null);
  }
  const positions = r.rows.map((row) => Number(row.global_position));
  const result: AppendResult = {
    streamVersion: Math.max(...r.rows.map((row) => row.stream_version)),
    firstPosition: Math.min(...positions),
    lastPosition: Math.max(...positions),
  };
  const idem = p.options?.idempotency;
  if (idem) {
    await tx.query('INSERT INTO idempotency_keys (key, request_hash, response) VALUES ($1, $2, $3)', [
      idem.key,
      idem.requestHash,
      JSON.stringify(idem.response(result)),
    ]);
  }
  return result;
}

function toStoredEvent(row: EventRow): StoredEvent {
  const recordedAt = row.recorded_at instanceof Date ? row.recorded_at.toISOString() : new Date(row.recorded_at).toISOString();
  return {
    id: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: Number(row.global_position),
    checkpoint: { major: BigInt(row.xid), minor: BigInt(row.global_position) },
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: { ...row.metadata, recordedAt },
  };
}
