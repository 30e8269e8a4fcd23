import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { COLUMNS, DATE_FORMAT, DICTIONARY_SHEET, KRONER_FORMAT, OFFICE_COLUMNS, type Column } from '#libs/exports';
import { MEASURE_CATALOG, type MeasureCatalog, type MeasureInfo } from '#libs/kernel';
import { orgNumberWithCheckDigit } from '#libs/reference-data';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type ApiResponse, type TestApi } from '../support/api.js';

const backends = await testBackends('exports for a Norwegian office');

const STAVANGER = '964965226';
const SANDNES = orgNumberWithCheckDigit('96100001');
const UIS = '971564679';
const BOM = [0xef, 0xbb, 0xbf];
const KRONER = COLUMNS.filter((c) => c.kind === 'kroner');

/** Two submitted measures of the 2027 call in Rogaland (the needs assessments themselves are not under test here). */
const measure = (measureId: string, owner: string, requested: MeasureInfo['requested']): MeasureInfo => ({
  ...{ assessmentId: `NA-${measureId}`, measureId, callId: 'rogaland-dekomp-2027', office: 'ROGALAND', scheme: 'DEKOMP', year: 2027 },
  ...{ title: `Tiltak ${measureId}`, themes: ['lesing'], leadOwner: owner, owners: [owner], network: false },
  ...{ universities: [{ org: UIS, status: 'committed', local: true }], startYear: 2027, spanYears: 2, requested },
  ...{ status: 'submitted', late: false },
});
const MEASURES = new Map(
  [
    measure('m-1', STAVANGER, [
      { org: STAVANGER, year: 2027, amount: 250_000 },
      { org: STAVANGER, year: 2028, amount: 125_000 },
      { org: UIS, year: 2027, amount: 80_000 },
    ]),
    measure('m-2', SANDNES, [{ org: SANDNES, year: 2027, amount: 90_000 }]),
  ].map((m) => [m.measureId, m]),
);

type Row = Record<string, any>;
const sumOf = (rows: Row[], key: string) => rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);
const totals = (rows: Row[], columns: readonly Column[] = KRONER) => Object.fromEntries(columns.map((c) => [c.key, sumOf(rows, c.key)]));

describe.each(backends)('exports a Norwegian office can open, on %s', (backend: BackendName) => {
  let api: TestApi;
  let ministry: string;
  let governor: string;
  let last = 0;
  let run: Row;

  const ok = async (r: Promise<ApiResponse>, status = 200) => {
    const res = await r;
    if (res.status !== status) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
    if (res.body?.position) last = Math.max(last, res.body.position);
    return res;
  };
  const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`;
  /** The bytes as sent (fetch's text() would drop a byte order mark). */
  const bytes = async (path: string, token = ministry) => {
    const r = await fetch(`${api.url}${fresh(path)}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()) };
  };
  const workbook = async (query: string) => {
    const r = await bytes(`/exports/evaluation?format=xlsx${query}`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ExcelJS.Buffer);
    return wb;
  };
  const jsonRows = async (query = '') => (await ok(api.get(fresh(`/exports/evaluation?format=json${query}`), ministry))).body as Row[];
  const expectProblemNaming = (r: ApiResponse, field: string) => {
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body.errors.map((e: Row) => e.field)).toEqual([field]);
  };

  beforeAll(async () => {
    api = await startTestApi(backend);
    Object.assign(api.app.get<MeasureCatalog>(MEASURE_CATALOG, { strict: false }), {
      get: async (id: string) => MEASURES.get(id) ?? null,
      listByCall: async (callId: string) => [...MEASURES.values()].filter((m) => m.callId === callId),
    });
    api.clock.fix('2027-04-20');
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    for (const o of [
      { orgNumber: STAVANGER, name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' },
      { orgNumber: SANDNES, name: 'Sandnes kommune', kind: 'municipality', municipalityNumber: '1108' },
      { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
    ])
      await ok(api.post('/organisations', ministry, o), 201);
    for (const [year, amount] of [
      [2027, 1_000_000],
      [2028, 500_000],
    ])
      await ok(api.post('/frames', ministry, { office: 'ROGALAND', scheme: 'DEKOMP', year, amount }), 201);
    const reason = 'Ingen anbefaling fra forumet';
    for (const [measureId, recipientOrg, amounts] of [
      ['m-1', STAVANGER, [200_000, 100_001]],
      ['m-1', UIS, [80_000]],
      ['m-2', SANDNES, [90_000]],
    ] as const) {
      const body = { scheme: 'DEKOMP', year: 2027, measureId, recipientOrg, deviationReason: reason };
      await ok(api.post('/grants', governor, { ...body, amounts: amounts.map((amount, i) => ({ year: 2027 + i, amount })) }), 201);
    }
    // Each recipient accepts with its minimum co-financing (R7), and one payment run pays the year.
    const grants = (await ok(api.get(fresh('/grants?office=ROGALAND&scheme=DEKOMP'), governor))).body as Row[];
    for (const g of grants) {
      const token = await api.token({ role: g.recipientOrg === UIS ? 'university' : 'school_owner', org: g.recipientOrg });
      const coFinancing = g.years.map((y: Row) => ({ year: y.year, money: y.coFinancingRequired, salary: 0, releasedTime: 0 }));
      await ok(api.post(`/grants/${g.grantId}/acceptance`, token, { coFinancing }));
    }
    run = (await ok(api.post('/payment-runs', governor, { scheme: 'DEKOMP', year: 2027, paidOn: '2027-05-02' }), 201)).body.run;
    expect(run.paid).toHaveLength(3);
  }, 120_000);
  afterAll(async () => {
    api?.clock.fix(null);
    await api?.close();
  });

  describe('CSV with dialect=excel-no', () => {
    it('starts with the UTF-8 byte order mark, splits on ";" with CRLF line ends, and its totals are the default CSV\'s', async () => {
      const excel = await bytes('/exports/evaluation?format=csv&dialect=excel-no');
      expect(excel.status).toBe(200);
      expect(excel.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect([...excel.body.subarray(0, 3)]).toEqual(BOM);
      const text = excel.body.toString('utf8').slice(1);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const lines = text.split('\r\n').slice(0, -1);
      expect(lines[0].split(';')).toEqual(COLUMNS.map((c) => c.key));
      const standard = await bytes('/exports/evaluation?format=csv');
      expect([...standard.body.subarray(0, 3)]).not.toEqual(BOM);
      const byStandard = parse<Row>(standard.body, { columns: true, cast: true });
      const byExcel = parse<Row>(excel.body, { columns: true, cast: true, bom: true, delimiter: ';' });
      expect(byExcel).toHaveLength(4);
      expect(byExcel).toHaveLength(byStandard.length);
      expect(totals(byExcel)).toEqual(totals(byStandard));
      expect(totals(byExcel)).toMatchObject({ granted: 200_000 + 100_001 + 80_000 + 90_000, paid: run.total });
      expect(byExcel.map((r) => r.recipientName)).toContain('Stavanger kommune');
    });

    it('labels=nb heads the columns in Norwegian, the same for both dialects', async () => {
      for (const dialect of ['excel-no', 'standard']) {
        const r = await bytes(`/exports/evaluation?format=csv&dialect=${dialect}&labels=nb`);
        const [heading]: string[][] = parse(r.body, { bom: true, delimiter: dialect === 'excel-no' ? ';' : ',', to_line: 1 });
        expect(heading).toEqual(COLUMNS.map((c) => c.label));
      }
      expect(COLUMNS.find((c) => c.key === 'granted')!.label).toBe('Innvilget beløp');
    });

    it('an unknown dialect or label set is a 400 problem naming the field; so is a layout option for a format it does not shape', async () => {
      expectProblemNaming(await api.get('/exports/evaluation?format=csv&dialect=excel-se', ministry), 'dialect');
      expectProblemNaming(await api.get('/exports/evaluation?format=xlsx&labels=nn', ministry), 'labels');
      expectProblemNaming(await api.get('/exports/evaluation?format=json&dialect=excel-no', ministry), 'dialect');
      expectProblemNaming(await api.get('/exports/evaluation?format=ndjson&labels=nb', ministry), 'labels');
      expectProblemNaming(await api.get(`/payment-runs/${run.runId}/file?dialect=excel`, governor), 'dialect');
    });
  });

  describe('XLSX read back with exceljs', () => {
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      wb = await workbook('');
    });
    const col = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
    const dataRows = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));

    it('has the dictionary «Dataordbok» second: one row per column with its label, meaning and source events', () => {
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Evaluation', DICTIONARY_SHEET, 'Offices']);
      const dictionary = wb.getWorksheet(DICTIONARY_SHEET)!;
      expect((dictionary.getRow(1).values as unknown[]).slice(1)).toEqual([
        'Kolonne',
        'Etikett',
        'Betydning',
        'Kildehendelse',
        'Type',
        'Ark',
      ]);
      const entries = dataRows(dictionary).map((r) => (r.values as unknown[]).slice(1));
      expect(entries).toHaveLength(COLUMNS.length + OFFICE_COLUMNS.length);
      expect(entries.filter((e) => e[5] === 'Evaluation').map((e) => e[0])).toEqual(COLUMNS.map((c) => c.key));
      expect(entries.filter((e) => e[5] === 'Offices').map((e) => e[0])).toEqual(OFFICE_COLUMNS.map((c) => c.key));
      expect(entries.find((e) => e[0] === 'granted')).toEqual([
        'granted',
        'Innvilget beløp',
        expect.stringMatching(/vedtatt/),
        'AllocationDecided, AllocationAmended',
        'kroner',
        'Evaluation',
      ]);
    });

    it('money columns carry the kroner format, dates are date cells; the first row is frozen and the data range has an autofilter', () => {
      const sheet = wb.getWorksheet('Evaluation')!;
      const rows = dataRows(sheet);
      expect(rows).toHaveLength(4);
      const stavanger = rows.find((r) => r.getCell(col('recipientOrg')).value === STAVANGER && r.getCell(col('year')).value === 2027)!;
      for (const c of KRONER) expect([c.key, stavanger.getCell(col(c.key)).numFmt]).toEqual([c.key, KRONER_FORMAT]);
      expect(stavanger.getCell(col('granted')).type).toBe(ExcelJS.ValueType.Number);
      expect(stavanger.getCell(col('lastPaidOn')).type).toBe(ExcelJS.ValueType.Date);
      expect((stavanger.getCell(col('lastPaidOn')).value as Date).toISOString()).toBe('2027-05-02T00:00:00.000Z');
      expect(stavanger.getCell(col('lastPaidOn')).numFmt).toBe(DATE_FORMAT);
      expect(stavanger.getCell(col('year')).numFmt).not.toBe(KRONER_FORMAT);
      const lastColumn = sheet.getColumn(COLUMNS.length).letter;
      for (const [s, columns, n] of [
        [sheet, COLUMNS.length, 4],
        [wb.getWorksheet('Offices')!, OFFICE_COLUMNS.length, 2],
        [wb.getWorksheet(DICTIONARY_SHEET)!, 6, COLUMNS.length + OFFICE_COLUMNS.length],
      ] as const) {
        expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(s.autoFilter).toBe(`A1:${s.getColumn(columns).letter}${n + 1}`);
      }
      expect(sheet.autoFilter).toBe(`A1:${lastColumn}5`);
      const offices = wb.getWorksheet('Offices')!;
      expect(offices.getRow(2).getCell(OFFICE_COLUMNS.findIndex((c) => c.key === 'frame') + 1).numFmt).toBe(KRONER_FORMAT);
    });

    it("its sums are the JSON export's, on both sheets", async () => {
      const sheet = wb.getWorksheet('Evaluation')!;
      const fromSheet = dataRows(sheet).map((r) => Object.fromEntries(COLUMNS.map((c) => [c.key, r.getCell(col(c.key)).value])));
      const json = await jsonRows();
      expect(totals(fromSheet)).toEqual(totals(json));
      expect(totals(fromSheet)).toMatchObject({ paid: run.total, coFinancingRequired: 60_000 + 30_001 + 27_000 });
      const offices = wb.getWorksheet('Offices')!;
      const officeKroner = OFFICE_COLUMNS.filter((c) => c.kind === 'kroner');
      const fromOffices = dataRows(offices).map((r) => Object.fromEntries(OFFICE_COLUMNS.map((c, i) => [c.key, r.getCell(i + 1).value])));
      const officesJson = (await ok(api.get(fresh('/exports/evaluation/offices'), ministry))).body as Row[];
      expect(totals(fromOffices, officeKroner)).toEqual(totals(officesJson, officeKroner));
    });

    it('labels=nb: Norwegian headings and sheet names, the dictionary the same', async () => {
      const nb = await workbook('&labels=nb');
      expect(nb.worksheets.map((s) => s.name)).toEqual(['Evaluering', DICTIONARY_SHEET, 'Embeter']);
      expect((nb.getWorksheet('Evaluering')!.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.label));
      expect((nb.getWorksheet('Embeter')!.getRow(1).values as unknown[]).slice(1)).toEqual(OFFICE_COLUMNS.map((c) => c.label));
      expect(nb.getWorksheet(DICTIONARY_SHEET)!.rowCount).toBe(wb.getWorksheet(DICTIONARY_SHEET)!.rowCount);
    });
  });

  describe("the payment run's accounting file", () => {
    it('in excel-no: the byte order mark, ";" and CRLF; the same rows as the standard file, summing to the run', async () => {
      const excel = await bytes(`/payment-runs/${run.runId}/file?dialect=excel-no`, governor);
      expect(excel.status).toBe(200);
      expect(excel.headers.get('content-type')).toMatch(/^text\/csv/);
      expect([...excel.body.subarray(0, 3)]).toEqual(BOM);
      const standard = await bytes(`/payment-runs/${run.runId}/file`, governor);
      expect([...standard.body.subarray(0, 3)]).not.toEqual(BOM);
      expect(excel.body.subarray(3).toString('utf8')).toBe(standard.body.toString('utf8'));
      const lines = standard.body.toString('utf8').split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines[0]).toBe('orgNumber;name;amount;grantId;reference');
      expect(lines).toHaveLength(1 + 3);
      expect(sumOf(parse(excel.body, { bom: true, delimiter: ';', columns: true, cast: true }), 'amount')).toBe(run.total);
      // The older switch still gives the standard layout with a byte order mark.
      expect((await bytes(`/payment-runs/${run.runId}/file?bom=true`, governor)).body.equals(excel.body)).toBe(true);
    });
  });

  it('OpenAPI documents dialect with its enum on both CSV endpoints, and labels on the export', async () => {
    const doc = (await api.get('/docs-json')).body;
    const params = (path: string) => doc.paths[path].get.parameters as Row[];
    for (const path of ['/exports/evaluation', '/payment-runs/{runId}/file']) {
      expect(params(path).find((p) => p.name === 'dialect')).toMatchObject({ in: 'query', schema: { enum: ['standard', 'excel-no'] } });
    }
    expect(params('/exports/evaluation').find((p) => p.name === 'labels')).toMatchObject({ schema: { enum: ['key', 'nb'] } });
  });
});
