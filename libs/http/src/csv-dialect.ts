import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Options } from 'csv-stringify';

/**
 * The CSV dialects the service writes (`?dialect=`). `standard` is each endpoint's own layout, documented on the
 * endpoint. `excel-no` opens with a double click in Excel set up for Norway: `;` between fields (there the comma is
 * the decimal mark and `;` the list separator), CRLF line ends, a UTF-8 byte order mark (without it Excel reads
 * the bytes as Windows-1252 and æøå break) and a decimal comma in any number that is not whole.
 */
export const CSV_DIALECTS = ['standard', 'excel-no'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

export interface CsvLayout {
  delimiter: string;
  recordDelimiter: string;
  bom: boolean;
}

export const EXCEL_NO: CsvLayout = { delimiter: ';', recordDelimiter: '\r\n', bom: true };

const EXCEL_NO_TEXT = '`;` between fields, CRLF line ends, a UTF-8 byte order mark and a decimal comma (opens in Excel set up for Norway)';

/**
 * csv-stringify's options for a dialect, `standard` being the endpoint's own layout: booleans are `true`/`false`,
 * numbers carry the dialect's decimal mark. Money is whole kroner, so a decimal comma is rare.
 */
export function csvOptions(dialect: CsvDialect | undefined, standard: CsvLayout): Options {
  const excel = dialect === 'excel-no';
  const layout = excel ? EXCEL_NO : standard;
  return {
    delimiter: layout.delimiter,
    record_delimiter: layout.recordDelimiter,
    bom: layout.bom,
    cast: {
      boolean: (b: boolean) => (b ? 'true' : 'false'),
      number: (n: number) => (excel && !Number.isInteger(n) ? String(n).replace('.', ',') : String(n)),
    },
  };
}

/** The `dialect` query parameter of a CSV endpoint: its OpenAPI enum and its validation in one decorator. */
export const CsvDialectParam =
  (standard: string) =>
  (target: object, key: string): void => {
    ApiPropertyOptional({
      enum: CSV_DIALECTS,
      default: 'standard',
      description: `The CSV dialect. standard: ${standard}. excel-no: ${EXCEL_NO_TEXT}.`,
    })(target, key);
    IsOptional()(target, key);
    IsIn(CSV_DIALECTS)(target, key);
  };
