/**
 * The event-store contract on KurrentDB. Needs a server: KURRENTDB_URL=kurrentdb://127.0.0.1:2113?tls=false
 * (e.g. `docker compose up -d kurrentdb`). Without one, the contract is skipped, said so plainly, and only the
 * server-free checks below run.
 */
import { randomUUID } from 'node:crypto';
import { migrate } from '#libs/db';
import { ConcurrencyError, idempotencyMigrations, type AppendOptions } from '#libs/event-store';
import {
  createKurrentDbEventStore,
  idempotentEventId,
  toKurrentEvent,
  toStoredEvent,
  toStreamState,
  type KurrentDbEventStore,
} from '#libs/event-store-kurrentdb';
import { createTestDatabase, type TestDatabase } from '../support/backends.js';
import { eventStoreContract, newEvent } from './event-store.contract.js';

const url = process.env.KURRENTDB_URL;

async function openStore(): Promise<{ store: KurrentDbEventStore; db: TestDatabase; close: () => Promise<void> }> {
  const db = await createTestDatabase('embedded');
  await migrate(db.client, idempotencyMigrations);
  const store = createKurrentDbEventStore({ connectionString: url!, sql: db.client });
  await store.start();
  return {
    store,
    db,
    close: async () => {
      await store.close();
      await db.drop();
    },
  };
}

if (url) {
  console.log(`[kurrentdb contract] running against KurrentDB at ${url}`);

  describe(`KurrentDbEventStore on ${url}`, () => {
    describe('contract', () => {
      // The server keeps its log between tests; every test uses fresh stream names.
      eventStoreContract(async () => {
        const { store, close } = await openStore();
        return { store, close };
      });
    });

    it('a retried idempotent command after a crash before the record is deduplicated by KurrentDB', async () => {
      const { store, db, close } = await openStore();
      const key = `key-${randomUUID()}`;
      const s = `Idem-${randomUUID()}`;
      const options: AppendOptions = { idempotency: { key, requestHash: 'h', outcome: (r) => ({ body: r }) } };
      // The crash: events appended, record never written. Same ids the adapter derives from the key.
      const first = await store.append(
        s,
        [newEvent('A', {}, { id: idempotentEventId(key, s, 0) }), newEvent('B', {}, { id: idempotentEventId(key, s, 1) })],
        'no_stream',
      );
      const retry = await store.append(s, [newEvent('A'), newEvent('B')], 'no_stream', options);
      expect(retry).toEqual(first);
      expect((await store.readStream(s)).map((e) => e.id)).toEqual([idempotentEventId(key, s, 0), idempotentEventId(key, s, 1)]);
      expect((await db.client.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).rows).toHaveLength(1);
      await close();
    });

    it('hears appends of another client through the $all subscription', async () => {
      const a = await openStore();
      const b = await openStore();
      let heard = 0;
      a.store.onAppended(() => heard++);
      await b.store.append(`Other-${randomUUID()}`, [newEvent('A')], 'no_stream');
      const deadline = Date.now() + 5000;
      while (heard === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toBeGreaterThan(0);
      await a.close();
      await b.close();
    });

    it('positionAt finds the last event recorded by a time, reading $all backwards', async () => {
      const { store, close } = await openStore();
      const r = await store.append(`Time-${randomUUID()}`, [newEvent('A')], 'no_stream');
      await new Promise((res) => setTimeout(res, 20));
      expect(await store.positionAt(new Date())).toBeGreaterThanOrEqual(r.lastPosition);
      expect(await store.positionAt(new Date(0))).toBe(0);
      await close();
    });
  });
} else {
  console.log(
    '[kurrentdb contract] SKIPPED: KURRENTDB_URL is not set, so the event-store contract did NOT run against KurrentDB. ' +
      'No KurrentDB server is reachable on this machine. To run it: `docker compose up -d kurrentdb` and ' +
      'KURRENTDB_URL=kurrentdb://127.0.0.1:2113?tls=false npm run test:only -- tests/contract/kurrentdb-event-store.test.ts. ' +
      'Running only the server-free checks in this file.',
  );
}

describe('KurrentDB adapter without a server', () => {
  it('maps an event to KurrentDB and back unchanged (through JSON, as the wire does)', () => {
    const e = newEvent('GrantAwarded', { amount: 250_000, schools: ['Ås', 'Bø'] }, { schemaVersion: 2 });
    e.metadata = { ...e.metadata, causationId: randomUUID(), idempotencyKey: 'k-9', reason: 'amended after review' };
    const id = randomUUID();
    const wire = JSON.parse(JSON.stringify(toKurrentEvent(e, id))) as { type: string; data: unknown; metadata: unknown };
    const created = new Date('2026-05-05T12:00:00Z');
    const back = toStoredEvent({
      streamId: 'Grant-1',
      id,
      revision: 4n,
      type: wire.type,
      created,
      isJson: true,
      data: wire.data,
      metadata: wire.metadata,
      position: { commit: 7_000n, prepare: 7_000n },
    });
    expect(back).toEqual({
      id,
      streamId: 'Grant-1',
      streamVersion: 5,
      globalPosition: 7000,
      checkpoint: { major: 7000n, minor: 7000n },
      type: 'GrantAwarded',
      schemaVersion: 2,
      data: e.data,
      metadata: { ...e.metadata, recordedAt: created.toISOString() },
    });
    // and the expected version for the next append of this stream is Kurrent revision 4
    expect(toStreamState(back.streamVersion)).toBe(4n);
  });

  it('the real client fails fast without a server, and the adapter does not turn that into a ConcurrencyError', async () => {
    const db = await createTestDatabase('embedded');
    await migrate(db.client, idempotencyMigrations);
    const store = createKurrentDbEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false', sql: db.client });
    const error = await store.append(`S-${randomUUID()}`, [newEvent('A')], 'no_stream').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ConcurrencyError);
    expect(String((error as Error).message)).toMatch(/UNAVAILABLE/i);
    await store.close();
    await db.drop();
  });
});
