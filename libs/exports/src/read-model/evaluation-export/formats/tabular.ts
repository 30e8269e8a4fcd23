import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Sql } from '#libs/db';
import { COLUMNS } from '../columns.js';
import { streamRows, type ExportFilter } from '../evaluation-export.queries.js';
import { end, write, type Progress } from './stream.js';

export async function writeCsv(sql: Sql, filter: ExportFilter, out: Writable, progress?: Progress): Promise<number> {
  const columns = COLUMNS.map((c) => c.key);
  const options = { columns, cast: { boolean: (b: boolean) => (b ? 'true' : 'false') }, escape_formulas: true };
  await write(out, stringify([columns], { escape_formulas: true }));
  let n = 0;
  n = await streamRows(sql, filter, async (rows) => {
    await write(out, stringify(rows, options));
    n += rows.length;
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
