import { migrate, type Sql, type SqlClient } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore, type StoredEvent } from '#libs/event-store';
import { projectionMigrations, ProjectionEngine, type Projection } from '#libs/projections';
import { createTestDatabase, testBackends, type BackendName, type TestDatabase } from '../support/backends.js';
import { newEvent } from './event-store.contract.js';

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
    const last = (await store.headPosition());
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

  it('answers as of a past position from the events', async () => {
    const engine = new ProjectionEngine(db.client, store, [counts]);
    await engine.ensure();
    const first = await store.append('S-a', [newEvent('Added', { amount: 100 })], 'no_stream');
    await store.append('S-a', [newEvent('Added', { amount: 50 })], 1);
    await engine.catchUp();
    const then = await engine.asOf(first.lastPosition, ['test_counts'], async (sql) =>
      (await sql.query(`SELECT stream_id, events, total FROM stream_counts`)).rows,
    );
    expect(then).toEqual([{ stream_id: 'S-a', events: 1, total: 100 }]);
    expect(await rows(db.client)).toEqual([{ stream_id: 'S-a', events: 2, total: 150 }]);
  });
});
