import fc from 'fast-check';
import { stringify, type Options } from 'csv-stringify/sync';
import { csvOptions, type CsvDialect, type CsvLayout } from '#libs/http';
import { csvRowWriter, type CsvRowColumn } from './csv-rows.js';

const STANDARD: CsvLayout = { delimiter: ',', recordDelimiter: '\n', bom: false };
const COLUMNS: CsvRowColumn[] = [
  { key: 'a', numeric: false },
  { key: 'n', numeric: true },
  { key: 'b', numeric: false },
  { key: 'c', numeric: false },
  { key: 'm', numeric: true },
];

/** Text made of the characters that matter to CSV (separators, quotes, formula starts), and a little else. */
const tricky = fc.string({
  unit: fc.constantFrom('a', 'ø', ' ', ',', ';', '"', "'", '\n', '\r', '=', '+', '-', '@', '\t', '\uFF1D', '\uFF0D', '1', '.'),
  maxLength: 8,
});
const cell = fc.oneof(tricky, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant(undefined));
const numericCell = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.integer().map(String), fc.constant(null));
const row = fc.record({ a: cell, n: numericCell, b: cell, c: tricky, m: numericCell }, { requiredKeys: [] });

/** What the export wrote with csv-stringify: numeric columns as numbers, a missing value as null, in column order. */
function reference(rows: Record<string, unknown>[], options: Options): string {
  const normalised = rows.map((r) =>
    Object.fromEntries(
      COLUMNS.map((c) => [c.key, r[c.key] === undefined || r[c.key] === null ? null : c.numeric ? Number(r[c.key]) : r[c.key]]),
    ),
  );
  return stringify(normalised, { ...options, bom: false, columns: COLUMNS.map((c) => c.key) });
}

describe('the CSV row writer writes the bytes csv-stringify writes', () => {
  it.each<CsvDialect>(['standard', 'excel-no'])('dialect %s, with formulas escaped, for any cells', (dialect) => {
    const options = { ...csvOptions(dialect, STANDARD), escape_formulas: true };
    const write = csvRowWriter(options, COLUMNS);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        expect(rows.map((r, i) => write(r, i)).join('')).toBe(reference(rows, options));
      }),
      { numRuns: 500 },
    );
  });

  it('without a record delimiter given, quotes a field with a line break as csv-stringify does', () => {
    const write = csvRowWriter({ delimiter: ';' }, COLUMNS);
    const rows = [{ a: 'x\ry', n: 1, b: 'p\nq', c: 'a;b', m: '-2' }];
    expect(write(rows[0], 0)).toBe(reference(rows, { delimiter: ';' }));
    expect(write(rows[0], 0)).toBe('"x\ry";1;"p\nq";"a;b";-2\n');
  });

  it('refuses an option it does not implement', () => {
    expect(() => csvRowWriter({ quoted: true }, COLUMNS)).toThrow(/quoted/);
    expect(() => csvRowWriter({ cast: { date: (d) => d.toISOString() } }, COLUMNS)).toThrow(/date/);
  });
});
