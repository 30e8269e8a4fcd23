import { randomUUID } from 'node:crypto';
import { ConcurrencyError, START, type EventStore, type NewEvent, type StoredEvent, compareCheckpoints } from '#libs/event-store';
import type { Actor } from '#libs/kernel';

const actor: Actor = { role: 'governor', org: '974761076', subject: 'tester', office: 'FMRO' };

export function newEvent(type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent {
  return {
    type,
    data,
    metadata: { actor, correlationId: randomUUID(), causationId: null, idempotencyKey: null },
    ...extra,
  };
}

export async function readEverything(store: EventStore, batchSize = 100): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let after = START;
  for (;;) {
    const page = await store.readAll(after, batchSize);
    if (page.events.length === 0) {
      // Held back: an older transaction (anywhere in the cluster) is still open; its events may yet commit.
      if (page.heldBack) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      return out;
    }
    out.push(...page.events);
    after = page.events[page.events.length - 1].checkpoint;
  }
}

/**
 * The event-store contract: every adapter (PostgreSQL — a server or the embedded one —, KurrentDB) passes the same suite.
 * `open` gives a store over an empty log; `close` releases it.
 */
export function eventStoreContract(open: () => Promise<{ store: EventStore; close: () => Promise<void> }>): void {
  let store: EventStore;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await open());
  });
  afterEach(async () => close());

  const stream = () => `Test-${randomUUID()}`;

  it('Given no stream, When appending with no_stream, Then the events get versions 1..n and ascending positions', async () => {
    const s = stream();
    const r = await store.append(s, [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })], 'no_stream');
    expect(r.streamVersion).toBe(2);
    expect(r.lastPosition).toBeGreaterThan(r.firstPosition);
    const read = await store.readStream(s);
    expect(read.map((e) => [e.type, e.streamVersion, e.data])).toEqual([
      ['A', 1, { n: 1 }],
      ['B', 2, { n: 2 }],
    ]);
    expect(read[0].globalPosition).toBe(r.firstPosition);
  });

  it('stores id, type, schema version, data and the whole metadata with a recorded-at time', async () => {
    const s = stream();
    const id = randomUUID();
    const e = newEvent('Typed', { a: [1, 2], b: 'æøå' }, { id, schemaVersion: 3 });
    e.metadata = { ...e.metadata, causationId: randomUUID(), idempotencyKey: 'k-1', reason: 'correction' };
    await store.append(s, [e], 'no_stream');
    const [read] = await store.readStream(s);
    expect(read.id).toBe(id);
    expect(read.streamId).toBe(s);
    expect(read.schemaVersion).toBe(3);
    expect(read.data).toEqual({ a: [1, 2], b: 'æøå' });
    expect(read.metadata).toMatchObject({ ...e.metadata, actor });
    expect(Number.isNaN(Date.parse(read.metadata.recordedAt))).toBe(false);
  });

  it('Given a stream at version 2, When appending expecting 1, Then ConcurrencyError and nothing is appended', async () => {
    const s = stream();
    await store.append(s, [newEvent('A'), newEvent('B')], 'no_stream');
    await expect(store.append(s, [newEvent('C')], 1)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(s, [newEvent('C')], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B']);
    const r = await store.append(s, [newEvent('C')], 2);
    expect(r.streamVersion).toBe(3);
  });

  it('Given no stream, When appending expecting version 1, Then ConcurrencyError', async () => {
    await expect(store.append(stream(), [newEvent('A')], 1)).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('appends with "any" whatever the version', async () => {
    const s = stream();
    await store.append(s, [newEvent('A')], 'any');
    const r = await store.append(s, [newEvent('B')], 'any');
    expect(r.streamVersion).toBe(2);
  });

  it('of concurrent appends expecting the same version exactly one wins', async () => {
    const s = stream();
    await store.append(s, [newEvent('A')], 'no_stream');
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.append(s, [newEvent('B', { i })], 1)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(ConcurrencyError);
    }
    expect(await store.readStream(s)).toHaveLength(2);
  });

  it('readAll pages through the whole log in order, each event once', async () => {
    const streams = [stream(), stream(), stream()];
    for (let i = 0; i < 30; i++) await store.append(streams[i % 3], [newEvent('E', { i })], 'any');
    const all = (await readEverything(store, 7)).filter((e) => streams.includes(e.streamId));
    expect(all.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    for (let i = 1; i < all.length; i++) expect(compareCheckpoints(all[i - 1].checkpoint, all[i].checkpoint)).toBe(-1);
  });

  it('readStream can stop at a past global position', async () => {
    const s = stream();
    const first = await store.append(s, [newEvent('A')], 'no_stream');
    await store.append(s, [newEvent('B')], 1);
    const asOf = await store.readStream(s, { maxPosition: first.lastPosition });
    expect(asOf.map((e) => e.type)).toEqual(['A']);
  });

  it('reports the head position and the checkpoint of a position', async () => {
    const r = await store.append(stream(), [newEvent('A')], 'no_stream');
    expect(await store.headPosition()).toBeGreaterThanOrEqual(r.lastPosition);
    const cp = await store.checkpointOf(r.lastPosition);
    expect(cp).not.toBeNull();
    const all = await readEverything(store);
    expect(all.find((e) => e.globalPosition === r.lastPosition)?.checkpoint).toEqual(cp);
  });

  it('tells listeners after an append', async () => {
    let calls = 0;
    const off = store.onAppended(() => calls++);
    await store.append(stream(), [newEvent('A')], 'no_stream');
    off();
    expect(calls).toBeGreaterThan(0);
  });
}
