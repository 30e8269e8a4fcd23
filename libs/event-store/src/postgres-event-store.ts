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

  /** Subscribes to other processes' appends (every other process on the same database). */
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
    for (let i = 0; i < this.queue.length && batch.length < this.maxBatch; ) {
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
    if (committed.length > 0) this.emitter.emit('flushed', committed.length, committed.reduce((n, p) => n + p.events.length, 0));
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
      .query(`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`)
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
    while (this.flushing > 0 || this.queue.length > 0 || this.notifying) await new Promise((r) => setTimeout(r, 5));
    await this.unlisten?.();
    this.unlisten = undefined;
  }
}

/**
 * Checks every append's expected version and inserts all their events in ONE statement (distinct streams,
 * see takeBatch). An append whose version does not match inserts nothing and gets a ConcurrencyError; the
 * others go through.
 */
async function appendBatch(sql: Sql, batch: PendingAppend[]): Promise<Array<AppendResult | ConcurrencyError>> {
  const input = batch.map((p, idx) => ({
    idx,
    stream_id: p.streamId,
    mode: typeof p.expected === 'number' ? 'exact' : p.expected,
    expected: typeof p.expected === 'number' ? p.expected : null,
    n: p.events.length,
  }));
  const events = batch.map((p) =>
    p.events.map((e) => ({ id: e.id ?? randomUUID(), type: e.type, schemaVersion: e.schemaVersion ?? 1, data: e.data, metadata: e.metadata })),
  );
  const r = await sql.query<{ idx: number; global_position: string; stream_version: number }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(idx int, stream_id text, mode text, expected int, n int)
     ), exact AS (
       UPDATE streams s SET version = s.version + i.n FROM input i
        WHERE i.mode = 'exact' AND s.stream_id = i.stream_id AND s.version = i.expected
       RETURNING i.idx, s.version
     ), fresh AS (
       INSERT INTO streams (stream_id, version) SELECT stream_id, n FROM input WHERE mode = 'no_stream'
       ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id, version
     ), anyv AS (
       INSERT INTO streams (stream_id, version) SELECT stream_id, n FROM input WHERE mode = 'any'
       ON CONFLICT (stream_id) DO UPDATE SET version = streams.version + EXCLUDED.version RETURNING stream_id, version
     ), ok AS (
       SELECT idx, version FROM exact
       UNION ALL SELECT i.idx, f.version FROM fresh f JOIN input i ON i.stream_id = f.stream_id AND i.mode = 'no_stream'
       UNION ALL SELECT i.idx, a.version FROM anyv a JOIN input i ON i.stream_id = a.stream_id AND i.mode = 'any'
     ), ins AS (
       INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata)
       SELECT (e.value->>'id')::uuid, i.stream_id, ok.version - i.n + e.ord::int, e.value->>'type',
              (e.value->>'schemaVersion')::int, e.value->'data', e.value->'metadata'
         FROM ok JOIN input i USING (idx)
         CROSS JOIN LATERAL jsonb_array_elements($2::jsonb -> ok.idx) WITH ORDINALITY AS e(value, ord)
        ORDER BY ok.idx, e.ord
       RETURNING stream_id, global_position, stream_version
     )
     SELECT i.idx, ins.global_position, ins.stream_version FROM ins JOIN input i ON i.stream_id = ins.stream_id`,
    [JSON.stringify(input), JSON.stringify(events)],
  );
  const results: Array<AppendResult | undefined> = batch.map(() => undefined);
  for (const row of r.rows) {
    const position = Number(row.global_position);
    const prev = results[row.idx];
    results[row.idx] = prev
      ? { streamVersion: Math.max(prev.streamVersion, row.stream_version), firstPosition: Math.min(prev.firstPosition, position), lastPosition: Math.max(prev.lastPosition, position) }
      : { streamVersion: row.stream_version, firstPosition: position, lastPosition: position };
  }
  const failed = batch.filter((_, i) => results[i] === undefined).map((p) => p.streamId);
  const actual = new Map<string, number>();
  if (failed.length > 0) {
    const v = await sql.query<{ stream_id: string; version: number }>('SELECT stream_id, version FROM streams WHERE stream_id = ANY($1::text[])', [failed]);
    for (const row of v.rows) actual.set(row.stream_id, row.version);
  }
  return batch.map((p, i) => results[i] ?? new ConcurrencyError(p.streamId, p.expected, actual.get(p.streamId) ?? null));
}

/** The idempotency records of the appends that went through, in the same transaction as their events. */
async function recordIdempotency(tx: Sql, batch: PendingAppend[], results: Array<AppendResult | ConcurrencyError>): Promise<void> {
  const rows = batch.flatMap((p, i) => {
    const idem = p.options?.idempotency;
    const result = results[i];
    if (!idem || result instanceof ConcurrencyError) return [];
    return [{ key: idem.key, request_hash: idem.requestHash, response: idem.outcome(result) }];
  });
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO idempotency_keys (key, request_hash, response)
     SELECT key, request_hash, response FROM jsonb_to_recordset($1::jsonb) AS r(key text, request_hash text, response jsonb)`,
    [JSON.stringify(rows)],
  );
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
