import { migrate, type Sql, type SqlClient } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore, type StoredEvent } from '#libs/event-store';
import { projectionMigrations, ProjectionEngine, type Projection } from '#libs/projections';
import { createTestDatabase, testBackends, type BackendName, type TestDatabase } from '../support/backends.js';
import { newEvent } from './event-store.contract.js';
import { defineAggregate, ReadModels, upcast, type DomainEvent } from '#libs/platform';

type Paid = DomainEvent<'Paid', { id: string; paidOn: string }>;

/** A read model that stores a date, like the grants' payments: PostgreSQL refuses '2027' as a date. */
function payments(aggregate?: ReturnType<typeof paidAggregate>): Projection {
  return {
    name: 'test_payments',
    version: aggregate ? 2 : 1,
    schema: `CREATE TABLE payments (id text PRIMARY KEY, paid_on date NOT NULL);`,
    handles: ['Paid'],
    async apply(e: StoredEvent, sql: Sql) {
      const data = aggregate ? upcast(aggregate, e).data : (e.data as Paid['data']);
      await sql.query(`INSERT INTO payments (id, paid_on) VALUES ($1, $2)`, [data.id, data.paidOn]);
    },
  };
}

/** The repair: version 2 of Paid, read from version 1 by an upcaster that makes a bare year a calendar date. */
function paidAggregate() {
  return defineAggregate<never, null, Paid>({
    name: 'Payment',
    decider: { initialState: null, evolve: (s) => s, decide: () => [] },
    eventTypes: { Paid: 2 },
    upcasters: {
      Paid: {
        1: (d) => {
          const v1 = d as Paid['data'];
          return { ...v1, paidOn: /^\d{4}$/.test(v1.paidOn) ? `${v1.paidOn}-01-01` : v1.paidOn };
        },
      },
    },
  });
}

/** Counts events per stream by incrementing: an event applied twice would show as a wrong count. */
const counts: Projection = {
  name: 'test_counts',
  version: 1,
  schema: `CREATE TABLE stream_counts (stream_id text PRIMARY KEY, events integer NOT NULL, total integer NOT NULL);`,
  handles: ['Added'],
  async apply(e: StoredEvent, sql: Sql) {
    await sql.query(
      `INSERT INTO stream_counts (stream_id, events, total) VALUES ($1, 1, $2)
       ON CONFLICT (stream_id) DO UPDATE SET events = stream_counts.events + 1, total = stream_counts.total + $2`,
      [e.streamId, (e.data as { amount: number }).amount],
    );
  },
};

/** One batch that reads something: waits while reads are held back by open transactions elsewhere in the cluster. */
async function stepWithEvents(engine: ProjectionEngine): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await engine.step()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('no events became readable');
}

async function rows(sql: SqlClient): Promise<unknown[]> {
  return (await sql.query(`SELECT stream_id, events, total FROM rm_test_counts.stream_counts ORDER BY stream_id`)).rows;
}

const backends = await testBackends('projections');

describe.each(backends)('ProjectionEngine on %s', (backend: BackendName) => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeEach(async () => {
    db = await createTestDatabase(backend);
    await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations, ...projectionMigrations]);
    store = new PostgresEventStore(db.client);
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  async function addEvents(n: number, streams = 5): Promise<void> {
    for (let i = 0; i < n; i++) await store.append(`S-${i % streams}`, [newEvent('Added', { amount: i })], 'any');
  }

  it('Given a crash between handling a batch and its commit, When restarted, Then the read model equals a full rebuild', async () => {
    await addEvents(40);
    let crash = true;
    const crashing = new ProjectionEngine(db.client, store, [counts], {
      batchSize: 15,
      beforeCommit: async () => {
        if (crash) throw new Error('simulated crash before commit');
      },
    });
    await crashing.ensure();
    await expect(stepWithEvents(crashing)).rejects.toThrow('simulated crash');
    expect(await rows(db.client)).toEqual([]); // nothing of the crashed batch is visible
    crash = false;
    await stepWithEvents(crashing); // one good batch, then "crash" again
    crash = true;
    await expect(stepWithEvents(crashing)).rejects.toThrow('simulated crash');

    const restarted = new ProjectionEngine(db.client, store, [counts], { batchSize: 15 });
    await restarted.ensure();
    await restarted.catchUp();
    const afterRestart = await rows(db.client);
    await restarted.rebuild('test_counts');
    expect(await rows(db.client)).toEqual(afterRestart);
    expect(afterRestart).toHaveLength(5);
    expect(afterRestart.reduce((s: number, r) => s + (r as { events: number }).events, 0)).toBe(40);
  });

  it('rebuilds blue/green: the old copy answers during the rebuild, events arriving meanwhile are not lost', async () => {
    await addEvents(300);
    const engine = new ProjectionEngine(db.client, store, [counts], { batchSize: 50 });
    await engine.ensure();
    await engine.catchUp();
    engine.start();
    const seenDuring: number[] = [];
    const progress: number[] = [];
    const rebuilding = engine.rebuild('test_counts', (done) => progress.push(done));
    const writer = addEvents(60, 3);
    while (progress.length < 2) {
      const r = await db.client.query<{ n: string }>(`SELECT sum(events)::text AS n FROM rm_test_counts.stream_counts`);
      seenDuring.push(Number(r.rows[0].n));
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all([rebuilding, writer]);
    const last = await store.headPosition();
    expect(await engine.waitFor(last, 10_000)).toBe(true);
    await engine.stop();
    const final = await db.client.query<{ n: string }>(`SELECT sum(events)::text AS n FROM rm_test_counts.stream_counts`);
    expect(Number(final.rows[0].n)).toBe(360);
    expect(seenDuring.every((n) => n >= 300)).toBe(true); // never an empty or partial copy while rebuilding
    expect(progress[progress.length - 1]).toBeGreaterThanOrEqual(300);
  });

  it('waitFor resolves when the read model reaches a position, and times out when it cannot', async () => {
    const engine = new ProjectionEngine(db.client, store, [counts]);
    await engine.ensure();
    const r = await store.append('S-w', [newEvent('Added', { amount: 7 })], 'no_stream');
    expect(await engine.waitFor(r.lastPosition, 50)).toBe(false); // nothing is running
    engine.start();
    expect(await engine.waitFor(r.lastPosition, 5_000)).toBe(true);
    expect(await rows(db.client)).toEqual([{ stream_id: 'S-w', events: 1, total: 7 }]);
    await engine.stop();
  });

  it('Given events no read model it reads handles, When a command looks facts up (caughtUp), Then it does not wait for them; a newer event it reads is waited for', async () => {
    const engine = new ProjectionEngine(db.client, store, [counts, payments()]);
    await engine.ensure();
    const readModels = new ReadModels(db.client, store, engine);
    const total = () =>
      readModels.caughtUp(
        ['test_counts'],
        async (sql) => (await sql.query(`SELECT stream_id, events, total FROM rm_test_counts.stream_counts`)).rows,
        300,
      );
    await store.append('S-c', [newEvent('Added', { amount: 2 })], 'no_stream');
    await engine.catchUp();
    await store.append('P-1', [newEvent('Paid', { id: 'p1', paidOn: '2027-01-01' })], 'no_stream'); // not read by test_counts
    expect(await total()).toEqual([{ stream_id: 'S-c', events: 1, total: 2 }]); // the engine is not running: no wait
    await store.append('S-c', [newEvent('Added', { amount: 3 })], 1);
    await expect(total()).rejects.toThrow('did not reach position');
    engine.start();
    expect(await total()).toEqual([{ stream_id: 'S-c', events: 2, total: 5 }]);
    await engine.stop();
  });

  it('answers as of a past position from the events', async () => {
    const engine = new ProjectionEngine(db.client, store, [counts]);
    await engine.ensure();
    const first = await store.append('S-a', [newEvent('Added', { amount: 100 })], 'no_stream');
    await store.append('S-a', [newEvent('Added', { amount: 50 })], 1);
    await engine.catchUp();
    const then = await engine.asOf(
      first.lastPosition,
      ['test_counts'],
      async (sql) => (await sql.query(`SELECT stream_id, events, total FROM stream_counts`)).rows,
    );
    expect(then).toEqual([{ stream_id: 'S-a', events: 1, total: 100 }]);
    expect(await rows(db.client)).toEqual([{ stream_id: 'S-a', events: 2, total: 150 }]);
  });

  it('Given an event one read model cannot apply, Then only that one stops (shown with its error), the others go on, and an upcaster plus a rebuild repairs it', async () => {
    const logged: string[] = [];
    const engine = new ProjectionEngine(db.client, store, [counts, payments()], { batchSize: 10, logError: (m) => logged.push(m) });
    await engine.ensure();
    await store.append('P-1', [newEvent('Paid', { id: 'p1', paidOn: '2027-02-01' })], 'no_stream');
    const bad = await store.append('P-2', [newEvent('Paid', { id: 'p2', paidOn: '2027' })], 'no_stream'); // planted: no calendar date
    await store.append('P-3', [newEvent('Paid', { id: 'p3', paidOn: '2027-03-01' })], 'no_stream');
    await addEvents(12, 2);
    await engine.catchUp();

    expect(await rows(db.client)).toEqual([
      { stream_id: 'S-0', events: 6, total: 30 },
      { stream_id: 'S-1', events: 6, total: 36 },
    ]);
    const status = await engine.status();
    expect(status.find((s) => s.name === 'test_counts')).toMatchObject({ stuck: null, lag: 0 });
    expect(status.find((s) => s.name === 'test_payments')).toMatchObject({
      position: bad.lastPosition - 1,
      stuck: { position: bad.lastPosition, eventType: 'Paid', streamId: 'P-2' },
    });
    expect(status.find((s) => s.name === 'test_payments')!.stuck!.error).toMatch(/date/);
    expect(logged).toEqual([expect.stringMatching(/read model test_payments stopped at position \d+: it cannot apply Paid of P-2/)]);
    expect((await db.client.query(`SELECT id FROM rm_test_payments.payments ORDER BY id`)).rows).toEqual([{ id: 'p1' }]);
    const head = await store.headPosition();
    expect(await engine.waitFor(head, 2_000)).toBe(true); // read-your-writes is not held by the stuck read model

    // The repair ships: an upcaster for Paid v1 and a new read-model version, so the restarted engine rebuilds it.
    const repaired = new ProjectionEngine(db.client, store, [counts, payments(paidAggregate())], { batchSize: 10 });
    const rebuilt: Promise<void>[] = [];
    await repaired.ensure((_, done) => rebuilt.push(done));
    await Promise.all(rebuilt);
    await repaired.catchUp();
    expect(
      (await db.client.query(`SELECT id, to_char(paid_on, 'YYYY-MM-DD') AS paid_on FROM rm_test_payments.payments ORDER BY id`)).rows,
    ).toEqual([
      { id: 'p1', paid_on: '2027-02-01' },
      { id: 'p2', paid_on: '2027-01-01' },
      { id: 'p3', paid_on: '2027-03-01' },
    ]);
    expect((await repaired.status()).every((s) => s.stuck === null && s.lag === 0)).toBe(true);
    expect(await store.headPosition()).toBe(head); // nothing was deleted or rewritten
  });
});
