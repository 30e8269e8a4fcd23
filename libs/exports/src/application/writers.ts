import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Sql } from '#libs/db';
import { officeByCode } from '#libs/reference-data';
import { COLUMNS, OFFICE_COLUMNS, type Column, type ExportRow } from './columns.js';
import { officeYears, streamRows, type ExportFilter } from './export-query.js';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson', 'xlsx', '360giving'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '360giving': 'application/json; charset=utf-8',
};

export const FILE_EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', json: 'json', ndjson: 'ndjson', xlsx: 'xlsx', '360giving': '360giving.json' };

/** Called after each page with the rows written so far. */
export type Progress = (rowsWritten: number) => void;

/** Waits until `out` can take more (backpressure), or fails when it was closed (the client went away). */
async function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain) return;
  if (out.destroyed) throw new Error('the export stream was closed');
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the export stream was closed'));
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('the export stream was closed');
  out.write(chunk);
  await drained(out);
}

async function end(out: Writable): Promise<void> {
  if (out.writableFinished) return;
  const done = once(out, 'finish');
  out.end();
  await done;
}

/**
 * Writes the evaluation export (rows; for XLSX also the per-office sheet) to `out` as it reads it, page by page:
 * memory stays flat however many rows. Returns the number of rows.
 */
export async function writeEvaluationExport(sql: Sql, filter: ExportFilter, format: ExportFormat, out: Writable, progress?: Progress): Promise<number> {
  switch (format) {
    case 'csv':
      return writeCsv(sql, filter, out, progress);
    case 'json':
    case 'ndjson':
      return writeJson(sql, filter, out, format === 'ndjson', progress);
    case 'xlsx':
      return writeXlsx(sql, filter, out, progress);
    case '360giving':
      return write360Giving(sql, filter, out, progress);
  }
}

async function writeCsv(sql: Sql, filter: ExportFilter, out: Writable, progress?: Progress): Promise<number> {
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

async function writeJson(sql: Sql, filter: ExportFilter, out: Writable, ndjson: boolean, progress?: Progress): Promise<number> {
  let n = 0;
  if (!ndjson) await write(out, '[');
  n = await streamRows(sql, filter, async (rows) => {
    const text = ndjson ? rows.map((r) => `${JSON.stringify(r)}\n`).join('') : rows.map((r, i) => `${n + i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('');
    await write(out, text);
    n += rows.length;
    progress?.(n);
  });
  if (!ndjson) await write(out, '\n]\n');
  await end(out);
  return n;
}

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
  const entry = (sheet as unknown as { stream?: { pipes?: Array<Writable & { _writableState?: { length: number; highWaterMark: number } }> } }).stream?.pipes?.[0];
  const state = entry?._writableState;
  if (entry && state && state.length > state.highWaterMark) await once(entry, 'drain');
}

/** XLSX through exceljs' streaming WorkbookWriter: rows are committed (written to the zip) page by page. */
async function writeXlsx(sql: Sql, filter: ExportFilter, out: Writable, progress?: Progress): Promise<number> {
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

// ---------- 360Giving open data ----------

/** The ministry (Kunnskapsdepartementet) publishes the open data; governor offices are the funders. */
const PUBLISHER = { name: 'Kunnskapsdepartementet', identifier: 'NO-BRC-972417750' };
export const orgId = (orgNumber: string) => `NO-BRC-${orgNumber}`;

interface PendingGrant {
  grantId: string;
  rows: ExportRow[];
}

export function grantTo360(g: PendingGrant): Record<string, unknown> {
  const first = g.rows[0];
  const years = g.rows.map((r) => Number(r.year));
  const awarded = g.rows.reduce((s, r) => s + Number(r.granted ?? 0), 0);
  const paid = g.rows.reduce((s, r) => s + Number(r.paid ?? 0), 0);
  const office = officeByCode(String(first.office));
  const startYear = first.startYear === null ? Math.min(...years) : Number(first.startYear);
  const span = first.spanYears === null ? Math.max(...years) - Math.min(...years) + 1 : Number(first.spanYears);
  const measure = first.measureTitle ? String(first.measureTitle) : `Measure ${first.measureId}`;
  const description = [
    first.assessmentTitle ? `${measure}, in the needs assessment «${first.assessmentTitle}»` : measure,
    first.themes ? `themes: ${String(first.themes).split(';').join(', ')}` : null,
    `collective competence development in schools (${first.scheme}), ${years.length > 1 ? `years ${Math.min(...years)}–${Math.max(...years)}` : `year ${years[0]}`}`,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    id: `360G-dekomp-${g.grantId}`,
    title: measure.slice(0, 140),
    description,
    currency: 'NOK',
    amountAwarded: awarded,
    amountDisbursed: paid,
    awardDate: String(first.decidedOn),
    plannedDates: [{ startDate: `${startYear}-08-01`, endDate: `${startYear + span}-07-31`, duration: String(span * 12) }],
    recipientOrganization: [{ id: orgId(String(first.recipientOrg)), name: String(first.recipientName ?? first.recipientOrg) }],
    fundingOrganization: [{ id: office ? orgId(office.orgNumber) : PUBLISHER.identifier, name: office?.name ?? PUBLISHER.name }],
    grantProgramme: [{ code: String(first.scheme), title: `${first.scheme} (desentralisert ordning for kompetanseutvikling)` }],
    // Extra fields (360Giving allows additional properties):
    recipientKind: first.recipientKind,
    scheme: first.scheme,
    office: first.office,
    measureId: first.measureId,
  };
}

/**
 * The decided grants as a 360Giving package: one grant per active decision (measure × recipient) whose decision
 * year is the filter's year, amountAwarded over all its years. Streamed: a grant is written when its last row is read.
 */
async function write360Giving(sql: Sql, filter: ExportFilter, out: Writable, progress?: Progress): Promise<number> {
  const header = {
    title: `Dekomp grants${filter.year ? ` decided in ${filter.year}` : ''}${filter.scheme ? `, ${filter.scheme}` : ''}${filter.office ? `, ${filter.office}` : ''}`,
    issued: new Date().toISOString(),
    publisher: PUBLISHER,
    license: 'https://data.norge.no/nlod/en/2.0',
  };
  await write(out, `${JSON.stringify(header).slice(0, -1)},"grants":[`);
  let pending: PendingGrant | null = null;
  let grants = 0;
  const flush = async () => {
    if (!pending) return;
    await write(out, `${grants === 0 ? '\n' : ',\n'}${JSON.stringify(grantTo360(pending))}`);
    grants += 1;
    pending = null;
  };
  const decisionYear = filter.year === undefined ? '' : ` AND r.decision_year = ${Math.trunc(filter.year)}`;
  await streamRows(
    sql,
    { scheme: filter.scheme, office: filter.office },
    async (rows) => {
      for (const r of rows) {
        const id = String(r.grantId);
        if (pending && pending.grantId !== id) await flush();
        if (!pending) pending = { grantId: id, rows: [] };
        pending.rows.push(r);
      }
      progress?.(grants);
    },
    `AND r.grant_id IS NOT NULL AND r.decision_status = 'active' AND r.granted > 0${decisionYear}`,
  );
  await flush();
  await write(out, '\n]}\n');
  await end(out);
  progress?.(grants);
  return grants;
}
