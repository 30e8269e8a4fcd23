import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '#libs/config';
import { migrate, openDatabase } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore, type NewEvent } from '#libs/event-store';
import { evaluationExportProjection } from '#libs/exports';
import { SYSTEM_ACTOR } from '#libs/kernel';
import { projectionMigrations, ProjectionEngine } from '#libs/projections';
import { GOVERNOR_OFFICES, orgNumberWithCheckDigit } from '#libs/reference-data';

/**
 * Seeds a data directory (or DATABASE_URL) for the export's memory measurement: `--grants N` decisions of three
 * years each (3·N export rows) over the ten offices, with payments, and brings the evaluation_export read model up
 * to date. Usage: DATA_DIR=/tmp/x node dist/libs/exports/bench/seed-export-bench.js --grants 34000 [--from 34000 to add more]
 */
/** `n` valid org numbers from 80000000 up. */
function benchOrgs(n: number): string[] {
  const orgs: string[] = [];
  for (let i = 0; orgs.length < n; i++) {
    try {
      orgs.push(orgNumberWithCheckDigit(String(80_000_000 + i)));
    } catch {
      /* no valid check digit for this prefix (mod 11 remainder 1): skip it */
    }
  }
  return orgs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { grants: { type: 'string', default: '34000' }, from: { type: 'string', default: '0' } } });
  const from = Number(values.from);
  const grants = from + Number(values.grants);
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4 });
  await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations, ...projectionMigrations]);
  const store = new PostgresEventStore(db.client);
  const meta = { actor: SYSTEM_ACTOR, correlationId: 'bench', causationId: null, idempotencyKey: null };
  const started = Date.now();
  const orgs = benchOrgs(400);
  if (from === 0)
    await store.append(
      'Bench-orgs',
      orgs.map((o, i) => ({
        type: 'OrganisationRegistered',
        data: { orgNumber: o, name: `Kommune ${i}`, kind: 'municipality', municipalityNumber: null, countyNumber: null, office: null },
        metadata: meta,
      })),
      'any',
    );
  const offices = GOVERNOR_OFFICES.map((o) => o.code);
  for (const office of from === 0 ? offices : []) {
    await store.append(
      `FrameLedger-${office}-DEKOMP`,
      [2027, 2028, 2029].map((year) => ({
        type: 'FrameSet',
        data: { office, scheme: 'DEKOMP', year, amount: 10_000_000_000 },
        metadata: meta,
      })),
      'any',
    );
  }
  const BATCH = 500;
  for (let start = from; start < grants; start += BATCH) {
    const byStream = new Map<string, NewEvent[]>();
    for (let i = start; i < Math.min(grants, start + BATCH); i++) {
      const office = offices[i % offices.length];
      const measureId = `bench-${String(Math.floor(i / 2)).padStart(7, '0')}`;
      const recipientOrg = orgs[i % orgs.length];
      const grantId = `${office}.DEKOMP.${measureId}.${recipientOrg}`;
      const lines = [2027, 2028, 2029].map((year) => ({
        year,
        amount: 100_000 + (i % 97) * 1000,
        reportDeadline: `${year + 1}-01-15`,
        recommended: null,
      }));
      const ledger = `FrameLedger-${office}-DEKOMP`;
      const list = byStream.get(ledger) ?? byStream.set(ledger, []).get(ledger)!;
      list.push({
        type: 'AllocationDecided',
        data: {
          grantId,
          office,
          scheme: 'DEKOMP',
          decisionYear: 2027,
          callId: `${office.toLowerCase()}-dekomp-2027`,
          measureId,
          recipientOrg,
          recipientKind: 'municipality',
          lines,
          basis: 'no_recommendation',
          recommendationId: null,
          deviates: false,
          deviationReason: null,
          decidedOn: '2027-04-20',
          decisionDate: '2027-04-30',
          ruleSetVersion: 'DEKOMP-2027-v1',
          warnings: [],
        },
        metadata: meta,
      });
      const grant = `Grant-${grantId}`;
      byStream.set(grant, [
        {
          type: 'GrantPaymentRecorded',
          data: { grantId, office, scheme: 'DEKOMP', recipientOrg, paymentId: `p-${i}`, year: 2027, amount: 50_000, paidOn: '2027-06-01' },
          metadata: meta,
        },
      ]);
    }
    for (const [stream, events] of byStream) await store.append(stream, events, 'any');
    if ((start / BATCH) % 10 === 0) console.log(`appended ${Math.min(grants, start + BATCH)} decisions`);
  }
  const engine = new ProjectionEngine(db.client, store, [evaluationExportProjection], { batchSize: config.PROJECTION_BATCH_SIZE });
  await db.client.setSearchPath(engine.schemas);
  await engine.ensure();
  await engine.catchUp();
  const n = await db.client.query<{ n: number }>('SELECT count(*)::int AS n FROM ex_rows');
  console.log(`${n.rows[0].n} export rows from ${await store.headPosition()} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await store.close();
  await db.close();
}

main().then(
  () => process.exit(0), // a one-shot script: don't wait on idle pool timers
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
