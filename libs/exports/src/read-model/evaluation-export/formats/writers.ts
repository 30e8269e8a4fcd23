import type { Writable } from 'node:stream';
import type { Sql } from '#libs/db';
import type { ExportFilter } from '../evaluation-export.queries.js';
import type { ExportFormat } from './formats.js';
import type { ExportLayout, Progress } from './stream.js';
import { writeCsv, writeJson } from './tabular.js';
import { write360Giving } from './three-sixty-giving.js';

export type { ExportLayout, Progress } from './stream.js';
export { DICTIONARY_SHEET, DATE_FORMAT, KRONER_FORMAT, SHEET_NAMES } from './xlsx-layout.js';
export { grantTo360, orgId } from './three-sixty-giving.js';

export { CONTENT_TYPES, EXPORT_FORMATS, FILE_EXTENSIONS, LAYOUT_FORMATS, type ExportFormat } from './formats.js';

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
      // exceljs is loaded when a workbook is asked for (the CSV command line does without it).
      return (await import('./xlsx.js')).writeXlsx(sql, filter, out, progress, layout);
    case '360giving':
      return write360Giving(sql, filter, out, progress);
  }
}
