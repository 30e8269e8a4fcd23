/**
 * TEST ONLY: an in-memory imitation of the KurrentDB client calls the adapter makes, to exercise the adapter's
 * own logic (paging, filtering, version and error mapping, idempotency) where no server can run.
 *
 * It imitates what KurrentDB documents, and is no substitute for the contract suite against a real server
 * (tests/contract/kurrentdb-event-store.test.ts with KURRENTDB_URL). Imitated behaviour:
 * - one log; commit = prepare position, a growing byte offset; `$`-stream system records interleave;
 * - appends are atomic, checked against the expected revision; a repeat of the same event ids at the same
 *   expected revision is an idempotent success reporting no position (as KurrentDB does);
 * - event ids are NOT unique across streams (KurrentDB does not enforce it);
 * - `$all` reads include their start position (forwards and backwards); filters by stream-name regex;
 * - reading a missing stream throws StreamNotFoundError; a wrong revision throws WrongExpectedVersionError.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendResult,
  type AppendStreamState,
  type Direction,
  type EventData,
  type Filter,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { KurrentClient, KurrentSubscription } from '../kurrent-client.js';

interface Rec {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: true;
  data: unknown;
  metadata: unknown;
  position: { commit: bigint; prepare: bigint };
}

export class InMemoryKurrent {
  readonly log: Rec[] = [];
  private readonly streams = new Map<string, Rec[]>();
  private next = 1000n;
  private readonly bus = new EventEmitter();
  /** The server clock (tests set it to control `created`). */
  now: () => Date = () => new Date();
  /** Writes a system record after every n-th append (0: never). */
  systemEvery = 3;
  private appends = 0;
  /** Set to fail the next calls with UNAVAILABLE, as an unreachable server would. */
  unavailable = false;
  readonly subscriptions = new Set<FakeSubscription>();

  constructor() {
    this.bus.setMaxListeners(0);
    this.writeSystem('$epoch');
  }

  client(): KurrentClient {
    return new FakeClient(this);
  }

  /** A record in a `$`-stream, as KurrentDB writes itself (stats, stream metadata, …). */
  writeSystem(type = '$statsCollected', streamId = '$stats-127.0.0.1:2113'): void {
    this.write(streamId, [{ id: randomUUID(), type, data: {}, metadata: undefined }]);
  }

  write(streamId: string, events: Array<{ id: string; type: string; data: unknown; metadata: unknown }>): Rec[] {
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    const out: Rec[] = [];
    for (const e of events) {
      const position = { commit: this.next, prepare: this.next };
      // Record sizes vary, so positions are increasing but not dense.
      this.next += 100n + BigInt(JSON.stringify(e.data ?? null).length);
      const rec: Rec = {
        streamId,
        id: e.id,
        revision: BigInt(stream.length),
        type: e.type,
        created: this.now(),
        isJson: true,
        data: JSON.parse(JSON.stringify(e.data ?? null)),
        metadata: e.metadata === undefined ? undefined : JSON.parse(JSON.stringify(e.metadata)),
        position,
      };
      stream.push(rec);
      this.log.push(rec);
      out.push(rec);
    }
    for (const r of out) this.bus.emit('record', r);
    return out;
  }

  append(streamName: string, events: EventData[], state: AppendStreamState): AppendResult {
    this.check();
    const stream = this.streams.get(streamName) ?? [];
    const current: bigint | 'no_stream' = stream.length === 0 ? 'no_stream' : BigInt(stream.length - 1);
    const ids = events.map((e) => e.id);
    const base = state === 'no_stream' ? -1n : typeof state === 'bigint' ? state : null;
    // Idempotent repeat: the same ids already sit right after the expected revision.
    if (base !== null) {
      const at = stream.slice(Number(base + 1n), Number(base + 1n) + ids.length);
      if (at.length === ids.length && at.every((r, i) => r.id === ids[i])) {
        return { success: true, nextExpectedRevision: base + BigInt(ids.length), position: undefined };
      }
    }
    const ok =
      state === 'any' ||
      (state === 'no_stream' && current === 'no_stream') ||
      (state === 'stream_exists' && current !== 'no_stream') ||
      (typeof state === 'bigint' && current === state);
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected: state, current });
    const written = this.write(
      streamName,
      events.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
    );
    if (this.systemEvery > 0 && ++this.appends % this.systemEvery === 0) this.writeSystem();
    const last = written[written.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  readStream(streamName: string, from: ReadRevision, maxCount: number, direction: Direction): ResolvedEvent[] {
    this.check();
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(undefined, streamName);
    if (direction !== 'forwards' || typeof from !== 'bigint') throw new Error('imitation reads streams forwards from a revision only');
    return stream.slice(Number(from), Number(from) + maxCount).map((event) => ({ event }) as ResolvedEvent);
  }

  readAll(from: ReadPosition, maxCount: number, direction: Direction, filter?: Filter): AllStreamResolvedEvent[] {
    this.check();
    const match = (r: Rec) => passes(filter, r);
    let recs: Rec[];
    if (direction === 'forwards') {
      recs = from === 'start' ? this.log : from === 'end' ? [] : this.log.filter((r) => cmp(r.position, from) >= 0);
    } else {
      const upTo = from === 'end' ? this.log : from === 'start' ? [] : this.log.filter((r) => cmp(r.position, from) <= 0);
      recs = [...upTo].reverse();
    }
    return recs
      .filter(match)
      .slice(0, maxCount)
      .map((event) => ({ event }) as AllStreamResolvedEvent);
  }

  subscribe(filter?: Filter): FakeSubscription {
    const sub = new FakeSubscription(this, filter);
    this.subscriptions.add(sub);
    return sub;
  }

  onRecord(fn: (r: Rec) => void): () => void {
    this.bus.on('record', fn);
    return () => this.bus.off('record', fn);
  }

  private check(): void {
    if (this.unavailable) throw Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
  }
}

export class FakeSubscription extends EventEmitter implements KurrentSubscription {
  private readonly detach: () => void;
  constructor(
    private readonly kurrent: InMemoryKurrent,
    filter?: Filter,
  ) {
    super();
    this.detach = kurrent.onRecord((r) => {
      if (passes(filter, r)) this.emit('data', { event: r });
    });
  }

  /** Imitates a dropped connection. */
  drop(): void {
    this.emit('error', Object.assign(new Error('14 UNAVAILABLE'), { type: 'unavailable' }));
  }

  async unsubscribe(): Promise<void> {
    this.detach();
    this.kurrent.subscriptions.delete(this);
  }
}

class FakeClient implements KurrentClient {
  disposed = false;
  constructor(private readonly k: InMemoryKurrent) {}

  async appendToStream(streamName: string, events: EventData[], options: { streamState: AppendStreamState }): Promise<AppendResult> {
    await tick();
    return this.k.append(streamName, events, options.streamState);
  }

  async *readStream(
    streamName: string,
    o: { fromRevision: ReadRevision; maxCount: number; direction: Direction },
  ): AsyncIterable<ResolvedEvent> {
    await tick();
    yield* this.k.readStream(streamName, o.fromRevision, o.maxCount, o.direction);
  }

  async *readAll(o: {
    fromPosition: ReadPosition;
    maxCount: number;
    direction: Direction;
    filter?: Filter;
  }): AsyncIterable<AllStreamResolvedEvent> {
    await tick();
    yield* this.k.readAll(o.fromPosition, o.maxCount, o.direction, o.filter);
  }

  subscribeToAll(o: { fromPosition: ReadPosition; filter?: Filter }): KurrentSubscription {
    if (o.fromPosition !== 'end') throw new Error('imitation subscribes from the end only');
    return this.k.subscribe(o.filter);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

function cmp(a: { commit: bigint; prepare: bigint }, b: { commit: bigint; prepare: bigint }): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

function passes(filter: Filter | undefined, r: Rec): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? r.streamId : r.type;
  if ('regex' in filter) return new RegExp(filter.regex).test(subject);
  return filter.prefixes.some((p) => subject.startsWith(p));
}

/** Lets other work interleave, as a network round trip would. */
function tick(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
