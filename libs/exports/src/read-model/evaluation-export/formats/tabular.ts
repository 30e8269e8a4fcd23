import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Sql } from '#libs/db';
import { csvOptions, type CsvLayout } from '#libs/http';
import { COLUMNS, headingOf, isNumeric } from '../columns.js';
import { streamRawRows, streamRows, type ExportFilter } from '../evaluation-export.queries.js';
import { csvRowWriter } from './csv-rows.js';
import { end, write, type ExportLayout, type Progress } from './stream.js';

/** The evaluation CSV's own layout (dialect `standard`): `,` between fields, LF line ends, no byte order mark. */
const STANDARD_CSV: CsvLayout = { delimiter: ',', recordDelimiter: '\n', bom: false };

/** The rows as CSV in the layout's dialect and headings; cells that would start a formula are escaped. */
export async function writeCsv(
  sql: Sql,
  filter: ExportFilter,
  out: Writable,
  progress?: Progress,
  layout: ExportLayout = {},
): Promise<number> {
  // Options of their own for each: csv-stringify fills the default casts into the options object it is given.
  const options = () => ({ ...csvOptions(layout.dialect, STANDARD_CSV), escape_formulas: true });
  // The byte order mark (if any) goes before the heading only.
  await write(out, stringify([COLUMNS.map((c) => headingOf(c, layout.labels))], options()));
  const record = csvRowWriter(
    { ...options(), bom: false },
    COLUMNS.map((c) => ({ key: c.key, numeric: isNumeric(c) })),
  );
  let n = 0;
  n = await streamRawRows(sql, filter, async (rows) => {
    let text = '';
    for (const row of rows) text += record(row, n++);
    await write(out, text);
    progress?.(n);
  });
  await end(out);
  return n;
}

export async function writeJson(sql: Sql, filter: ExportFilter, out: Writable, ndjson: boolean, progress?: Progress): Promise<number> {
  let n = 0;
  if (!ndjson) await write(out, '[');
  n = await streamRows(sql, filter, async (rows) => {
    const text = ndjson
      ? rows.map((r) => `${JSON.stringify(r)}\n`).join('')
      : rows.map((r, i) => `${n + i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('');
    await write(out, text);
    n += rows.length;
    progress?.(n);
  });
  if (!ndjson) await write(out, '\n]\n');
  await end(out);
  return n;
}
