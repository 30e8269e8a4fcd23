/**
 * The adapter's own logic against an in-memory imitation of KurrentDB (./testing/in-memory-kurrent.ts), since no
 * server runs here. What a real server does is checked by tests/contract/kurrentdb-event-store.test.ts when
 * KURRENTDB_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { migrate, type SqlClient } from '#libs/db';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/backends.js';
import {
  compareCheckpoints,
  ConcurrencyError,
  idempotencyMigrations,
  IdempotencyKeyUsedError,
  START,
  type AppendOptions,
  type NewEvent,
  type StoredEvent,
} from '#libs/event-store';
import { createKurrentDbEventStore } from './create-kurrentdb-event-store.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import { idempotentEventId } from './mapping.js';
import { InMemoryKurrent } from './testing/in-memory-kurrent.js';

const actor = { role: 'governor' as const, org: '974761076', subject: 'tester', office: 'FMRO' };

function ev(type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent {
  return { type, data, metadata: { actor, correlationId: randomUUID(), causationId: null, idempotencyKey: null }, ...extra };
}

async function readEverything(store: KurrentDbEventStore, batch: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let after = START;
  for (let pages = 0; ; pages++) {
    if (pages > 1000) throw new Error('readAll does not advance');
    const page = await store.readAll(after, batch);
    expect(page.heldBack).toBe(false);
    if (page.events.length === 0) return out;
    out.push(...page.events);
    after = page.events[page.events.length - 1].checkpoint;
  }
}

/** The read-model database, with a switch to fail the next idempotency INSERT (a crash after the append). */
class FlakySql {
  failNextInsert = false;
  constructor(readonly inner: SqlClient) {}
  get client(): SqlClient {
    return new Proxy(this.inner, {
      get: (target, prop, receiver) => {
        if (prop === 'query') {
          return async (text: string, params?: unknown[]) => {
            if (this.failNextInsert && text.startsWith('INSERT INTO idempotency_keys')) {
              this.failNextInsert = false;
              throw new Error('process died before the idempotency record was written');
            }
            return target.query(text, params);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  }
}

let testDb: TestDatabase;
let db: SqlClient;
let sql: FlakySql;
let kurrent: InMemoryKurrent;
let store: KurrentDbEventStore;

beforeAll(async () => {
  testDb = await createTestDatabase('embedded');
  db = testDb.client;
  await migrate(db, idempotencyMigrations);
  sql = new FlakySql(db);
});
afterAll(async () => testDb.drop());

beforeEach(async () => {
  kurrent = new InMemoryKurrent();
  store = new KurrentDbEventStore(kurrent.client(), sql.client, { pageSize: 4, resubscribeDelayMs: 10 });
  await store.start();
});
afterEach(async () => store.close());

describe('KurrentDbEventStore (adapter logic, imitated server)', () => {
  it('appends with versions from 1, positions ascending, reading back multi-event positions', async () => {
    const r = await store.append('S-1', [ev('A', { n: 1 }), ev('B', { n: 2 }), ev('C', { n: 3 })], 'no_stream');
    expect(r.streamVersion).toBe(3);
    const read = await store.readStream('S-1');
    expect(read.map((e) => [e.type, e.streamVersion, e.data])).toEqual([
      ['A', 1, { n: 1 }],
      ['B', 2, { n: 2 }],
      ['C', 3, { n: 3 }],
    ]);
    expect(r.firstPosition).toBe(read[0].globalPosition);
    expect(r.lastPosition).toBe(read[2].globalPosition);
    expect(r.lastPosition).toBeGreaterThan(r.firstPosition);
    const one = await store.append('S-1', [ev('D')], 3);
    expect(one).toEqual({ streamVersion: 4, firstPosition: one.lastPosition, lastPosition: one.lastPosition });
  });

  it('stores ids, schema version, data and metadata as given', async () => {
    const id = randomUUID();
    const e = ev('Typed', { a: [1, 2], b: 'æøå' }, { id, schemaVersion: 3 });
    e.metadata = { ...e.metadata, causationId: randomUUID(), idempotencyKey: 'k-1', reason: 'correction' };
    await store.append('S-2', [e], 'no_stream');
    const [read] = await store.readStream('S-2');
    expect(read).toMatchObject({ id, streamId: 'S-2', schemaVersion: 3, data: { a: [1, 2], b: 'æøå' } });
    expect(read.metadata).toMatchObject(e.metadata);
    expect(Object.keys(read.metadata).some((k) => k.startsWith('$'))).toBe(false);
  });

  it('maps wrong expected revisions to ConcurrencyError with the actual version, appending nothing', async () => {
    await store.append('S-3', [ev('A'), ev('B')], 'no_stream');
    const stale = await store.append('S-3', [ev('C')], 1).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConcurrencyError);
    expect(stale).toMatchObject({ streamId: 'S-3', expected: 1, actual: 2 });
    await expect(store.append('S-3', [ev('C')], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append('Missing', [ev('A')], 1)).rejects.toMatchObject({ actual: null });
    expect((await store.readStream('S-3')).map((e) => e.type)).toEqual(['A', 'B']);
    expect((await store.append('S-3', [ev('C')], 'any')).streamVersion).toBe(3);
  });

  it('lets exactly one of concurrent appends at one version win', async () => {
    await store.append('S-4', [ev('A')], 'no_stream');
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.append('S-4', [ev('B', { i })], 1)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrencyError);
  });

  it('refuses an append that repeats an event id within itself, before writing', async () => {
    const id = randomUUID();
    await expect(store.append('S-5', [ev('X', {}, { id }), ev('Y', {}, { id })], 'no_stream')).rejects.toThrow(/repeats event id/);
    expect(await store.readStream('S-5')).toEqual([]);
  });

  it('pages through $all in order, each Dekomp event once, without system records', async () => {
    const streams = ['P-1', 'P-2', 'P-3'];
    for (let i = 0; i < 30; i++) await store.append(streams[i % 3], [ev('E', { i })], 'any');
    kurrent.writeSystem(); // trailing system records must not show, nor stop paging
    expect(kurrent.log.some((r) => r.streamId.startsWith('$'))).toBe(true);
    const all = await readEverything(store, 7);
    expect(all.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(all.every((e) => !e.streamId.startsWith('$'))).toBe(true);
    for (let i = 1; i < all.length; i++) expect(compareCheckpoints(all[i - 1].checkpoint, all[i].checkpoint)).toBe(-1);
    const rest = await store.readAll(all[29].checkpoint, 10);
    expect(rest).toEqual({ events: [], heldBack: false });
  });

  it('skips a run of system records longer than a page', async () => {
    await store.append('R-1', [ev('A')], 'no_stream');
    for (let i = 0; i < 20; i++) kurrent.writeSystem('$metadata', '$$R-1');
    // a non-$ stream with a system event type (as a link would be) is left out client-side too
    kurrent.write('R-2', [{ id: randomUUID(), type: '$>', data: '0@R-1', metadata: undefined }]);
    await store.append('R-1', [ev('B')], 1);
    expect((await readEverything(store, 1)).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('reads a missing stream as empty and honours maxPosition and maxRecordedAt', async () => {
    expect(await store.readStream('Nope')).toEqual([]);
    let clock = Date.parse('2026-01-01T00:00:00Z');
    kurrent.now = () => new Date(clock);
    const first = await store.append('T-1', [ev('A')], 'no_stream');
    clock += 60_000;
    for (let v = 1; v <= 9; v++) await store.append('T-1', [ev(`B${v}`)], v); // more than one page (4)
    expect((await store.readStream('T-1')).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await store.readStream('T-1', { maxPosition: first.lastPosition })).map((e) => e.type)).toEqual(['A']);
    expect((await store.readStream('T-1', { maxRecordedAt: new Date('2026-01-01T00:00:30Z') })).map((e) => e.type)).toEqual(['A']);
  });

  it('reports head position, checkpoints of positions and the position at a time', async () => {
    expect(await store.headPosition()).toBe(0);
    let clock = Date.parse('2026-02-01T00:00:00Z');
    kurrent.now = () => new Date(clock);
    const positions: number[] = [];
    for (let i = 0; i < 10; i++) {
      clock += 1000;
      positions.push((await store.append('H-1', [ev('E', { i })], i === 0 ? 'no_stream' : i)).lastPosition);
    }
    kurrent.writeSystem();
    // more trailing records the server filter lets through but the adapter skips (links) than a head page holds
    for (let i = 0; i < 12; i++) kurrent.write('Links-1', [{ id: randomUUID(), type: '$>', data: `${i}@H-1`, metadata: undefined }]);
    expect(await store.headPosition()).toBe(positions[9]);
    const all = await readEverything(store, 100);
    expect(await store.checkpointOf(positions[4])).toEqual(all[4].checkpoint);
    expect(await store.checkpointOf(positions[4] + 1)).toBeNull();
    expect(await store.checkpointOf(0)).toBeNull();
    // created at 00:00:01 … 00:00:10; backwards scans page by 4 and see system records in between
    expect(await store.positionAt(new Date('2026-02-01T00:00:03.500Z'))).toBe(positions[2]);
    expect(await store.positionAt(new Date('2026-02-01T00:00:10Z'))).toBe(positions[9]);
    expect(await store.positionAt(new Date('2026-01-01T00:00:00Z'))).toBe(0);
  });

  it('tells listeners of its own appends and, through the $all subscription, of other writers', async () => {
    let calls = 0;
    const off = store.onAppended(() => calls++);
    await store.append('L-1', [ev('A')], 'no_stream');
    const own = calls;
    expect(own).toBeGreaterThan(0);
    const other = new KurrentDbEventStore(kurrent.client(), sql.client);
    await other.append('L-2', [ev('B')], 'no_stream'); // another process, same server
    expect(calls).toBeGreaterThan(own);
    const beforeSystem = calls;
    kurrent.writeSystem();
    expect(calls).toBe(beforeSystem); // the subscription is filtered too
    off();
    await other.close();
  });

  it('re-subscribes after the subscription drops, and nudges listeners', async () => {
    let calls = 0;
    store.onAppended(() => calls++);
    const [sub] = [...kurrent.subscriptions];
    sub.drop();
    expect(kurrent.subscriptions.size).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(kurrent.subscriptions.size).toBe(1);
    expect(calls).toBe(1);
    kurrent.write('Other-1', [{ id: randomUUID(), type: 'X', data: {}, metadata: undefined }]);
    expect(calls).toBe(2);
  });

  it('unsubscribes on close', async () => {
    expect(kurrent.subscriptions.size).toBe(1);
    await store.close();
    expect(kurrent.subscriptions.size).toBe(0);
  });

  it('does not start when the server does not answer', async () => {
    const down = new InMemoryKurrent();
    down.unavailable = true;
    const s = new KurrentDbEventStore(down.client(), sql.client);
    await expect(s.start()).rejects.toMatchObject({ code: 14 });
    await s.close();
  });
});

describe('KurrentDbEventStore idempotency (adapter logic, imitated server)', () => {
  const options = (key: string, hash = 'h-1'): AppendOptions => ({
    idempotency: { key, requestHash: hash, outcome: (r) => ({ version: r.streamVersion, position: r.lastPosition }) },
  });
  const stored = async (key: string) =>
    (
      await db.query<{ request_hash: string; response: unknown }>('SELECT request_hash, response FROM idempotency_keys WHERE key = $1', [
        key,
      ])
    ).rows;

  it('writes the idempotency record after the append, with ids derived from the key', async () => {
    const key = `key-${randomUUID()}`;
    const r = await store.append('I-1', [ev('A'), ev('B')], 'no_stream', options(key));
    expect(await stored(key)).toEqual([{ request_hash: 'h-1', response: { version: 2, position: r.lastPosition } }]);
    expect((await store.readStream('I-1')).map((e) => e.id)).toEqual([idempotentEventId(key, 'I-1', 0), idempotentEventId(key, 'I-1', 1)]);
  });

  it('refuses a used key without appending', async () => {
    const key = `key-${randomUUID()}`;
    await store.append('I-2', [ev('A')], 'no_stream', options(key));
    await expect(store.append('I-2', [ev('B')], 1, options(key, 'h-2'))).rejects.toBeInstanceOf(IdempotencyKeyUsedError);
    expect((await store.readStream('I-2')).map((e) => e.type)).toEqual(['A']);
  });

  it('after a crash between append and record, a retry appends nothing new and stores the record', async () => {
    const key = `key-${randomUUID()}`;
    sql.failNextInsert = true;
    const crashed = await store.append('I-3', [ev('A'), ev('B')], 'no_stream', options(key)).catch((e: unknown) => e);
    expect(crashed).toBeInstanceOf(Error);
    expect(await stored(key)).toEqual([]);
    expect(await store.readStream('I-3')).toHaveLength(2); // the events did land

    const retry = await store.append('I-3', [ev('A'), ev('B')], 'no_stream', options(key));
    const events = await store.readStream('I-3');
    expect(events).toHaveLength(2); // KurrentDB dropped the repeat: same ids at the same revision
    expect(retry).toEqual({ streamVersion: 2, firstPosition: events[0].globalPosition, lastPosition: events[1].globalPosition });
    expect(await stored(key)).toHaveLength(1);
  });

  it('answers a concurrent second use of a key with IdempotencyKeyUsedError, the events written once', async () => {
    const key = `key-${randomUUID()}`;
    const results = await Promise.allSettled([
      store.append('I-4', [ev('A')], 'no_stream', options(key)),
      store.append('I-4', [ev('A')], 'no_stream', options(key)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(IdempotencyKeyUsedError);
    expect(await store.readStream('I-4')).toHaveLength(1);
  });
});

describe('createKurrentDbEventStore with the real client', () => {
  it('builds a store from a connection string; start() rejects fast when nothing listens', async () => {
    const s = createKurrentDbEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false', sql: db });
    expect(s.name).toBe('kurrentdb');
    const started = Date.now();
    await expect(s.start()).rejects.toMatchObject({ type: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(15_000);
    await s.close();
  });
});
