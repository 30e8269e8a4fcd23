/**
 * Imports an office's multi-year grants decided before Dekomp (R9 commitments) through the running service's HTTP
 * API, with a governor token minted from the data directory's dev key (as `npm run token` makes it):
 *
 *   npm run import -- --office ROGALAND --file commitments.csv [--scheme DEKOMP] [--url http://127.0.0.1:3000]
 *
 * The file: a header and one line per grant and year, `;` or `,` separated (a BOM is fine):
 *   recipientOrg;measureTitle;caseNumber;decisionDate;year;amount
 *   964965226;Lesing i alle fag;2022/101;2022-04-28;2023;30000000
 * Lines with the same recipient, case number and title are one grant. All or nothing: every refused row is listed
 * with its lines in the file and nothing is written; a re-run of the same file writes nothing new.
 */
import { readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { parse } from 'csv-parse/sync';
import { DevTokenIssuer } from '#libs/auth';
import { loadConfig } from '#libs/config';
import { SCHEMES } from '#libs/kernel';
import { officeCode, parseCliArgs, runCli, usageFailure, UsageError } from './cli-args.js';

const USAGE = `usage: npm run import -- --office <code> --file <commitments.csv> [--scheme DEKOMP] [--url http://127.0.0.1:3000] [--data-dir ./data]`;
const COLUMNS = ['recipientOrg', 'measureTitle', 'caseNumber', 'decisionDate', 'year', 'amount'] as const;

interface Row {
  recipientOrg: string;
  measureTitle: string;
  caseNumber: string;
  decisionDate: string;
  amounts: Array<{ year: number; amount: number }>;
  /** The file's line numbers of this grant's years. */
  lines: number[];
}

const CLI = { name: 'import', usage: USAGE };

/** The file's lines grouped into grants, with a progress bar over the lines. */
function readRows(file: string): Row[] {
  const records: Array<{ record: Record<string, string>; info: { lines: number } }> = parse(readFileSync(file, 'utf8'), {
    bom: true,
    columns: true,
    delimiter: [';', ','],
    skip_empty_lines: true,
    trim: true,
    info: true,
  });
  const missing = COLUMNS.filter((c) => records.length > 0 && !(c in records[0].record));
  if (missing.length) usageFailure(CLI, `${file} lacks the columns ${missing.join(', ')}`);
  const bar = new cliProgress.SingleBar({ format: 'reading   [{bar}] {value}/{total} lines' }, cliProgress.Presets.shades_classic);
  bar.start(records.length, 0);
  const grants = new Map<string, Row>();
  for (const { record: r, info } of records) {
    const key = `${r.recipientOrg}\n${r.caseNumber}\n${r.measureTitle}`;
    const row = grants.get(key) ?? {
      recipientOrg: r.recipientOrg,
      measureTitle: r.measureTitle,
      caseNumber: r.caseNumber,
      decisionDate: r.decisionDate,
      amounts: [],
      lines: [],
    };
    row.amounts.push({ year: Number(r.year), amount: Number(r.amount) });
    row.lines.push(info.lines);
    grants.set(key, row);
    bar.increment();
  }
  bar.stop();
  return [...grants.values()];
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, {
    office: { type: 'string' },
    file: { type: 'string' },
    scheme: { type: 'string' },
    url: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  const office = officeCode(values.office);
  if (!values.file) throw new UsageError('--file <commitments.csv> is required');
  const scheme = values.scheme ?? 'DEKOMP';
  if (!(SCHEMES as readonly string[]).includes(scheme)) throw new UsageError(`--scheme must be one of ${SCHEMES.join(', ')}`);
  const config = loadConfig(values['data-dir'] ? { ...process.env, DATA_DIR: values['data-dir'] } : process.env);
  const url = values.url ?? `http://127.0.0.1:${config.PORT}`;
  const rows = readRows(values.file);
  const token = await new DevTokenIssuer(config.DATA_DIR).issue({
    role: 'governor',
    office,
    subject: 'cli:import',
    ttl: '1h',
  });
  const bar = new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} grants' }, cliProgress.Presets.shades_classic);
  bar.start(rows.length, 0);
  const body = { rows: rows.map(({ lines: _, ...r }) => r) };
  const res = await fetch(`${url}/frames/${office}/${scheme}/commitment-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as {
    imported?: number;
    unchanged?: number;
    errors?: Array<{ field: string; rule: string; message: string }>;
    detail?: string;
  };
  bar.update(res.ok ? rows.length : 0);
  bar.stop();
  if (!res.ok) {
    console.error(`Nothing was imported (${res.status}). Refused:`);
    for (const e of answer.errors ?? []) {
      const i = /^rows\[(\d+)\]/.exec(e.field)?.[1];
      const where = i === undefined ? e.field : `line ${rows[Number(i)].lines.join(', ')} (${e.field})`;
      console.error(`  ${where}: ${e.rule} ${e.message}`);
    }
    if (!answer.errors) console.error(`  ${answer.detail ?? ''}`);
    return 1;
  }
  console.log(`Imported ${answer.imported} grants; ${answer.unchanged} were imported before and are unchanged.`);
  return 0;
}

await runCli(CLI, main);
