import { migrate } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore } from '#libs/event-store';
import { projectionMigrations, ProjectionEngine } from '#libs/projections';
import { PROJECTIONS } from '../apps/api/src/capabilities.js';
import { benchDatabase, beside, type Figure, type BenchBackend } from './support.js';

/**
 * Fills the log with `total` organisation events (a tenth registrations, the rest amendments), written in
 * bulk by SQL: P3 measures reading and projecting, not appending.
 */
async function fill(db: Awaited<ReturnType<typeof benchDatabase>>, total: number): Promise<void> {
  const orgs = Math.max(1, Math.floor(total / 10));
  const chunk = 100_000;
  const actor = `'{"actor":{"role":"ministry","org":"972417750","subject":"bench"},"correlationId":"bench","causationId":null,"idempotencyKey":null}'::jsonb`;
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    await db.client.exec(`
      INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata)
      SELECT gen_random_uuid(), 'Organisation-' || org, (i - 1) / ${orgs} + 1,
             CASE WHEN i <= ${orgs} THEN 'OrganisationRegistered' ELSE 'OrganisationAmended' END,
             jsonb_build_object('orgNumber', org, 'name', 'Organisasjon ' || i, 'kind', 'municipality',
               'municipalityNumber', '1103', 'countyNumber', '11', 'office', 'ROGALAND', 'reason', 'bench'),
             ${actor}
        FROM generate_series(${from}, ${to}) AS i, LATERAL (SELECT lpad(((i - 1) % ${orgs})::text, 9, '0') AS org) o;`);
  }
}

/** P3: rebuild of all read models over `total` events, next to a raw sequential read of the same log. */
export async function p3Rebuild(backend: BenchBackend, total: number): Promise<Figure> {
  const db = await benchDatabase(backend, 4);
  try {
    await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations, ...projectionMigrations]);
    await fill(db, total);
    await db.client.exec('ANALYZE events');

    // Raw: the same rows, keyset-paged by 1,000 in position order, decoded into objects.
    const rawStart = performance.now();
    let after = 0;
    let read = 0;
    for (;;) {
      const r = await db.client.query<{ global_position: string }>(
        `SELECT global_position, transaction_id::text AS xid, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at
           FROM events WHERE global_position > $1 ORDER BY global_position LIMIT 1000`,
        [after],
      );
      if (r.rows.length === 0) break;
      read += r.rows.length;
      after = Number(r.rows[r.rows.length - 1].global_position);
    }
    const rawSeconds = (performance.now() - rawStart) / 1000;

    const store = new PostgresEventStore(db.client);
    const engine = new ProjectionEngine(db.client, store, PROJECTIONS, { batchSize: 1000 });
    await db.client.setSearchPath(engine.schemas);
    await engine.ensure();
    const start = performance.now();
    await engine.rebuild(PROJECTIONS.map((p) => p.name));
    const seconds = (performance.now() - start) / 1000;
    const check = await db.client.query<{ n: string }>('SELECT count(*)::text AS n FROM rm_organisations.org_organisations');
    if (Number(check.rows[0].n) !== Math.max(1, Math.floor(total / 10)))
      throw new Error(`P3 read model has ${check.rows[0].n} organisations`);
    await store.close();
    const rate = total / seconds;
    const rawRate = read / rawSeconds;
    const ratio = rate / rawRate;
    return {
      id: 'P3',
      backend,
      metric: `rebuild of all read models (${PROJECTIONS.length}) over ${total.toLocaleString('en')} events`,
      value: Math.round(rate),
      unit: 'events/s',
      beside: [beside('raw sequential read of the log (pages of 1,000)', rate, rawRate)],
      target: '≥ 0.5 × raw sequential read, 1 M events < 60 s',
      met: ratio >= 0.5 && (total < 1_000_000 || seconds < 60),
      note: `${seconds.toFixed(1)} s; raw read ${rawSeconds.toFixed(1)} s`,
    };
  } finally {
    await db.drop();
  }
}
