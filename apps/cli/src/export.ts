import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import { DevTokenIssuer } from '#libs/auth';
import { ConfigError, loadConfig, type DekompConfig } from '#libs/config';
import { DataDirLockedError, migrate, openDatabase, type OpenDatabase } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore } from '#libs/event-store';
import {
  countRows,
  EVALUATION_EXPORT,
  evaluationExportProjection,
  EXPORT_FORMATS,
  LABEL_SETS,
  LAYOUT_FORMATS,
  writeEvaluationExport,
  type ExportFilter,
  type ExportFormat,
  type ExportLayout,
  type LabelSet,
} from '#libs/exports';
import { CSV_DIALECTS, type CsvDialect } from '#libs/http';
import { SCHEMES } from '#libs/kernel';
import { projectionMigrations, ProjectionEngine } from '#libs/projections';
import { eventStoreFactoryFor } from '../../api/src/event-store-factory.js';
import { officeCode, parseCliArgs, runCli } from './cli-args.js';

const USAGE = `usage: npm run export -- --year <y> [--scheme DEKOMP] [--office ROGALAND] --format ${EXPORT_FORMATS.join('|')} --out <file>
         [--dialect ${CSV_DIALECTS.join('|')}] [--labels ${LABEL_SETS.join('|')}] [--as-of <ISO time|position>] [--url http://127.0.0.1:3000]

The ministry's evaluation export (one row per measure × recipient × year), or the decided grants as a 360Giving
package. It reads the store itself when it may; when the service holds the embedded data directory it asks the
running service's HTTP export endpoint instead, with a ministry token minted from the data directory's dev key.

  --dialect excel-no  CSV for Excel set up for Norway: ";" between fields, CRLF, a UTF-8 byte order mark, decimal comma
                      (default standard: "," between fields, LF, no byte order mark); csv only
  --labels nb         Norwegian (bokmål) column headings instead of the machine names; csv and xlsx
                      (the xlsx always carries the data dictionary sheet «Dataordbok»)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

/** --dialect and --labels, checked as the service checks them: a known value, and a format it applies to. */
function layoutOf(format: ExportFormat, dialect: string | undefined, labels: string | undefined): ExportLayout {
  if (dialect !== undefined && !(CSV_DIALECTS as readonly string[]).includes(dialect))
    fail(`--dialect must be one of ${CSV_DIALECTS.join(', ')}`);
  if (labels !== undefined && !(LABEL_SETS as readonly string[]).includes(labels)) fail(`--labels must be one of ${LABEL_SETS.join(', ')}`);
  if (dialect !== undefined && !LAYOUT_FORMATS.dialect.includes(format))
    fail(`--dialect applies to --format ${LAYOUT_FORMATS.dialect.join(' and ')} only`);
  if (labels !== undefined && !LAYOUT_FORMATS.labels.includes(format))
    fail(`--labels applies to --format ${LAYOUT_FORMATS.labels.join(' and ')} only`);
  return { dialect: dialect as CsvDialect | undefined, labels: labels as LabelSet | undefined };
}

interface ExportOptions {
  filter: ExportFilter;
  format: ExportFormat;
  layout: ExportLayout;
  out: string;
  asOf?: string;
  url?: string;
}

/** The command line, checked (a bad option exits 2 with the usage; --help is answered by runCli). */
function readOptions(): ExportOptions {
  const { values } = parseCliArgs(process.argv.slice(2), {
    year: { type: 'string' },
    scheme: { type: 'string' },
    office: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
    dialect: { type: 'string' },
    labels: { type: 'string' },
    url: { type: 'string' },
  });
  if (!values.out) fail('--out <file> is required');
  const format = (values.format ?? 'csv') as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) fail('--year is a year, like 2027');
  if (values.scheme !== undefined && !(SCHEMES as readonly string[]).includes(values.scheme))
    fail(`--scheme must be one of ${SCHEMES.join(', ')}`);
  if (values.office !== undefined) officeCode(values.office); // upper case, one of the codes, as for npm run token
  const filter: ExportFilter = {
    year: values.year === undefined ? undefined : Number(values.year),
    scheme: values.scheme,
    office: values.office,
  };
  return {
    filter,
    format,
    layout: layoutOf(format, values.dialect, values.labels),
    out: values.out,
    asOf: values['as-of'],
    url: values.url,
  };
}

/** npm run export -- --year 2027 --format xlsx --out evaluation-2027.xlsx */
async function main(): Promise<void> {
  const options = readOptions();
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
  let asOf: number | undefined;
  if (asOfText !== undefined) {
    asOf = /^\d+$/.test(asOfText)
      ? Number(asOfText)
      : Number.isNaN(Date.parse(asOfText))
        ? fail('--as-of is an ISO 8601 time or a global position')
        : await store.positionAt(new Date(asOfText));
  }
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
  const run = async (sql: Parameters<typeof countRows>[0]) => {
    bar.start(Math.max(await countRows(sql, filter), 1), 0);
    return writeEvaluationExport(sql, filter, format, out, (n) => bar.update(n), layout);
  };
  const n = asOf === undefined ? await run(db.client) : await engine.asOf(asOf, [EVALUATION_EXPORT], run);
  bar.update(bar.getTotal());
  bar.stop();
  console.log(
    `${outPath}: ${n} ${format === '360giving' ? 'grants' : 'rows'} in ${((Date.now() - started) / 1000).toFixed(1)} s${asOf === undefined ? '' : ` (as of position ${asOf})`}`,
  );
  await store.close();
}

async function viaService(url: string, dataDir: string, { filter, format, layout, asOf, out: outPath }: ExportOptions): Promise<void> {
  console.log(`The service holds ${dataDir}; exporting through it at ${url}.`);
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

runCli({ name: 'export', usage: USAGE }, main).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
