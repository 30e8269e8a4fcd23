import type { ExportLayout } from './stream.js';

/**
 * The export's formats and what each is sent as: plain data, without the writers, so a command line can check its
 * arguments (and answer --help) before it loads them.
 */
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
