/**
 * Pure translation between Dekomp's event-store port and KurrentDB's client types: events and metadata,
 * expected versions, log positions and checkpoints, deterministic event ids. Nothing here talks to a server.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AppendStreamState, CurrentStreamState, JSONEventData, Position, ReadPosition, RegexFilter } from '@kurrent/kurrentdb-client';
import {
  ConcurrencyError,
  START,
  compareCheckpoints,
  type Checkpoint,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type StoredEvent,
} from '#libs/event-store';
import type { Actor } from '#libs/kernel';

/** What Dekomp writes into a KurrentDB event's `metadata` (JSON). */
export interface KurrentMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
  reason?: string;
  schemaVersion: number;
  /** Kurrent's own names, so its system projections ($by_correlation_id) and UI link events up. */
  $correlationId?: string;
  $causationId?: string;
  /** Anything else the writer put in (e.g. `originalRecordedAt` from the copy command) travels along. */
  [extra: string]: unknown;
}

/** The fields of a recorded KurrentDB event the mapping needs (a subset of the client's `RecordedEvent`). */
export interface KurrentRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

/** What older servers (< 22.6) put in place of a stream read's log position: u64::MAX. */
export const UNKNOWN_POSITION = 2n ** 64n - 1n;

/** Dekomp's streams: every stream but KurrentDB's own `$`-streams (`$stats-…`, `$$…` metadata, `$et-…`, …). */
export const DEKOMP_STREAM_REGEX = '^[^$]';

/** Server-side filter for `$all` reads and subscriptions. */
export function dekompStreamFilter(regex: string = DEKOMP_STREAM_REGEX): RegexFilter {
  return { filterOn: 'streamName', regex, checkpointInterval: 1 };
}

/** Client-side guard on top of the server filter: no `$`-streams, no system event types, no link events (`$>`). */
export function isDekompRecord(record: Pick<KurrentRecord, 'streamId' | 'type'>, streamRegex: RegExp = /^[^$]/): boolean {
  return streamRegex.test(record.streamId) && !record.streamId.startsWith('$') && !record.type.startsWith('$');
}

// ---------------------------------------------------------------------------------------------------------
// Expected versions. Ours: the version of the stream's last event, counting from 1. Kurrent's: the revision
// of the last event, counting from 0. So our N is Kurrent's N-1.

export function toStreamState(expected: ExpectedVersion): AppendStreamState {
  if (expected === 'any') return 'any';
  if (expected === 'no_stream') return 'no_stream';
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`invalid expected version ${String(expected)}`);
  // Version 0 = a stream without events = no stream (KurrentDB has no revision -1 to expect).
  return expected === 0 ? 'no_stream' : BigInt(expected - 1);
}

/** Our stream version from Kurrent's current revision (`no_stream`, or deleted/tombstoned markers < 0: null). */
export function versionOfRevision(current: CurrentStreamState | undefined): number | null {
  if (typeof current !== 'bigint' || current < 0n) return null;
  return Number(current) + 1;
}

export function toConcurrencyError(streamId: string, expected: ExpectedVersion, current: CurrentStreamState | undefined): ConcurrencyError {
  return new ConcurrencyError(streamId, expected, versionOfRevision(current));
}

// ---------------------------------------------------------------------------------------------------------
// Positions and checkpoints. Checkpoint = (commit, prepare); globalPosition = commit position, a byte offset
// in the transaction log: unique per event (prepare = commit unless the old TCP-era explicit transactions were
// used), increasing, but not dense.

export function checkpointOf(position: Position): Checkpoint {
  return { major: position.commit, minor: position.prepare };
}

export function positionOf(checkpoint: Checkpoint): Position {
  return { commit: checkpoint.major, prepare: checkpoint.minor };
}

/** Where a forward read resumes. KurrentDB reads include the start position itself: callers drop `after`. */
export function readPositionAfter(after: Checkpoint): ReadPosition {
  return compareCheckpoints(after, START) === 0 ? 'start' : positionOf(after);
}

export function isKnownPosition(position: Position | undefined): position is Position {
  return position !== undefined && position.commit >= 0n && position.commit !== UNKNOWN_POSITION;
}

export function globalPositionOf(position: Position): number {
  if (position.commit > BigInt(Number.MAX_SAFE_INTEGER) || position.commit < 0n) {
    throw new RangeError(`KurrentDB commit position ${position.commit} does not fit a global position`);
  }
  return Number(position.commit);
}

// ---------------------------------------------------------------------------------------------------------
// Events.

export function toKurrentMetadata(event: NewEvent): KurrentMetadata {
  const m = event.metadata;
  return {
    ...m,
    schemaVersion: event.schemaVersion ?? 1,
    $correlationId: m.correlationId,
    ...(m.causationId ? { $causationId: m.causationId } : {}),
  };
}

export function toKurrentEvent(event: NewEvent, id: string): JSONEventData {
  return {
    id,
    contentType: 'application/json',
    type: event.type,
    // The client JSON.stringifies `data`; its type says object/array/string, any JSON value works.
    data: event.data as JSONEventData['data'],
    metadata: toKurrentMetadata(event),
  };
}

/**
 * A recorded KurrentDB event as Dekomp's StoredEvent. `recordedAt` is the server's `created` time, unless the
 * event was copied from another store, in which case the original recording time (`originalRecordedAt`,
 * written by the copy command) is kept so that as-of-time reads mean the same before and after a move.
 */
export function toStoredEvent(record: KurrentRecord): StoredEvent {
  if (!isKnownPosition(record.position)) {
    throw new Error(
      `KurrentDB returned no log position for event ${record.id} in ${record.streamId}: Dekomp needs KurrentDB/EventStoreDB 22.6 or later`,
    );
  }
  const raw = isPlainObject(record.metadata) ? record.metadata : {};
  const { schemaVersion, ...rest } = raw;
  const metadata: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (!k.startsWith('$')) metadata[k] = v;
  const recordedAt = typeof raw.originalRecordedAt === 'string' ? raw.originalRecordedAt : record.created.toISOString();
  return {
    id: record.id,
    streamId: record.streamId,
    streamVersion: Number(record.revision) + 1,
    globalPosition: globalPositionOf(record.position),
    checkpoint: checkpointOf(record.position),
    type: record.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: record.data,
    metadata: {
      causationId: null,
      idempotencyKey: null,
      ...(metadata as Partial<EventMetadata>),
      recordedAt,
    } as StoredEvent['metadata'],
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

// ---------------------------------------------------------------------------------------------------------
// Event ids.

/** Namespace of Dekomp's name-based event ids (a fixed, random uuid). */
export const DEKOMP_EVENT_ID_NAMESPACE = 'b3f0c1de-5a2e-4c7b-9d61-0e8f4a7c2d15';

/** RFC 4122 version-5 (SHA-1, name-based) uuid. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`invalid namespace uuid ${namespace}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The id of the `index`-th event of an idempotent command's append: the same on every retry. */
export function idempotentEventId(idempotencyKey: string, streamId: string, index: number): string {
  return uuidV5(`${idempotencyKey}\u0000${streamId}\u0000${index}`, DEKOMP_EVENT_ID_NAMESPACE);
}

/**
 * Event ids for one append. An explicit id always wins. Without one: derived from the idempotency key when
 * there is one (so a retried command writes the very same ids and KurrentDB's idempotent append drops the
 * repeat), else random.
 */
export function assignEventIds(
  events: Array<Pick<NewEvent, 'id'>>,
  streamId: string,
  idempotencyKey: string | null | undefined,
  random: () => string = randomUUID,
): string[] {
  return events.map((e, i) => e.id ?? (idempotencyKey ? idempotentEventId(idempotencyKey, streamId, i) : random()));
}

/** The first id that occurs twice, or null. */
export function firstDuplicate(ids: string[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    const k = id.toLowerCase();
    if (seen.has(k)) return id;
    seen.add(k);
  }
  return null;
}
