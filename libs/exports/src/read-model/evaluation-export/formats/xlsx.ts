import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Sql } from '#libs/db';
import { COLUMNS, OFFICE_COLUMNS, type Column } from '../columns.js';
import { officeYears, streamRows, type ExportFilter } from '../evaluation-export.queries.js';
import { drained, type Progress } from './stream.js';

const toDate = (s: string) => new Date(`${s}T00:00:00Z`);

function cell(c: Column, v: string | number | boolean | null): ExcelJS.CellValue {
  if (v === null) return null;
  if (c.type === 'date') return toDate(String(v));
  return v;
}

function xlsxColumns(columns: readonly Column[]): Partial<ExcelJS.Column>[] {
  return columns.map((c) => ({
    header: c.key,
    key: c.key,
    width: c.type === 'date' ? 12 : c.type === 'int' ? 12 : Math.min(Math.max(c.key.length + 2, 10), 40),
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'int' ? { numFmt: '0' } : {},
  }));
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

/** XLSX through exceljs' streaming WorkbookWriter: rows are committed (written to the zip) page by page. */
export async function writeXlsx(sql: Sql, filter: ExportFilter, out: Writable, progress?: Progress): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Dekomp';
  const sheet = workbook.addWorksheet('Evaluation', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = xlsxColumns(COLUMNS);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  n = await streamRows(sql, filter, async (rows) => {
    for (const r of rows) sheet.addRow(COLUMNS.map((c) => cell(c, r[c.key]))).commit();
    n += rows.length;
    progress?.(n);
    await sheetDrained(sheet);
    await drained(out);
  });
  sheet.commit();
  const offices = workbook.addWorksheet('Offices', { views: [{ state: 'frozen', ySplit: 1 }] });
  offices.columns = xlsxColumns(OFFICE_COLUMNS);
  offices.getRow(1).font = { bold: true };
  offices.getRow(1).commit();
  for (const o of await officeYears(sql, filter)) offices.addRow(OFFICE_COLUMNS.map((c) => o[c.key] ?? null)).commit();
  offices.commit();
  const finished = out.writableFinished ? Promise.resolve() : once(out, 'finish');
  await workbook.commit();
  await finished;
  return n;
}
