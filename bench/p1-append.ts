import { randomUUID } from 'node:crypto';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import pg from 'pg';
import { createScratchDatabase, migrate } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore } from '#libs/event-store';
import { SYSTEM_ACTOR } from '#libs/kernel';
import { benchDatabase, beside, type BenchBackend, type Figure } from './support.js';

const WRITERS = 8;

const data = { amount: 125_000, measureId: randomUUID(), note: 'bench' };
const metadata = { actor: SYSTEM_ACTOR, correlationId: randomUUID(), causationId: null, idempotencyKey: null };

/** `perWriter` appends by each of 8 concurrent writers, one event per append on its own stream; returns events/s. */
async function eightWriters(perWriter: number, append: (writer: number, i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) await append(w, i);
    }),
  );
  return (WRITERS * perWriter) / ((performance.now() - start) / 1000);
}

/** The ceiling: 8 connections, one BEGIN/INSERT/COMMIT per row into a table like `events`. */
async function raw(url: string, perWriter: number): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  await clients[0].query(`CREATE TABLE raw_events (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
    ALTER TABLE raw_events ADD PRIMARY KEY (global_position);`);
  let seq = 0;
  try {
    return await eightWriters(perWriter, async (w, i) => {
      const c = clients[w];
      await c.query('BEGIN');
      await c.query(
        `INSERT INTO raw_events (global_position, event_id, stream_id, stream_version, type, data, metadata) VALUES ($1, $2, $3, $4, 'BenchEvent', $5, $6)`,
        [++seq, randomUUID(), `Raw-${w}`, i + 1, data, metadata],
      );
      await c.query('COMMIT');
    });
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** The peer: Emmett's PostgreSQL event store on a fresh database of the same server, the same load. */
async function emmett(serverUrl: string, perWriter: number): Promise<number> {
  const scratch = await createScratchDatabase(serverUrl, 'dekomp_bench_emmett');
  // Our own pool (as many connections as Dekomp's store has), so it is ended before the database is dropped.
  const pool = new pg.Pool({ connectionString: scratch.url, max: WRITERS + 2 });
  pool.on('error', () => undefined);
  const store = getPostgreSQLEventStore(scratch.url, { connectionOptions: { pool } });
  try {
    await store.schema.migrate();
    return await eightWriters(perWriter, (w, i) =>
      store.appendToStream(`Bench-${w}`, [{ type: 'BenchEvent', data, metadata: { correlationId: metadata.correlationId } }], {
        expectedStreamVersion: i === 0 ? STREAM_DOES_NOT_EXIST : BigInt(i),
      }),
    );
  } finally {
    await store.close();
    await pool.end();
    await scratch.drop();
  }
}

/**
 * P1: 8 concurrent writers, one event per append, through Dekomp's event store (expected version checked on
 * every append), beside raw `BEGIN; INSERT; COMMIT` of the same rows (the fsync-bound ceiling) and beside
 * Emmett's PostgreSQL event store.
 */
export async function p1Append(backend: BenchBackend, perWriter: number): Promise<Figure> {
  const db = await benchDatabase(backend, WRITERS + 2);
  try {
    await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
    if (!db.url) throw new Error('P1 needs a connection string');
    const rawRate = await raw(db.url, perWriter);
    const store = new PostgresEventStore(db.client);
    const rate = await eightWriters(perWriter, (w, i) =>
      store.append(`Bench-${w}`, [{ type: 'BenchEvent', data, metadata }], i === 0 ? 'no_stream' : i),
    );
    await store.close();
    const emmettRate = await emmett(db.url, perWriter);
    const ratio = rate / rawRate;
    return {
      id: 'P1',
      backend,
      metric: 'append throughput, 8 writers, 1 event/append',
      value: Math.round(rate),
      unit: 'events/s',
      beside: [beside('raw BEGIN/INSERT/COMMIT', rate, rawRate), beside('Emmett PostgreSQL store', rate, emmettRate)],
      target: '≥ 0.8 × raw BEGIN/INSERT/COMMIT',
      met: ratio >= 0.8,
      note: `${WRITERS * perWriter} appends each way; group commit`,
    };
  } finally {
    await db.drop();
  }
}
