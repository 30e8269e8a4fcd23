import { randomUUID } from 'node:crypto';
import type { Sql } from '#libs/db';
import { ConcurrencyError } from './errors.js';
import type { AppendOptions, AppendResult, ExpectedVersion, NewEvent, StoredEvent } from './types.js';
/** The SQL side of the PostgreSQL event store: rows, the batch insert, the idempotency records. */
export const NOTIFY_CHANNEL = 'dekomp_events';

export interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedVersion;
  options?: AppendOptions;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

export interface EventRow {
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

export const EVENT_COLUMNS = `global_position, transaction_id::text AS xid, event_id, stream_id, stream_version,
  type, schema_version, data, metadata, recorded_at`;

/**
 * Checks every append's expected version and inserts all their events in ONE statement, `append_events`
 * (distinct streams, see takeBatch; the function is in postgres-migrations.ts). An append whose version does
 * not match inserts nothing and gets a ConcurrencyError; the others go through.
 */
export async function appendBatch(sql: Sql, batch: PendingAppend[]): Promise<Array<AppendResult | ConcurrencyError>> {
  const input = batch.map((p, idx) => ({
    idx,
    stream_id: p.streamId,
    mode: typeof p.expected === 'number' ? 'exact' : p.expected,
    expected: typeof p.expected === 'number' ? p.expected : null,
    n: p.events.length,
  }));
  const events = batch.map((p) =>
    p.events.map((e) => ({
      id: e.id ?? randomUUID(),
      type: e.type,
      schemaVersion: e.schemaVersion ?? 1,
      data: e.data,
      metadata: e.metadata,
    })),
  );
  const r = await sql.query<{ idx: number; global_position: string; stream_version: number }>(
    'SELECT idx, global_position, stream_version FROM append_events($1::jsonb, $2::jsonb)',
    [JSON.stringify(input), JSON.stringify(events)],
  );
  const results: Array<AppendResult | undefined> = batch.map(() => undefined);
  for (const row of r.rows) {
    const position = Number(row.global_position);
    const prev = results[row.idx];
    results[row.idx] = prev
      ? {
          streamVersion: Math.max(prev.streamVersion, row.stream_version),
          firstPosition: Math.min(prev.firstPosition, position),
          lastPosition: Math.max(prev.lastPosition, position),
        }
      : { streamVersion: row.stream_version, firstPosition: position, lastPosition: position };
  }
  const failed = batch.filter((_, i) => results[i] === undefined).map((p) => p.streamId);
  const actual = new Map<string, number>();
  if (failed.length > 0) {
    const v = await sql.query<{ stream_id: string; version: number }>(
      'SELECT stream_id, version FROM streams WHERE stream_id = ANY($1::text[])',
      [failed],
    );
    for (const row of v.rows) actual.set(row.stream_id, row.version);
  }
  return batch.map((p, i) => results[i] ?? new ConcurrencyError(p.streamId, p.expected, actual.get(p.streamId) ?? null));
}

/** The idempotency records of the appends that went through, in the same transaction as their events. */
export async function recordIdempotency(tx: Sql, batch: PendingAppend[], results: Array<AppendResult | ConcurrencyError>): Promise<void> {
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

export function toStoredEvent(row: EventRow): StoredEvent {
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
