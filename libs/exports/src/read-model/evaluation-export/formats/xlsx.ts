import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Sql } from '#libs/db';
import { COLUMNS, headingOf, KIND_NAMES, OFFICE_COLUMNS, type Column, type ColumnKind, type LabelSet } from '../columns.js';
import { officeYears, streamRows, type ExportFilter } from '../evaluation-export.queries.js';
import { drained, type ExportLayout, type Progress } from './stream.js';
import { DATE_FORMAT, DICTIONARY_SHEET, KRONER_FORMAT, SHEET_NAMES } from './xlsx-layout.js';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  kroner: KRONER_FORMAT,
  integer: '0',
  date: DATE_FORMAT,
  text: undefined,
  boolean: undefined,
};

const toDate = (s: string) => new Date(`${s}T00:00:00Z`);

function cell(c: Column, v: string | number | boolean | null | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (c.kind === 'date') return toDate(String(v));
  return v;
}

function xlsxColumns(columns: readonly Column[], labels: LabelSet): Partial<ExcelJS.Column>[] {
  return columns.map((c) => {
    const header = headingOf(c, labels);
    const numFmt = NUMBER_FORMATS[c.kind];
    const width =
      c.kind === 'text' || c.kind === 'boolean' ? Math.min(Math.max(header.length + 2, 10), 40) : Math.max(header.length + 2, 14);
    return { header, key: c.key, width, style: numFmt ? { numFmt } : {} };
  });
}

/** A sheet with its heading row in bold, frozen (it stays in view when scrolling), and committed. */
function openSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return sheet;
}

/** An autofilter over the heading and the `rows` data rows (written at the sheet's end, so known only now). */
function closeSheet(sheet: ExcelJS.Worksheet, columnCount: number, rows: number): void {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columnCount } };
  sheet.commit();
}

/**
 * exceljs' streaming worksheet writes its XML into the zip's entry stream without heeding backpressure, so rows
 * committed faster than zlib compresses them pile up in memory (measured: +250 MB for 100k × 60 cells). Wait until
 * that entry stream (archiver's readable-stream PassThrough, reached through exceljs internals) has drained.
 */
async function sheetDrained(sheet: ExcelJS.Worksheet): Promise<void> {
  const entry = (
    sheet as unknown as { stream?: { pipes?: Array<Writable & { _writableState?: { length: number; highWaterMark: number } }> } }
  ).stream?.pipes?.[0];
  const state = entry?._writableState;
  if (entry && state && state.length > state.highWaterMark) await once(entry, 'drain');
}

/** The dictionary sheet's own headings (always Norwegian: it explains the export to its readers). */
const DICTIONARY_COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: 'Kolonne', key: 'key', width: 28 },
  { header: 'Etikett', key: 'label', width: 30 },
  { header: 'Betydning', key: 'meaning', width: 90 },
  { header: 'Kildehendelse', key: 'events', width: 60 },
  { header: 'Type', key: 'kind', width: 14 },
  { header: 'Ark', key: 'sheet', width: 12 },
];

/** «Dataordbok»: for each column of both sheets its machine name, label, meaning, source events, kind and sheet. */
function writeDictionary(workbook: ExcelJS.stream.xlsx.WorkbookWriter, names: { rows: string; offices: string }): void {
  const sheet = openSheet(workbook, DICTIONARY_SHEET, DICTIONARY_COLUMNS);
  const entries = [...COLUMNS.map((c) => [names.rows, c] as const), ...OFFICE_COLUMNS.map((c) => [names.offices, c] as const)];
  for (const [name, c] of entries) sheet.addRow([c.key, c.label, c.meaning, c.events.join(', '), KIND_NAMES[c.kind], name]).commit();
  closeSheet(sheet, DICTIONARY_COLUMNS.length, entries.length);
}

/**
 * XLSX through exceljs' streaming WorkbookWriter: the rows are committed (written to the zip) page by page, then
 * the data dictionary and the per-office sheet. Kroner and dates are typed cells with Norwegian number formats.
 */
export async function writeXlsx(
  sql: Sql,
  filter: ExportFilter,
  out: Writable,
  progress?: Progress,
  layout: ExportLayout = {},
): Promise<number> {
  const labels = layout.labels ?? 'key';
  const names = SHEET_NAMES[labels];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Dekomp';
  const sheet = openSheet(workbook, names.rows, xlsxColumns(COLUMNS, labels));
  let n = 0;
  n = await streamRows(sql, filter, async (rows) => {
    for (const r of rows) sheet.addRow(COLUMNS.map((c) => cell(c, r[c.key]))).commit();
    n += rows.length;
    progress?.(n);
    await sheetDrained(sheet);
    await drained(out);
  });
  closeSheet(sheet, COLUMNS.length, n);
  writeDictionary(workbook, names);
  const offices = openSheet(workbook, names.offices, xlsxColumns(OFFICE_COLUMNS, labels));
  const years = await officeYears(sql, filter);
  for (const o of years) offices.addRow(OFFICE_COLUMNS.map((c) => cell(c, o[c.key]))).commit();
  closeSheet(offices, OFFICE_COLUMNS.length, years.length);
  const finished = out.writableFinished ? Promise.resolve() : once(out, 'finish');
  await workbook.commit();
  await finished;
  return n;
}
