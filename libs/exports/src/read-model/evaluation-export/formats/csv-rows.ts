import type { Cast, CastingContext, Options } from 'csv-stringify';

/**
 * A CSV record writer compiled once for the export's columns: the same bytes csv-stringify (6.x) writes for a
 * record with these options, without its per-field option lookups, key parsing and tuples (a third of the
 * export's CPU when it wrote every page through `stringify`). It takes the read model's rows as they come from
 * the query: numeric columns are made numbers as `normalise` makes them, a missing value is an empty cell.
 * csv-rows.spec.ts checks it against csv-stringify itself. Options it does not implement are refused.
 */
export interface CsvRowColumn {
  key: string;
  numeric: boolean;
}

const SUPPORTED = new Set(['delimiter', 'record_delimiter', 'bom', 'cast', 'escape_formulas', 'quote_record_delimiter', 'eof']);
const SUPPORTED_CASTS = new Set(['boolean', 'number', 'string']);
const RECORD_DELIMITERS: Record<string, string> = { unix: '\n', mac: '\r', windows: '\r\n', ascii: '\u001e', unicode: '\u2028' };
/** The first characters csv-stringify's escape_formulas prefixes with `'` (a `-` only when the field is not a number). */
const FORMULA_STARTS = new Set(['=', '+', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** csv-stringify's test: appending `separator` after `value` would let a parser find it starting inside `value`. */
function emitsSeparator(value: string, separator: string): boolean {
  return (
    separator.length !== 0 && (value.includes(separator) || (separator.length > 1 && (value + separator).indexOf(separator) < value.length))
  );
}

function text(option: string | Buffer | undefined, fallback: string): string {
  return option === undefined || option === null ? fallback : option.toString();
}

function checked(options: Options): Options {
  for (const key of Object.keys(options))
    if (!SUPPORTED.has(key) && options[key as keyof Options] !== undefined)
      throw new Error(`csv option ${key} is not supported by the row writer`);
  for (const key of Object.keys(options.cast ?? {}))
    if (!SUPPORTED_CASTS.has(key)) throw new Error(`csv cast ${key} is not supported by the row writer`);
  if (options.eof === false) throw new Error('csv option eof: false is not supported by the row writer');
  return options;
}

/** `(row, index) => the record's text`, its record delimiter included; `index` is the record's number (from 0). */
export function csvRowWriter(options: Options, columns: readonly CsvRowColumn[]): (row: Record<string, unknown>, index: number) => string {
  const { cast = {}, escape_formulas: escapeFormulas = false } = checked(options);
  const delimiter = text(options.delimiter, ',');
  const givenRecordDelimiter = text(options.record_delimiter, '\n');
  const recordDelimiter = RECORD_DELIMITERS[givenRecordDelimiter] ?? givenRecordDelimiter;
  const recordSeparators =
    (options.quote_record_delimiter ?? !options.record_delimiter) ? [recordDelimiter, '\n', '\r'] : [recordDelimiter];
  const castNumber: Cast<number> = cast.number ?? ((n) => `${n}`);
  const castBoolean: Cast<boolean> = cast.boolean ?? ((b) => (b ? '1' : ''));
  const castString: Cast<string> | undefined = cast.string;
  // One context for every cast call (csv-stringify makes one per field); the casts given here do not keep it.
  const context: { -readonly [K in keyof CastingContext]: CastingContext[K] } = { column: '', header: false, index: 0, records: 0 };

  const valueOf = (field: unknown): ReturnType<Cast<unknown>> | undefined => {
    switch (typeof field) {
      case 'string':
        return castString ? castString(field, context) : field;
      case 'number':
        return castNumber(field, context);
      case 'boolean':
        return castBoolean(field, context);
      case 'bigint':
        return `${field}`;
      case 'object':
        return field === null ? null : field instanceof Date ? `${field.getTime()}` : JSON.stringify(field);
      default:
        return undefined;
    }
  };

  const cell = (field: unknown): string => {
    const value = valueOf(field);
    if (typeof value !== 'string' || value === '') {
      if (value !== undefined && value !== null && value !== '') throw new Error('a csv cast must return a string, null or undefined');
      return '';
    }
    const quoteIt = value.includes('"') || emitsSeparator(value, delimiter) || recordSeparators.some((s) => emitsSeparator(value, s));
    let out = value;
    if (escapeFormulas && (FORMULA_STARTS.has(out[0]) || (out[0] === '-' && typeof field !== 'number' && typeof field !== 'bigint')))
      out = `'${out}`;
    if (quoteIt) out = `"${out.replaceAll('"', '""')}"`;
    return out;
  };

  return (row, index) => {
    context.records = index;
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const { key, numeric } = columns[i];
      const raw = row[key];
      context.index = i;
      context.column = key;
      const field = raw === undefined || raw === null ? null : numeric ? Number(raw) : raw;
      line += i === 0 ? cell(field) : delimiter + cell(field);
    }
    return line + recordDelimiter;
  };
}
