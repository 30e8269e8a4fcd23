import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore } from '#libs/event-store';
import { SYSTEM_ACTOR } from '#libs/kernel';
import { benchDatabase, type Figure, type BenchBackend } from './support.js';

const WRITERS = 8;

/**
 * P1: 8 concurrent writers, one event per append, through Dekomp's event store, next to raw
 * `BEGIN; INSERT; COMMIT` of the same rows into an equivalent table (the fsync-bound ceiling).
 */
export async function p1Append(backend: BenchBackend, perWriter: number): Promise<Figure> {
  const db = await benchDatabase(backend, WRITERS + 2);
  try {
    await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
    await db.client.exec(`CREATE TABLE raw_events (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
      ALTER TABLE raw_events ADD PRIMARY KEY (global_position);`);
    const data = { amount: 125_000, measureId: randomUUID(), note: 'bench' };
    const metadata = { actor: SYSTEM_ACTOR, correlationId: randomUUID(), causationId: null, idempotencyKey: null };

    // Raw ceiling: 8 connections, one transaction per row.
    const rawStart = performance.now();
    if (db.backend === 'postgres') {
      const clients = await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          const c = new pg.Client({ connectionString: db.url });
          await c.connect();
          return c;
        }),
      );
      let seq = 0;
      await Promise.all(
        clients.map(async (c, w) => {
          for (let i = 0; i < perWriter; i++) {
            await c.query('BEGIN');
            await c.query(
              `INSERT INTO raw_events (global_position, event_id, stream_id, stream_version, type, data, metadata) VALUES ($1, $2, $3, $4, 'BenchEvent', $5, $6)`,
              [++seq, randomUUID(), `Raw-${w}`, i + 1, data, metadata],
            );
            await c.query('COMMIT');
          }
        }),
      );
      await Promise.all(clients.map((c) => c.end()));
    } else {
      let seq = 0;
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) {
            await db.client.transaction((tx) =>
              tx.query(
                `INSERT INTO raw_events (global_position, event_id, stream_id, stream_version, type, data, metadata) VALUES ($1, $2, $3, $4, 'BenchEvent', $5, $6)`,
                [++seq, randomUUID(), `Raw-${w}`, i + 1, JSON.stringify(data), JSON.stringify(metadata)],
              ),
            );
          }
        }),
      );
    }
    const rawSeconds = (performance.now() - rawStart) / 1000;
    const rawRate = (WRITERS * perWriter) / rawSeconds;

    const store = new PostgresEventStore(db.client);
    const start = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          await store.append(`Bench-${w}`, [{ type: 'BenchEvent', data, metadata }], i === 0 ? 'no_stream' : i);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    await store.close();
    const rate = (WRITERS * perWriter) / seconds;
    const ratio = rate / rawRate;
    return {
      id: 'P1',
      backend,
      metric: 'append throughput, 8 writers, 1 event/append',
      value: Math.round(rate),
      unit: 'events/s',
      baseline: Math.round(rawRate),
      ratio: Number(ratio.toFixed(2)),
      target: '≥ 0.8 × raw BEGIN/INSERT/COMMIT',
      met: ratio >= 0.8,
      note: `${WRITERS * perWriter} appends each way; group commit`,
    };
  } finally {
    await db.drop();
  }
}
