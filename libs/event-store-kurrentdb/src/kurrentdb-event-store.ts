import { EventEmitter } from 'node:events';
import { type AppendResult as KurrentAppendResult, type Filter, type Position } from '@kurrent/kurrentdb-client';
import type { SqlClient } from '#libs/db';
import { keyUsed, recordIdempotency } from './idempotency.js';
import { scanBackwards } from './scan-backwards.js';
import {
  errorType,
  isConnectionError,
  type KurrentClient,
  type KurrentDbEventStoreOptions,
  type KurrentSubscription,
} from './kurrent-client.js';
import {
  compareCheckpoints,
  IdempotencyKeyUsedError,
  type AppendOptions,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllResult,
  type ReadStreamOptions,
  type StoredEvent,
} from '#libs/event-store';
import {
  assignEventIds,
  checkpointOf,
  dekompStreamFilter,
  DEKOMP_STREAM_REGEX,
  firstDuplicate,
  globalPositionOf,
  isDekompRecord,
  isKnownPosition,
  readPositionAfter,
  toConcurrencyError,
  toKurrentEvent,
  toStoredEvent,
  toStreamState,
} from './mapping.js';

/**
 * The event store on KurrentDB (EventStoreDB), read models staying in PostgreSQL.
 *
 * - Streams map one to one; our version N is Kurrent's revision N-1. An append is one `appendToStream` (atomic
 *   in KurrentDB); a wrong expected revision becomes a ConcurrencyError.
 * - The global log is `$all` without KurrentDB's `$`-streams. Checkpoint = (commit, prepare) position,
 *   globalPosition = commit position (a byte offset: increasing, unique per event, not dense). `$all` is in
 *   commit order, so nothing commits "late" behind a reader: `heldBack` is always false.
 * - Idempotency records go to `idempotency_keys` in the read-model database after the append; see `append`.
 */
export class KurrentDbEventStore implements EventStore {
  readonly name = 'kurrentdb';
  private readonly emitter = new EventEmitter();
  private readonly pageSize: number;
  private readonly filter: Filter;
  private readonly streamRegex: RegExp;
  private readonly resubscribeDelayMs: number;
  private readonly ownsClient: boolean;
  private started = false;
  private closed = false;
  private subscription?: KurrentSubscription;
  private resubscribeTimer?: NodeJS.Timeout;
  private inFlight = 0;

  constructor(
    private readonly client: KurrentClient,
    private readonly sql: SqlClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.pageSize = Math.max(2, options.pageSize ?? 500);
    const regex = options.streamRegex ?? DEKOMP_STREAM_REGEX;
    this.filter = dekompStreamFilter(regex);
    this.streamRegex = new RegExp(regex);
    this.resubscribeDelayMs = options.resubscribeDelayMs ?? 1000;
    this.ownsClient = options.ownsClient ?? false;
    this.emitter.setMaxListeners(0);
  }

  /** Checks that the server answers (throws otherwise) and subscribes to `$all` for other writers' appends. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.headPosition();
    this.started = true;
    this.subscribe();
  }

  private subscribe(): void {
    if (!this.started || this.closed) return;
    const sub = this.client.subscribeToAll({ fromPosition: 'end', filter: this.filter });
    this.subscription = sub;
    const dropped = () => {
      if (this.subscription !== sub) return;
      this.subscription = undefined;
      void sub.unsubscribe().catch(() => undefined);
      if (!this.started || this.closed) return;
      this.resubscribeTimer = setTimeout(() => {
        this.resubscribeTimer = undefined;
        this.subscribe();
        // Whatever was appended while we were away: let readers look.
        this.emitter.emit('appended');
      }, this.resubscribeDelayMs);
      this.resubscribeTimer.unref?.();
    };
    sub.on('data', () => this.emitter.emit('appended'));
    sub.on('error', dropped);
    sub.on('close', dropped);
  }

  /**
   * Appends atomically, then writes the idempotency record to the read-model database.
   *
   * Trade-off: KurrentDB and PostgreSQL cannot commit together. A crash between the append and the record
   * would let a retry of the same command append its events again. To make that retry safe, events of an
   * idempotent command (no explicit id) get ids derived from (idempotency key, stream, index), so the retry
   * proposes the same ids at the same expected revision and KurrentDB's idempotent append returns the earlier
   * write instead of writing again; the record is then stored. The price: such ids are predictable from the key,
   * a retry with the same key but a different body inside that crash window gets the first body's events,
   * and two different requests racing with one key can both reach KurrentDB (the second is deduplicated when
   * it targets the same stream and revision; otherwise its events stay and it is answered with
   * IdempotencyKeyUsedError). With the PostgreSQL store, events and record commit in one transaction.
   */
  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    this.inFlight++;
    try {
      const idem = options?.idempotency;
      if (idem && (await keyUsed(this.sql, idem.key))) throw new IdempotencyKeyUsedError(idem.key);
      const ids = assignEventIds(events, streamId, idem?.key);
      const duplicate = firstDuplicate(ids);
      if (duplicate) throw new Error(`append to ${streamId} repeats event id ${duplicate}`);
      const streamState = toStreamState(expected);
      let written: KurrentAppendResult;
      try {
        written = await this.client.appendToStream(
          streamId,
          events.map((e, i) => toKurrentEvent(e, ids[i])),
          { streamState },
        );
      } catch (error) {
        if (errorType(error) === 'wrong-expected-version') {
          throw toConcurrencyError(streamId, expected, (error as { actualState?: bigint | 'no_stream' }).actualState);
        }
        throw error;
      }
      // Only with `throwOnAppendFailure=false` in the connection string; the client's batch-append path then
      // reports a wrong current revision, so the actual version is left unknown.
      if (!written.success) throw toConcurrencyError(streamId, expected, undefined);
      const result = await this.resultOf(streamId, written, events.length);
      this.emitter.emit('appended');
      if (idem) await recordIdempotency(this.sql, idem, result);
      return result;
    } finally {
      this.inFlight--;
    }
  }

  /**
   * The append's positions. KurrentDB reports only the last event's position (and none when the append was an
   * idempotent repeat), so for several events, or none reported, the appended events are read back.
   */
  private async resultOf(streamId: string, written: KurrentAppendResult, n: number): Promise<AppendResult> {
    const lastRevision = written.nextExpectedRevision;
    const streamVersion = Number(lastRevision) + 1;
    if (n === 1 && isKnownPosition(written.position)) {
      const p = globalPositionOf(written.position);
      return { streamVersion, firstPosition: p, lastPosition: p };
    }
    const from = lastRevision - BigInt(n - 1);
    const positions: number[] = [];
    for await (const r of this.client.readStream(streamId, { fromRevision: from < 0n ? 0n : from, maxCount: n, direction: 'forwards' })) {
      if (r.event && isKnownPosition(r.event.position)) positions.push(globalPositionOf(r.event.position));
    }
    if (positions.length === 0) throw new Error(`appended to ${streamId} but could not read the events' positions back`);
    return { streamVersion, firstPosition: Math.min(...positions), lastPosition: Math.max(...positions) };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    const maxRecordedAt = options.maxRecordedAt?.getTime();
    let from = 0n;
    for (;;) {
      let seen = 0;
      try {
        for await (const r of this.client.readStream(streamId, { fromRevision: from, maxCount: this.pageSize, direction: 'forwards' })) {
          seen++;
          if (!r.event) continue;
          from = r.event.revision + 1n;
          const e = toStoredEvent(r.event);
          // A stream's events are in log order: past maxPosition, nothing later qualifies.
          if (options.maxPosition !== undefined && e.globalPosition > options.maxPosition) return out;
          if (maxRecordedAt !== undefined && Date.parse(e.metadata.recordedAt) > maxRecordedAt) continue;
          out.push(e);
        }
      } catch (error) {
        if (errorType(error) === 'stream-not-found') return out;
        throw error;
      }
      if (seen < this.pageSize) return out;
    }
  }

  async readAll(after: Checkpoint, batchSize: number): Promise<ReadAllResult> {
    const events: StoredEvent[] = [];
    let from = after;
    while (events.length < batchSize) {
      // The read includes its start position: ask for one more and drop what is not after `from`.
      const want = batchSize - events.length + 1;
      let seen = 0;
      let last: Checkpoint | undefined;
      for await (const r of this.client.readAll({
        fromPosition: readPositionAfter(from),
        maxCount: want,
        direction: 'forwards',
        filter: this.filter,
      })) {
        seen++;
        const rec = r.event;
        if (!rec || !isKnownPosition(rec.position)) continue;
        const cp = checkpointOf(rec.position);
        if (compareCheckpoints(cp, from) <= 0) continue;
        last = cp;
        if (!isDekompRecord(rec, this.streamRegex)) continue;
        events.push(toStoredEvent(rec));
        if (events.length === batchSize) break;
      }
      // A short read is the end of the log; a full one that only held skipped records goes on from there.
      if (seen < want || last === undefined) break;
      from = last;
    }
    return { events, heldBack: false };
  }

  async checkpointOf(globalPosition: number): Promise<Checkpoint | null> {
    if (!Number.isSafeInteger(globalPosition) || globalPosition <= 0) return null;
    const commit = BigInt(globalPosition);
    // Dekomp's events have prepare = commit (no explicit transactions), so (p, p) is the event's own position.
    const at: Position = { commit, prepare: commit };
    try {
      for await (const r of this.client.readAll({ fromPosition: at, maxCount: 1, direction: 'forwards', filter: this.filter })) {
        const rec = r.event;
        if (rec && isKnownPosition(rec.position) && rec.position.commit === commit && isDekompRecord(rec, this.streamRegex)) {
          return checkpointOf(rec.position);
        }
        return null;
      }
      return null;
    } catch (error) {
      // A position that is no event's (e.g. from another store) can be refused by the server: no such event.
      if (isConnectionError(error)) throw error;
      return null;
    }
  }

  async headPosition(): Promise<number> {
    // Usually the newest record is Dekomp's: a small page (>= 2, as a read includes its start).
    const e = await scanBackwards(this.client, this.filter, this.streamRegex, () => true, 8);
    return e?.globalPosition ?? 0;
  }

  async positionAt(time: Date): Promise<number> {
    const t = time.getTime();
    const e = await scanBackwards(
      this.client,
      this.filter,
      this.streamRegex,
      (event) => Date.parse(event.metadata.recordedAt) <= t,
      this.pageSize,
    );
    return e?.globalPosition ?? 0;
  }

  onAppended(listener: () => void): () => void {
    this.emitter.on('appended', listener);
    return () => this.emitter.off('appended', listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.inFlight > 0) await new Promise((r) => setTimeout(r, 5));
    this.closed = true;
    this.started = false;
    if (this.resubscribeTimer) clearTimeout(this.resubscribeTimer);
    this.resubscribeTimer = undefined;
    const sub = this.subscription;
    this.subscription = undefined;
    await sub?.unsubscribe().catch(() => undefined);
    if (this.ownsClient) await this.client.dispose();
  }
}
