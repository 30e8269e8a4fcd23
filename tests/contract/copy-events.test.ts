import { randomUUID } from 'node:crypto';
import { migrate } from '#libs/db';
import {
  ConcurrencyError,
  eventStoreMigrations,
  idempotencyMigrations,
  PostgresEventStore,
  type Checkpoint,
  type EventStore,
  type StoredEvent,
} from '#libs/event-store';
import { KurrentDbEventStore } from '#libs/event-store-kurrentdb';
import { InMemoryKurrent } from '../../libs/event-store-kurrentdb/src/testing/in-memory-kurrent.js';
import { copyEvents, countEvents, eventsOf, expectedVersionFor, parseCopyArgs, toNewEvent } from '../../apps/cli/src/copy-events.js';
import { createTestDatabase, type TestDatabase } from '../support/backends.js';
import { newEvent, readEverything } from './event-store.contract.js';

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.drop();
});

async function embeddedStore(): Promise<{ store: PostgresEventStore; db: TestDatabase }> {
  const db = await createTestDatabase('embedded');
  opened.push(db);
  await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
  return { store: new PostgresEventStore(db.client), db };
}

/** A source log with interleaved streams, multi-event appends and every kind of metadata. */
async function fill(store: EventStore): Promise<number> {
  const streams = ['Application-1', 'Application-2', 'Grant-1'];
  const versions = new Map<string, number>();
  for (let i = 0; i < 25; i++) {
    const s = streams[(i * 7) % 3];
    const n = i % 4 === 0 ? 3 : 1; // some appends carry several events
    const events = Array.from({ length: n }, (_, j) => {
      const e = newEvent(`E${i}`, { i, j, text: 'Ås – Bø' }, { schemaVersion: 1 + (i % 3) });
      e.metadata = { ...e.metadata, causationId: i % 2 ? randomUUID() : null, idempotencyKey: i % 3 ? `key-${i}` : null };
      if (i % 5 === 0) e.metadata.reason = `correction ${i}`;
      return e;
    });
    const v = versions.get(s) ?? 0;
    await store.append(s, events, v === 0 ? 'no_stream' : v);
    versions.set(s, v + n);
  }
  return [...versions.values()].reduce((a, b) => a + b, 0);
}

function withoutTime(e: StoredEvent) {
  const { recordedAt: _recordedAt, ...metadata } = e.metadata as StoredEvent['metadata'] & { originalRecordedAt?: string };
  const { originalRecordedAt: _original, ...rest } = metadata;
  return {
    id: e.id,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: rest,
  };
}

describe('copy-events: the copy loop', () => {
  it('copies embedded PostgreSQL → embedded PostgreSQL in global order, keeping ids, types, data, metadata and stream versions', async () => {
    const source = await embeddedStore();
    const target = await embeddedStore();
    const n = await fill(source.store);
    expect(n).toBe(39);
    const progress: number[] = [];
    const report = await copyEvents(source.store, target.store, { batchSize: 4, onProgress: (n) => progress.push(n) });

    const from = await readEverything(source.store);
    const to = await readEverything(target.store);
    expect(from.length).toBe(n);
    expect(report).toEqual({ copied: n, resumedAfter: 0, sourceCount: n, targetCount: n, ok: true });
    expect(to.map((e) => e.id)).toEqual(from.map((e) => e.id)); // same order, same ids
    expect(to.map(withoutTime)).toEqual(from.map(withoutTime));
    // the original recording time travels in the metadata (each store stamps its own recordedAt)
    expect(to.map((e) => (e.metadata as unknown as { originalRecordedAt: string }).originalRecordedAt)).toEqual(
      from.map((e) => e.metadata.recordedAt),
    );
    expect(progress[progress.length - 1]).toBe(n);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // and the target carries on where the source would: next versions fit
    await expect(
      target.store.append(
        'Grant-1',
        [newEvent('Next')],
        Math.max(...to.filter((e) => e.streamId === 'Grant-1').map((e) => e.streamVersion)),
      ),
    ).resolves.toBeTruthy();
  });

  it('refuses a target that holds events, and resumes an interrupted copy without duplicates', async () => {
    const source = await embeddedStore();
    const target = await embeddedStore();
    const n = await fill(source.store);
    // interrupted: the target dies after 5 appends
    let appends = 0;
    const dying: EventStore = Object.create(target.store, {
      append: {
        value: (...a: Parameters<EventStore['append']>) =>
          ++appends > 5 ? Promise.reject(new Error('connection lost')) : target.store.append(...a),
      },
    });
    await expect(copyEvents(source.store, dying, { batchSize: 4 })).rejects.toThrow('connection lost');
    const partial = await countEvents(target.store);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(n);

    await expect(copyEvents(source.store, target.store)).rejects.toThrow(/already holds events/);
    const report = await copyEvents(source.store, target.store, { batchSize: 4, resume: true });
    expect(report).toMatchObject({ resumedAfter: partial, copied: n - partial, sourceCount: n, targetCount: n, ok: true });
    expect((await readEverything(target.store)).map((e) => e.id)).toEqual((await readEverything(source.store)).map((e) => e.id));
  });

  it('refuses to resume onto a target that is not a prefix of the source', async () => {
    const source = await embeddedStore();
    const target = await embeddedStore();
    await fill(source.store);
    await target.store.append('Elsewhere-1', [newEvent('X')], 'no_stream');
    await expect(copyEvents(source.store, target.store, { resume: true })).rejects.toThrow(/cannot resume: event #1/);
  });

  it('surfaces an event out of stream order as a ConcurrencyError instead of copying it wrong', async () => {
    const source = await embeddedStore();
    const target = await embeddedStore();
    await source.store.append('S-1', [newEvent('A')], 'no_stream');
    await source.store.append('S-2', [newEvent('X')], 'no_stream');
    await source.store.append('S-1', [newEvent('B')], 1);
    const all = await readEverything(source.store);
    // a source that hands out S-1 v2 before S-1 v1
    const swapped = [all[2], all[1], all[0]];
    const disordered: EventStore = Object.create(source.store, {
      readAll: {
        value: async (after: Checkpoint) => ({ events: after.major === 0n && after.minor === 0n ? swapped : [], heldBack: false }),
      },
    });
    await expect(copyEvents(disordered, target.store)).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('reports a count mismatch when the source changes during the copy', async () => {
    const source = await embeddedStore();
    const target = await embeddedStore();
    const n = await fill(source.store);
    let once = false;
    const growing: EventStore = Object.create(source.store, {
      readAll: {
        value: async (after: Checkpoint, n: number) => {
          const page = await source.store.readAll(after, n);
          if (page.events.length === 0 && !once) {
            once = true; // someone writes after the copy read the end of the log
            await source.store.append(`Late-${randomUUID()}`, [newEvent('Late')], 'no_stream');
          }
          return page;
        },
      },
    });
    const report = await copyEvents(growing, target.store, { batchSize: 10 });
    expect(report.ok).toBe(false);
    expect(report.sourceCount).toBe(n + 1);
    expect(report.targetCount).toBe(n);
  });

  it('goes embedded PostgreSQL → KurrentDB (imitated) → embedded PostgreSQL keeping everything, the original time included', async () => {
    const source = await embeddedStore();
    const back = await embeddedStore();
    const n = await fill(source.store);
    const kurrent = new KurrentDbEventStore(new InMemoryKurrent().client(), back.db.client);
    const there = await copyEvents(source.store, kurrent, { batchSize: 7 });
    expect(there).toMatchObject({ copied: n, ok: true });
    const again = await copyEvents(kurrent, back.store, { batchSize: 7 });
    expect(again).toMatchObject({ copied: n, ok: true });

    const from = await readEverything(source.store);
    const mid = await readEverything(kurrent);
    const to = await readEverything(back.store);
    expect(mid.map(withoutTime)).toEqual(from.map(withoutTime));
    expect(mid.map((e) => e.metadata.recordedAt)).toEqual(from.map((e) => e.metadata.recordedAt)); // the Kurrent adapter honours it
    expect(to.map(withoutTime)).toEqual(from.map(withoutTime));
    expect(to.map((e) => (e.metadata as unknown as { originalRecordedAt: string }).originalRecordedAt)).toEqual(
      from.map((e) => e.metadata.recordedAt),
    );
    await kurrent.close();
  });
});

describe('copy-events: pieces', () => {
  it('appends version 1 with no_stream and version n with n-1', () => {
    expect(expectedVersionFor(1)).toBe('no_stream');
    expect(expectedVersionFor(7)).toBe(6);
  });

  it('turns a stored event into a new one, moving recordedAt to originalRecordedAt (the first one wins)', () => {
    const stored = {
      id: 'id-1',
      streamId: 'S',
      streamVersion: 2,
      globalPosition: 9,
      checkpoint: { major: 1n, minor: 9n },
      type: 'T',
      schemaVersion: 4,
      data: { a: 1 },
      metadata: { ...newEvent('T').metadata, recordedAt: '2026-01-01T00:00:00.000Z' },
    } as StoredEvent;
    const e = toNewEvent(stored);
    expect(e).toMatchObject({ id: 'id-1', type: 'T', schemaVersion: 4, data: { a: 1 } });
    expect(e.metadata).not.toHaveProperty('recordedAt');
    expect(e.metadata).toMatchObject({ originalRecordedAt: '2026-01-01T00:00:00.000Z' });
    const twice = toNewEvent({
      ...stored,
      metadata: {
        ...stored.metadata,
        recordedAt: '2026-06-01T00:00:00.000Z',
        originalRecordedAt: '2020-01-01T00:00:00.000Z',
      } as StoredEvent['metadata'],
    });
    expect(twice.metadata).toMatchObject({ originalRecordedAt: '2020-01-01T00:00:00.000Z' });
  });

  it('reads a store page by page through eventsOf', async () => {
    const { store } = await embeddedStore();
    for (let i = 0; i < 5; i++) await store.append(`S-${i}`, [newEvent('A')], 'no_stream');
    const seen: string[] = [];
    for await (const e of eventsOf(store, 2)) seen.push(e.streamId);
    expect(seen).toEqual(['S-0', 'S-1', 'S-2', 'S-3', 'S-4']);
  });

  it('parses its arguments and refuses nonsense', () => {
    expect(parseCopyArgs(['--from', 'postgres', '--to', 'kurrentdb'])).toEqual({
      from: 'postgres',
      to: 'kurrentdb',
      batchSize: 500,
      resume: false,
    });
    expect(parseCopyArgs(['--from', 'kurrentdb', '--to', 'postgres', '--batch-size', '50', '--resume'])).toEqual({
      from: 'kurrentdb',
      to: 'postgres',
      batchSize: 50,
      resume: true,
    });
    expect(() => parseCopyArgs(['--from', 'postgres', '--to', 'postgres'])).toThrow(/one each/);
    expect(() => parseCopyArgs(['--from', 'mysql', '--to', 'kurrentdb'])).toThrow(/one each/);
    expect(() => parseCopyArgs(['--from', 'postgres', '--to', 'kurrentdb', '--batch-size', '0'])).toThrow(/batch-size/);
  });
});
