import type { CsvDialect } from '#libs/http';
import { SCHEMES } from '#libs/kernel';
import {
  EXPORT_FORMATS,
  LABEL_SETS,
  LAYOUT_FORMATS,
  type ExportFilter,
  type ExportFormat,
  type ExportLayout,
  type LabelSet,
} from '../../../libs/exports/src/options.js';
import { officeCode, parseCliArgs, runCli } from './cli-args.js';
import type { ExportOptions } from './export-run.js';

/**
 * The command line is read and checked with plain data only; the store, the read model and the writers are loaded
 * after it (`export-run.ts`), so --help and a bad option are answered at once.
 *
 * The CSV dialects, as `#libs/http` declares them (that module brings Nest's OpenAPI decorators); the type checker
 * holds the two lists equal.
 */
const CSV_DIALECTS = ['standard', 'excel-no'] as const satisfies readonly CsvDialect[];
const sameDialects: [CsvDialect] extends [(typeof CSV_DIALECTS)[number]] ? true : never = true;
void sameDialects;

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

/** The command line, checked (a bad option exits 2 with the usage; --help is answered by runCli). */
function readOptions(argv: string[]): ExportOptions {
  const { values } = parseCliArgs(argv, {
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
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d+$/.test(asOf) && Number.isNaN(Date.parse(asOf))) fail('--as-of is an ISO 8601 time or a global position');
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
    asOf,
    url: values.url,
  };
}

/** npm run export -- --year 2027 --format xlsx --out evaluation-2027.xlsx */
async function main(argv: string[]): Promise<void> {
  const options = readOptions(argv);
  const { runExport } = await import('./export-run.js');
  await runExport(options);
}

runCli({ name: 'export', usage: USAGE }, main).catch(async (error: unknown) => {
  const { ConfigError } = await import('#libs/config');
  console.error(error instanceof ConfigError ? error.message : `export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
