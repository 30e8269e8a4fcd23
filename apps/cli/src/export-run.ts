import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import { loadConfig, type DekompConfig } from '#libs/config';
import { DataDirLockedError, migrate, openDatabase, type OpenDatabase, type Sql } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore } from '#libs/event-store';
import { projectionMigrations, ProjectionEngine } from '#libs/projections';
import type { ExportFilter, ExportFormat, ExportLayout } from '../../../libs/exports/src/options.js';
import { countRows, EVALUATION_EXPORT, evaluationExportProjection, writeEvaluationExport } from '../../../libs/exports/src/standalone.js';
import { eventStoreFactoryFor } from '../../api/src/event-store-factory.js';

/**
 * The export command's work, loaded once its command line is read (export.ts): the store and the export's read
 * model only, not the service's application (`#libs/exports` would bring its Nest module and the platform).
 */
export interface ExportOptions {
  filter: ExportFilter;
  format: ExportFormat;
  layout: ExportLayout;
  out: string;
  asOf?: string;
  url?: string;
}

/** Writes the export the options ask for: from the store when this process may open it, else through the service. */
export async function runExport(options: ExportOptions): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  let db;
  try {
    db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4 });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    await viaService(options.url ?? `http://127.0.0.1:${config.PORT}`, config.DATA_DIR, options);
    console.log(`${options.out} written in ${((Date.now() - started) / 1000).toFixed(1)} s (through the service)`);
    return;
  }
  try {
    await fromStore(db, config, options, started);
  } finally {
    await db.close();
  }
}

/** Reads the store itself: the export's read model brought up to date with the log, then written (as of a past position). */
async function fromStore(
  db: OpenDatabase,
  config: DekompConfig,
  { filter, format, layout, out: outPath, asOf: asOfText }: ExportOptions,
  started: number,
) {
  const factory = eventStoreFactoryFor(config);
  await migrate(db.client, [...idempotencyMigrations, ...(factory ? [] : eventStoreMigrations), ...projectionMigrations]);
  const store = factory ? await factory(db, config) : new PostgresEventStore(db.client);
  // Only the export's read model: brought up to date with the log before reading.
  const engine = new ProjectionEngine(db.client, store, [evaluationExportProjection], { batchSize: config.PROJECTION_BATCH_SIZE });
  await db.client.setSearchPath(engine.schemas);
  const rebuilding: Promise<void>[] = [];
  await engine.ensure((_, done) => rebuilding.push(done));
  await Promise.all(rebuilding);
  await engine.catchUp();
  // Checked by the command line: a global position or an ISO 8601 time.
  const asOf = asOfText === undefined ? undefined : /^\d+$/.test(asOfText) ? Number(asOfText) : await store.positionAt(new Date(asOfText));
  const bar = new cliProgress.SingleBar(
    {
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      format: ` export |{bar}| {percentage}% {value}/{total} ${format === '360giving' ? 'rows read' : 'rows'}`,
    },
    cliProgress.Presets.shades_classic,
  );
  const out = createWriteStream(outPath);
  const run = async (sql: Sql) => {
    bar.start(Math.max(await countRows(sql, filter), 1), 0);
    return writeEvaluationExport(sql, filter, format, out, (n) => bar.update(n), layout);
  };
  const n = asOf === undefined ? await run(db.client) : await engine.asOf(asOf, [EVALUATION_EXPORT], run);
  bar.update(bar.getTotal());
  bar.stop();
  console.log(
    `${outPath}: ${n} ${format === '360giving' ? 'grants' : 'rows'} in ${((Date.now() - started) / 1000).toFixed(2)} s${asOf === undefined ? '' : ` (as of position ${asOf})`}`,
  );
  await store.close();
}

async function viaService(url: string, dataDir: string, { filter, format, layout, asOf, out: outPath }: ExportOptions): Promise<void> {
  console.log(`The service holds ${dataDir}; exporting through it at ${url}.`);
  const { DevTokenIssuer } = await import('#libs/auth');
  const token = await new DevTokenIssuer(dataDir).issue({ role: 'ministry', org: '972417750', subject: 'cli:export', ttl: '1h' });
  const q = new URLSearchParams({ format });
  if (filter.year !== undefined) q.set('year', String(filter.year));
  if (filter.scheme) q.set('scheme', filter.scheme);
  if (filter.office) q.set('office', filter.office);
  if (layout.dialect) q.set('dialect', layout.dialect);
  if (layout.labels) q.set('labels', layout.labels);
  if (asOf) q.set('asOf', asOf);
  const res = await fetch(`${url}/exports/evaluation?${q.toString()}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) throw new Error(`the service refused the export: ${res.status} ${await res.text()}`);
  const bar = new cliProgress.SingleBar(
    { hideCursor: true, noTTYOutput: true, notTTYSchedule: 1000, format: ' export |{bar}| {value} kB received' },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0);
  const out = createWriteStream(outPath);
  let bytes = 0;
  for await (const chunk of Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>)) {
    bytes += (chunk as Buffer).length;
    bar.setTotal(Math.ceil(bytes / 1024));
    bar.update(Math.ceil(bytes / 1024));
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  bar.stop();
}
