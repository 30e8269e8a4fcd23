import type { Writable } from 'node:stream';
import type { Sql } from '#libs/db';
import type { ExportFilter } from '../evaluation-export.queries.js';
import type { ExportLayout, Progress } from './stream.js';
import { writeCsv, writeJson } from './tabular.js';
import { write360Giving } from './three-sixty-giving.js';
import { writeXlsx } from './xlsx.js';

export type { ExportLayout, Progress } from './stream.js';
export { DICTIONARY_SHEET, DATE_FORMAT, KRONER_FORMAT, SHEET_NAMES } from './xlsx.js';
export { grantTo360, orgId } from './three-sixty-giving.js';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson', 'xlsx', '360giving'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '360giving': 'application/json; charset=utf-8',
};

export const FILE_EXTENSIONS: Record<ExportFormat, string> = {
  csv: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  xlsx: 'xlsx',
  '360giving': '360giving.json',
};

/** The formats a layout option applies to: the CSV dialect to CSV, the headings to CSV and XLSX. */
export const LAYOUT_FORMATS: { [K in keyof Required<ExportLayout>]: readonly ExportFormat[] } = {
  dialect: ['csv'],
  labels: ['csv', 'xlsx'],
};

/**
 * Writes the evaluation export (rows; for XLSX also the data dictionary and the per-office sheet) to `out` as it
 * reads it, page by page: memory stays flat however many rows. Returns the number of rows.
 */
export async function writeEvaluationExport(
  sql: Sql,
  filter: ExportFilter,
  format: ExportFormat,
  out: Writable,
  progress?: Progress,
  layout: ExportLayout = {},
): Promise<number> {
  switch (format) {
    case 'csv':
      return writeCsv(sql, filter, out, progress, layout);
    case 'json':
    case 'ndjson':
      return writeJson(sql, filter, out, format === 'ndjson', progress);
    case 'xlsx':
      return writeXlsx(sql, filter, out, progress, layout);
    case '360giving':
      return write360Giving(sql, filter, out, progress);
  }
}
