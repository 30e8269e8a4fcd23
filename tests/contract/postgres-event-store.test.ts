import { randomUUID } from 'node:crypto';
import { migrate } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore, START, type StoredEvent } from '#libs/event-store';
import { createTestDatabase, testBackends, type BackendName } from '../support/backends.js';
import { eventStoreContract, newEvent } from './event-store.contract.js';

const backends = await testBackends('event store');

describe.each(backends)('PostgresEventStore on %s', (backend: BackendName) => {
  describe('contract', () => {
    eventStoreContract(async () => {
      const db = await createTestDatabase(backend);
      await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
      const store = new PostgresEventStore(db.client);
      await store.start();
      return {
        store,
        close: async () => {
          await store.close();
          await db.drop();
        },
      };
    });
  });

  it('an append of many events is atomic: a duplicate event id rejects the whole append', async () => {
    // PostgreSQL-specific: event ids are unique across the whole log here (KurrentDB only dedupes per stream).
    const db = await createTestDatabase(backend);
    await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
    const store = new PostgresEventStore(db.client);
    const id = randomUUID();
    await store.append('S-atomic', [newEvent('A', {}, { id })], 'no_stream');
    await expect(store.append('S-other', [newEvent('X'), newEvent('Y', {}, { id })], 'no_stream')).rejects.toBeTruthy();
    expect(await store.readStream('S-other')).toHaveLength(0);
    await store.close();
    await db.drop();
  });

  it('tells another store on the same database of an append (NOTIFY), and its own readers once, not again by its own NOTIFY', async () => {
    const db = await createTestDatabase(backend);
    await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
    const [writer, other] = [new PostgresEventStore(db.client), new PostgresEventStore(db.client)];
    await writer.start();
    await other.start();
    const told = { writer: 0, other: 0 };
    writer.onAppended(() => told.writer++);
    other.onAppended(() => told.other++);
    await writer.append('S-told', [newEvent('A')], 'no_stream');
    for (let i = 0; i < 200 && told.other === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100)); // time for a (wrong) second wake-up of the writer's readers
    expect(told).toEqual({ writer: 1, other: 1 });
    await writer.close();
    await other.close();
    await db.drop();
  });

  it('positionAt gives the log as it stood: no event recorded after the time, though a later position was recorded before it', async () => {
    // An append's time is its transaction's start, so overlapping appends can record a later position at an earlier
    // time: here the second event (a longer transaction) was recorded a second before the first.
    const db = await createTestDatabase(backend);
    await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
    const store = new PostgresEventStore(db.client);
    const first = await store.append('S-late', [newEvent('A')], 'no_stream');
    const [stored] = await store.readStream('S-late');
    const recorded = new Date(stored.metadata.recordedAt).getTime();
    await db.client.query(
      `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, recorded_at)
       VALUES ($1, 'S-long', 0, 'B', '{}', '{}', $2)`,
      [randomUUID(), new Date(recorded - 1000)],
    );
    expect(await store.positionAt(new Date(recorded - 500))).toBe(first.lastPosition - 1);
    expect(await store.positionAt(new Date(recorded + 1000))).toBe(first.lastPosition + 1);
    expect(await store.positionAt(new Date(recorded - 2000))).toBe(first.lastPosition - 1);
    await store.close();
    await db.drop();
  });

  it('refuses to update or delete an event (R21)', async () => {
    const db = await createTestDatabase(backend);
    await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
    const store = new PostgresEventStore(db.client);
    await store.append('S-1', [newEvent('A')], 'no_stream');
    await expect(db.client.query(`UPDATE events SET type = 'B'`)).rejects.toThrow(/append-only/);
    await expect(db.client.query(`DELETE FROM events`)).rejects.toThrow(/append-only/);
    await store.close();
    await db.drop();
  });

  it('never lets a reader skip an event that commits late: 8 writers with random delays, a subscriber meanwhile', async () => {
    const db = await createTestDatabase(backend);
    await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
    // One append per transaction and 8 transactions open at once, each sleeping a random while before commit.
    const store = new PostgresEventStore(db.client, {
      maxBatch: 1,
      flushers: 8,
      beforeCommit: () => new Promise((r) => setTimeout(r, Math.random() * 15)),
    });
    const writers = 8;
    const perWriter = 40;
    let writing = true;
    let heldBackSeen = 0;
    const seen: StoredEvent[] = [];
    const subscriber = (async () => {
      let after = START;
      for (;;) {
        // Done only after an empty read that began once every append had returned (one begun earlier may miss the last).
        const allWritten = !writing;
        const page = await store.readAll(after, 50);
        if (page.heldBack) heldBackSeen++;
        if (page.events.length > 0) {
          seen.push(...page.events);
          after = page.events[page.events.length - 1].checkpoint;
        } else if (allWritten && !page.heldBack) {
          return;
        } else {
          await new Promise((r) => setTimeout(r, 1));
        }
      }
    })();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) await store.append(`Writer-${w}`, [newEvent('Wrote', { w, i })], i === 0 ? 'no_stream' : i);
      }),
    );
    writing = false;
    await subscriber;

    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length); // exactly once
    expect(seen).toHaveLength(writers * perWriter); // none skipped
    for (let w = 0; w < writers; w++) {
      const mine = seen.filter((e) => e.streamId === `Writer-${w}`).map((e) => e.streamVersion);
      expect(mine).toEqual(Array.from({ length: perWriter }, (_, i) => i + 1)); // stream order
    }
    if (backend === 'postgres') expect(heldBackSeen).toBeGreaterThan(0); // late commits really happened
    console.log(`[late commit on ${backend}] ${seen.length} events seen once each; reads held back by open transactions: ${heldBackSeen}`);
    await store.close();
    await db.drop();
  });
});
