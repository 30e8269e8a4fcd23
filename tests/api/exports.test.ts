import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import ExcelJS from 'exceljs';
import type { SqlClient } from '#libs/db';
import { COLUMNS, OFFICE_COLUMNS } from '#libs/exports';
import { SQL_CLIENT } from '#libs/platform';
import { orgNumberWithCheckDigit } from '#libs/reference-data';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type ApiResponse, type TestApi } from '../support/api.js';

const backends = await testBackends('exports api');

const STAVANGER = '964965226';
const SANDNES = orgNumberWithCheckDigit('95100001');
const UIS = '971564679';
const KRISTIANSAND = orgNumberWithCheckDigit('95100002');
const UIA = '970546200';
const KURS = orgNumberWithCheckDigit('95100003');
const PRIVATE = orgNumberWithCheckDigit('95100004');

const fixture = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/360giving/${name}`, import.meta.url)), 'utf8'));

type Row = Record<string, any>;

describe.each(backends)('evaluation export on %s', (backend: BackendName) => {
  let api: TestApi;
  let ministry: string;
  let governor: string;
  let agder: string;
  let stavanger: string;
  let sandnes: string;
  let kristiansand: string;
  let uis: string;
  let uia: string;
  let last = 0;
  let measureId = '';
  let agderMeasureId = '';
  let assessmentId = '';
  /** Positions and a time between the decision and its amendment (R21). */
  let beforeAmendment = 0;
  let beforeAmendmentTime = '';

  const track = <T extends ApiResponse>(r: T): T => {
    const p = Number(r.headers.get('dekomp-position') ?? r.body?.position ?? 0);
    if (p > last) last = p;
    return r;
  };
  const post = async (path: string, token: string, body: unknown = {}) => track(await api.post(path, token, body));
  const put = async (path: string, token: string, body: unknown) => track(await api.request('PUT', path, { token, body }));
  const ok = async (r: Promise<ApiResponse>, status = 200) => {
    const res = await r;
    if (res.status !== status) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const get = (path: string, token: string) => api.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`, token);
  /** Waits until every read model has passed the last write (the ports read read models). */
  const settle = async () => expect((await get('/calls', ministry)).status).toBe(200);
  const raw = (path: string, token: string) =>
    fetch(`${api.url}${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`, { headers: { authorization: `Bearer ${token}` } });
  const rowsOf = async (query: string, token = ministry): Promise<Row[]> => {
    const r = await raw(`/exports/evaluation?format=json${query}`, token);
    expect(r.status).toBe(200);
    return (await r.json()) as Row[];
  };

  /** An owner's needs assessment with one measure and a university partner, submitted. */
  async function assessment(
    owner: string,
    ownerOrg: string,
    callId: string,
    universityOrg: string,
    lines: Record<string, unknown>,
    coOwner?: { token: string; org: string; lines: unknown },
  ) {
    const created = await ok(post('/needs-assessments', owner, { callId, title: 'Behovsmelding' }), 201);
    const id = created.body.id as string;
    await ok(
      put(`/needs-assessments/${id}/content`, owner, {
        title: `Kompetanseløft ${ownerOrg}`,
        summary: 'Analysis of reading results and staff surveys',
        anchoring: {
          staffInvolvement: 'workshops',
          leaderInvolvement: 'rektormøter',
          universityParticipation: 'the university took part',
          plans: ['Kompetanseplan 2027–2029'],
        },
        themes: { goals: ['basic_skills'], tags: ['lesing'] },
      }),
    );
    if (coOwner) await ok(post(`/needs-assessments/${id}/network-owners`, owner, { orgNumber: coOwner.org }));
    const added = await ok(
      post(`/needs-assessments/${id}/measures`, owner, {
        title: 'Lesing i alle fag',
        description: 'School-based development of reading across subjects',
        targetGroup: 'teachers 1–10',
        schools: ['Hundvåg skole', 'Lura skole', 'Tjensvoll skole'],
        participants: { teachers: 60, leaders: 6, otherStaff: 4 },
        startYear: 2027,
        spanYears: 2,
        universityOrg,
      }),
    );
    const mId = added.body.measureId as string;
    await ok(put(`/needs-assessments/${id}/measures/${mId}/lines/${ownerOrg}`, owner, lines));
    if (coOwner) {
      await ok(put(`/needs-assessments/${id}/measures/${mId}/lines/${coOwner.org}`, coOwner.token, coOwner.lines));
    }
    await ok(
      put(`/needs-assessments/${id}/measures/${mId}/lines/${universityOrg}`, owner, {
        budget: [{ year: 2027, category: 'implementation', amount: 80_000 }],
        coFinancing: [],
      }),
    );
    // R10: the co-owner confirms the final revision.
    if (coOwner) await ok(post(`/needs-assessments/${id}/confirmations`, coOwner.token));
    await ok(post(`/needs-assessments/${id}/submission`, owner));
    return { id, measureId: mId };
  }

  beforeAll(async () => {
    api = await startTestApi(backend);
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    agder = await api.token({ role: 'governor', office: 'AGDER' });
    stavanger = await api.token({ role: 'school_owner', org: STAVANGER });
    sandnes = await api.token({ role: 'school_owner', org: SANDNES });
    kristiansand = await api.token({ role: 'school_owner', org: KRISTIANSAND });
    uis = await api.token({ role: 'university', org: UIS });
    uia = await api.token({ role: 'university', org: UIA });
    for (const o of [
      { orgNumber: STAVANGER, name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' },
      { orgNumber: SANDNES, name: 'Sandnes kommune', kind: 'municipality', municipalityNumber: '1108' },
      { orgNumber: PRIVATE, name: 'Rogaland friskole AS', kind: 'private_owner', municipalityNumber: '1103' },
      { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
      { orgNumber: KRISTIANSAND, name: 'Kristiansand kommune', kind: 'municipality', municipalityNumber: '4204' },
      { orgNumber: UIA, name: 'Universitetet i Agder', kind: 'university', countyNumber: '42' },
      { orgNumber: KURS, name: 'Kurs AS', kind: 'commercial', municipalityNumber: '1103' },
    ]) {
      await ok(post('/organisations', ministry, o), 201);
    }
    await ok(post('/calls', governor, { scheme: 'DEKOMP', year: 2027, title: 'Behovsmelding 2027' }), 201);
    await ok(post('/calls', agder, { scheme: 'DEKOMP', year: 2027, title: 'Behovsmelding 2027' }), 201);

    // Needs assessments: a network of Stavanger and Sandnes with UiS in Rogaland; Kristiansand with UiA in Agder.
    const lines = (amount: number, coordinator: number, coFinancing: number) => ({
      budget: [
        { year: 2027, category: 'implementation', amount },
        { year: 2027, category: 'coordinator', amount: coordinator },
        { year: 2028, category: 'implementation', amount: 150_000 },
      ],
      coFinancing: [
        { year: 2027, amount: coFinancing, form: 'released_time' },
        { year: 2028, amount: 45_000, form: 'salary' },
      ],
    });
    const rogaland = await assessment(stavanger, STAVANGER, 'rogaland-dekomp-2027', UIS, lines(200_000, 20_000, 66_000), {
      token: sandnes,
      org: SANDNES,
      lines: {
        budget: [{ year: 2027, category: 'implementation', amount: 100_000 }],
        coFinancing: [{ year: 2027, amount: 30_000, form: 'money' }],
      },
    });
    measureId = rogaland.measureId;
    assessmentId = rogaland.id;
    const agderOne = await assessment(kristiansand, KRISTIANSAND, 'agder-dekomp-2027', UIA, lines(300_000, 10_000, 93_000));
    agderMeasureId = agderOne.measureId;
    await settle();
    await ok(
      post(`/partnerships/${measureId}/commitment`, uis, {
        competenceAreas: ['lesing'],
        capacityHoursPerYear: 300,
        fromYear: 2027,
        toYear: 2028,
        contactRole: 'faglig leder',
      }),
    );
    await ok(
      post(`/partnerships/${measureId}/subcontractors`, uis, {
        orgNumber: KURS,
        name: 'Kurs AS',
        sharePercent: 20,
        task: 'digital workshops',
      }),
    );
    await ok(
      post(`/partnerships/${agderMeasureId}/commitment`, uia, {
        competenceAreas: ['lesing'],
        capacityHoursPerYear: 200,
        fromYear: 2027,
        toYear: 2028,
        contactRole: 'faglig leder',
      }),
    );

    // The forum (R11) and its recommendation (R13).
    await ok(post('/forums', governor, { name: 'Samarbeidsforum Rogaland', counties: ['11'] }), 201);
    for (const m of [
      { orgNumber: STAVANGER, category: 'school_owner_public' },
      { orgNumber: PRIVATE, category: 'school_owner_private' },
      { orgNumber: UIS, category: 'university' },
      { name: 'KS Rogaland', category: 'ks' },
      { name: 'Utdanningsforbundet Rogaland', category: 'teacher_union' },
    ]) {
      await ok(post('/forums/rogaland-11/members', governor, { joinedOn: '2027-01-01', ...m }));
    }
    await ok(
      post('/forums/rogaland-11/meetings', governor, {
        date: '2027-03-10',
        agenda: ['DEKOMP 2027'],
        minutesSummary: 'Agreed.',
        presentMemberIds: ['M1', 'M2', 'M3', 'M4', 'M5'],
      }),
    );
    await settle();
    await ok(
      post('/forums/rogaland-11/recommendations', governor, {
        callId: 'rogaland-dekomp-2027',
        meetingId: 'MT1',
        outcome: 'consensus',
        measures: [
          {
            measureId,
            participants: '70 staff at 3 schools',
            startYear: 2027,
            spanYears: 2,
            criteria: 'Collective and school-based',
            cooperatingOwners: [STAVANGER, SANDNES],
            cooperatingUniversities: [UIS],
            amounts: [
              { recipientOrg: STAVANGER, year: 2027, amount: 200_000 },
              { recipientOrg: STAVANGER, year: 2028, amount: 150_000 },
              { recipientOrg: SANDNES, year: 2027, amount: 100_000 },
              { recipientOrg: UIS, year: 2027, amount: 80_000 },
            ],
          },
        ],
      }),
      201,
    );

    // Frames (R9, R18) and decisions (R12): Sandnes gets less than recommended, with a reason.
    await ok(post('/frames', ministry, { office: 'ROGALAND', scheme: 'DEKOMP', year: 2027, amount: 1_000_000 }), 201);
    await ok(post('/frames', ministry, { office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, amount: 800_000 }), 201);
    await ok(post('/frames', ministry, { office: 'AGDER', scheme: 'DEKOMP', year: 2027, amount: 500_000 }), 201);
    await settle();
    const decide = (token: string, body: Record<string, unknown>) =>
      ok(post('/grants', token, { scheme: 'DEKOMP', year: 2027, measureId, ...body }), 201);
    await decide(governor, {
      recipientOrg: STAVANGER,
      amounts: [
        { year: 2027, amount: 200_000 },
        { year: 2028, amount: 150_000 },
      ],
    });
    await decide(governor, {
      recipientOrg: SANDNES,
      amounts: [{ year: 2027, amount: 90_000 }],
      deviationReason: 'Sandnes already runs a similar measure',
    });
    await decide(governor, { recipientOrg: UIS, amounts: [{ year: 2027, amount: 80_000 }] });
    await decide(agder, { measureId: agderMeasureId, recipientOrg: KRISTIANSAND, amounts: [{ year: 2027, amount: 300_000 }] });

    // Acceptance with co-financing (R7), payments, a report, a repayment claim and its settlement (R16).
    const g = (org: string) => `/grants/ROGALAND.DEKOMP.${measureId}.${org}`;
    await ok(
      post(`${g(STAVANGER)}/acceptance`, stavanger, {
        coFinancing: [
          { year: 2027, money: 20_000, salary: 40_000, releasedTime: 0 },
          { year: 2028, money: 0, salary: 45_000, releasedTime: 0 },
        ],
      }),
    );
    await ok(post(`${g(SANDNES)}/acceptance`, sandnes, { coFinancing: [{ year: 2027, money: 27_000, salary: 0, releasedTime: 0 }] }));
    await ok(post(`${g(UIS)}/acceptance`, uis, { coFinancing: [] }));
    await ok(post(`${g(STAVANGER)}/payments`, governor, { year: 2027, amount: 200_000 }));
    await ok(post(`${g(SANDNES)}/payments`, governor, { year: 2027, amount: 90_000 }));
    await ok(post(`${g(UIS)}/payments`, governor, { year: 2027, amount: 50_000 }));
    await ok(
      post(`${g(STAVANGER)}/reports`, stavanger, {
        year: 2027,
        spent: 180_000,
        unspent: 20_000,
        coFinancingProvided: { money: 20_000, salary: 30_000, releasedTime: 10_000 },
        participants: [
          { role: 'teacher', count: 58 },
          { role: 'school_leader', count: 6 },
        ],
        evaluation: 'Reading in all subjects took root in 3 of 3 schools.',
      }),
    );
    const claim = await ok(post(`${g(STAVANGER)}/repayment-claims`, governor, { year: 2027, amount: 20_000, reason: 'unspent money' }));
    await ok(post(`${g(STAVANGER)}/repayment-claims/${claim.body.claimId}/settlements`, governor, { amount: 15_000 }));
    await settle();

    // R21: the decision for Stavanger's 2028 year is amended later; as of before, the old amount stands.
    beforeAmendment = last;
    await new Promise((r) => setTimeout(r, 30));
    beforeAmendmentTime = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 30));
    await ok(
      post(`${g(STAVANGER)}/amendments`, governor, {
        amounts: [
          { year: 2027, amount: 200_000 },
          { year: 2028, amount: 120_000 },
        ],
        reason: 'Fewer schools in the second year',
      }),
    );
    await settle();
  }, 180_000);
  afterAll(async () => api?.close());

  it("holds one row per measure × recipient × year with the domain's fields, from every capability", async () => {
    const rows = await rowsOf('&year=2027&office=ROGALAND');
    const stav = rows.find((r) => r.recipientOrg === STAVANGER)!;
    expect(Object.keys(stav)).toEqual(COLUMNS.map((c) => c.key));
    expect(stav).toMatchObject({
      year: 2027,
      scheme: 'DEKOMP',
      ruleSetVersion: expect.any(String),
      office: 'ROGALAND',
      countyNumber: '11',
      callId: 'rogaland-dekomp-2027',
      network: true,
      leadOwner: STAVANGER,
      assessmentId,
      assessmentTitle: `Kompetanseløft ${STAVANGER}`,
      assessmentStatus: 'submitted',
      measureId,
      measureTitle: 'Lesing i alle fag',
      themes: 'basic_skills;lesing',
      recipientName: 'Stavanger kommune',
      recipientKind: 'municipality',
      municipalityNumber: '1103',
      universityPartner: UIS,
      universityPartnerStatus: 'committed',
      universityLocal: true,
      subcontractors: `${KURS}:20%`,
      schools: 3,
      teachers: 60,
      leaders: 6,
      otherStaff: 4,
      startYear: 2027,
      spanYears: 2,
      yearIndex: 1,
      requested: 220_000,
      coordinator: 20_000,
      plannedCoFinancing: 66_000,
      recommended: 200_000,
      recommendedOn: '2027-03-10',
      decisionStatus: 'active',
      decisionBasis: 'recommendation',
      granted: 200_000,
      // The amendment of year 2028 departs from the recommendation: the decision as a whole records it, with its reason (R12).
      departsFromRecommendation: true,
      deviationReason: 'Fewer schools in the second year',
      coFinancingRequired: 60_000,
      coFinancingCommitted: 60_000,
      paid: 200_000,
      reportStatus: 'submitted',
      reportDeadline: '2028-01-15',
      spent: 180_000,
      unspent: 20_000,
      coFinancingDocumented: 60_000,
      coFinancingSalaryOrTime: 40_000,
      reportedParticipants: 'teacher:58;school_leader:6',
      claimed: 20_000,
      repaid: 15_000,
      evaluation: 'Reading in all subjects took root in 3 of 3 schools.',
    });
    expect(stav.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const sandnesRow = rows.find((r) => r.recipientOrg === SANDNES)!;
    expect(sandnesRow).toMatchObject({
      recommended: 100_000,
      granted: 90_000,
      departsFromRecommendation: true,
      deviationReason: 'Sandnes already runs a similar measure',
      coFinancingRequired: 27_000,
    });
    expect(rows.find((r) => r.recipientOrg === UIS)).toMatchObject({
      recipientKind: 'university',
      coFinancingRequired: 0,
      granted: 80_000,
      paid: 50_000,
      reportStatus: 'due',
    });
    expect(rows.every((r) => r.office === 'ROGALAND' && r.year === 2027)).toBe(true);
    // Year 2 of the measure: a commitment against the 2028 frame (R9).
    const [later] = await rowsOf(`&year=2028&office=ROGALAND`);
    expect(later).toMatchObject({ recipientOrg: STAVANGER, yearIndex: 2, decisionYear: 2027, granted: 120_000, decisionAmendments: 1 });
  });

  it("sums equal the decisions, payments and reports in the grants' read model, and the frames' figures", async () => {
    const rows = await rowsOf('');
    const sum = (xs: Row[], k: string) => xs.reduce((s, r) => s + Number(r[k] ?? 0), 0);
    const active = rows.filter((r) => r.decisionStatus === 'active');
    const sql = api.app.get<SqlClient>(SQL_CLIENT, { strict: false });
    const [rm] = (
      await sql.query<Record<string, number>>(
        `SELECT sum(decided)::float8 AS decided, sum(paid)::float8 AS paid, sum(repaid)::float8 AS repaid, sum(claimed)::float8 AS claimed,
           sum((report->>'spent')::bigint)::float8 AS spent, sum((report->>'unspent')::bigint)::float8 AS unspent,
           sum(co_fin_required)::float8 AS required, sum(co_fin_documented)::float8 AS documented, count(*)::int AS n
         FROM rm_grants.gr_grant_years WHERE active`,
      )
    ).rows;
    expect(active.length).toBe(rm.n);
    expect(sum(active, 'granted')).toBe(rm.decided);
    expect(sum(rows, 'paid')).toBe(rm.paid);
    expect(sum(rows, 'repaid')).toBe(rm.repaid);
    expect(sum(rows, 'claimed')).toBe(rm.claimed);
    expect(sum(rows, 'spent')).toBe(rm.spent);
    expect(sum(rows, 'unspent')).toBe(rm.unspent);
    expect(sum(active, 'coFinancingRequired')).toBe(rm.required);
    expect(sum(rows, 'coFinancingDocumented')).toBe(rm.documented);
    expect(sum(active, 'granted')).toBe(200_000 + 120_000 + 90_000 + 80_000 + 300_000);

    // Per office and year: the same figures the frames endpoint reports (R9, R18), and the forum's membership (R11).
    const offices = await get('/exports/evaluation/offices?scheme=DEKOMP', ministry);
    expect(offices.status).toBe(200);
    const frames = await get('/frames?office=ROGALAND&scheme=DEKOMP', ministry);
    for (const year of [2027, 2028]) {
      const o = offices.body.find((x: Row) => x.office === 'ROGALAND' && x.year === year);
      const f = frames.body.find((x: Row) => x.year === year);
      expect(o).toMatchObject({
        frame: f.frame,
        committedFromEarlierYears: f.committedFromEarlierYears,
        decided: f.decidedThisYear,
        free: f.free,
      });
    }
    expect(offices.body.find((x: Row) => x.office === 'ROGALAND' && x.year === 2027)).toMatchObject({
      frame: 1_000_000,
      decided: 370_000,
      free: 630_000,
      paid: 340_000,
      repaid: 15_000,
      membersSchoolOwnerPublic: 1,
      membersSchoolOwnerPrivate: 1,
      membersUniversity: 1,
      membersKs: 1,
      membersTeacherUnion: 1,
      membersOther: 0,
    });
    expect(offices.body.find((x: Row) => x.office === 'ROGALAND' && x.year === 2028)).toMatchObject({
      frame: 800_000,
      committedFromEarlierYears: 120_000,
      decided: 0,
      free: 680_000,
    });
  });

  it('as of a moment before the amendment the export shows the old amount, by position and by time (R21)', async () => {
    const now = await rowsOf('&year=2028');
    const then = await rowsOf(`&year=2028&asOf=${beforeAmendment}`);
    const byTime = await rowsOf(`&year=2028&asOf=${encodeURIComponent(beforeAmendmentTime)}`);
    expect(now.find((r) => r.recipientOrg === STAVANGER)).toMatchObject({ granted: 120_000, decisionAmendments: 1 });
    expect(then.find((r) => r.recipientOrg === STAVANGER)).toMatchObject({ granted: 150_000, decisionAmendments: 0 });
    expect(byTime.find((r) => r.recipientOrg === STAVANGER)).toMatchObject({ granted: 150_000 });
    const offices = await get(`/exports/evaluation/offices?office=ROGALAND&year=2028&asOf=${beforeAmendment}`, ministry);
    expect(offices.body).toEqual([expect.objectContaining({ committedFromEarlierYears: 150_000, free: 650_000 })]);
    // Before anything was decided the rows carry no grant.
    const early = await rowsOf(`&year=2027&office=ROGALAND&asOf=1`);
    expect(early).toEqual([]);
  });

  it('CSV: UTF-8 with a header row, one line per row, booleans and empty cells readable', async () => {
    const r = await raw('/exports/evaluation?format=csv&year=2027&office=ROGALAND', ministry);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="dekomp-evaluation-2027-ROGALAND.csv"/);
    const text = await r.text();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(COLUMNS.map((c) => c.key).join(','));
    expect(lines).toHaveLength(1 + 3);
    expect(text).toContain('Kompetanseløft'); // UTF-8 intact
    const header = lines[0].split(',');
    const stav = lines.find((l) => l.includes(`,${STAVANGER},Stavanger kommune,`))!.split(',');
    expect(stav[header.indexOf('granted')]).toBe('200000');
    expect(stav[header.indexOf('network')]).toBe('true');
    const university = lines.find((l) => l.includes(`,${UIS},Universitetet i Stavanger,`))!.split(',');
    expect(university[header.indexOf('deviationReason')]).toBe('');
    expect(university[header.indexOf('universityLocal')]).toBe('true');
  });

  it('NDJSON streams one object per line', async () => {
    const r = await raw('/exports/evaluation?format=ndjson&office=ROGALAND', ministry);
    expect(r.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const objs = (await r.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(objs).toHaveLength(4);
  });

  it('XLSX opens with exceljs: header row, typed number and date cells, and the per-office sheet', async () => {
    const r = await raw('/exports/evaluation?format=xlsx&year=2027', ministry);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Evaluation')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.key));
    const expected = await rowsOf('&year=2027');
    expect(sheet.rowCount).toBe(1 + expected.length);
    const col = (k: string) => COLUMNS.findIndex((c) => c.key === k) + 1;
    const row = expected.map((_, i) => sheet.getRow(i + 2)).find((x) => x.getCell(col('recipientOrg')).value === STAVANGER)!;
    expect(row.getCell(col('granted')).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(col('granted')).value).toBe(200_000);
    expect(row.getCell(col('year')).value).toBe(2027);
    expect(row.getCell(col('recommendedOn')).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(col('recommendedOn')).value as Date).toISOString()).toBe('2027-03-10T00:00:00.000Z');
    expect(row.getCell(col('network')).type).toBe(ExcelJS.ValueType.Boolean);
    expect(row.getCell(col('measureTitle')).type).toBe(ExcelJS.ValueType.String);
    const offices = wb.getWorksheet('Offices')!;
    expect((offices.getRow(1).values as unknown[]).slice(1)).toEqual(OFFICE_COLUMNS.map((c) => c.key));
    const values = [2, 3]
      .map((i) => offices.getRow(i))
      .map((x) => ({
        office: x.getCell(1).value,
        frame: x.getCell(4).value,
        free: x.getCell(7).value,
        ks: x.getCell(OFFICE_COLUMNS.findIndex((c) => c.key === 'membersKs') + 1).value,
      }));
    expect(values).toEqual(
      expect.arrayContaining([
        { office: 'AGDER', frame: 500_000, free: 200_000, ks: 0 },
        { office: 'ROGALAND', frame: 1_000_000, free: 630_000, ks: 1 },
      ]),
    );
    expect(offices.getRow(2).getCell(4).type).toBe(ExcelJS.ValueType.Number);
  });

  it("the 360Giving file validates against the standard's package schema (fixtures copy)", async () => {
    const r = await raw('/exports/360giving?year=2027', ministry);
    expect(r.status).toBe(200);
    const data = (await r.json()) as { grants: Row[] };
    const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
    const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    ajv.addSchema(
      fixture('360-giving-schema.json'),
      'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/master/schema/360-giving-schema.json',
    );
    const validate = ajv.compile(fixture('360-giving-package-schema.json'));
    const valid = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(data.grants).toHaveLength(4);
    const stav = data.grants.find((g) => g.recipientOrganization[0].id === `NO-BRC-${STAVANGER}`)!;
    expect(stav).toMatchObject({
      id: `360G-dekomp-ROGALAND.DEKOMP.${measureId}.${STAVANGER}`,
      title: 'Lesing i alle fag',
      currency: 'NOK',
      amountAwarded: 320_000,
      amountDisbursed: 200_000,
      awardDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      plannedDates: [{ startDate: '2027-08-01', endDate: '2029-07-31', duration: '24' }],
      recipientOrganization: [{ id: `NO-BRC-${STAVANGER}`, name: 'Stavanger kommune' }],
      fundingOrganization: [{ id: 'NO-BRC-974763230', name: 'Statsforvalteren i Rogaland' }],
      recipientKind: 'municipality',
      scheme: 'DEKOMP',
    });
    // An invalid package is caught by the same validator (the schema is really applied).
    expect(validate({ grants: [{ ...stav, currency: 'XXX' }] })).toBe(false);
  });

  it('R20: school owners and universities get 403; a governor exports only its own office', async () => {
    for (const token of [stavanger, uis]) {
      for (const path of ['/exports/evaluation?format=csv', '/exports/360giving', '/exports/evaluation/offices']) {
        const r = await api.get(path, token);
        expect(r.status).toBe(403);
        expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
    const other = await api.get('/exports/evaluation?format=json&office=ROGALAND', agder);
    expect(other.status).toBe(403);
    expect(other.body.detail ?? other.body.title).toMatch(/R20|office/);
    expect((await api.get('/exports/360giving?office=ROGALAND', agder)).status).toBe(403);
    expect((await api.get('/exports/evaluation/offices?office=ROGALAND', agder)).status).toBe(403);
    const own = await rowsOf('', agder);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.office === 'AGDER')).toBe(true);
    const ownRogaland = await rowsOf('&office=ROGALAND', governor);
    expect(ownRogaland.every((r) => r.office === 'ROGALAND')).toBe(true);
    expect((await api.get('/exports/evaluation?format=pdf', ministry)).status).toBe(400);
  });

  it('every aggregate has a history endpoint: type, time, actor (role and org) and reason, in order (R21)', async () => {
    const grantId = `ROGALAND.DEKOMP.${measureId}.${STAVANGER}`;
    const paths = [
      `/needs-assessments/${assessmentId}/history`,
      `/partnerships/${measureId}/history?university=${UIS}`,
      '/forums/rogaland-11/history',
      '/recommendations/rogaland-11--rogaland-dekomp-2027/history',
      '/frames/ROGALAND/DEKOMP/history',
      `/grants/${grantId}/history`,
      `/organisations/${STAVANGER}/history`,
      '/calls/rogaland-dekomp-2027/history',
    ];
    for (const path of paths) {
      const r = await get(path, ministry);
      expect([path, r.status]).toEqual([path, 200]);
      expect(r.body.length).toBeGreaterThan(0);
      for (const h of r.body)
        expect(h).toMatchObject({
          type: expect.any(String),
          recordedAt: expect.any(String),
          actor: { role: expect.any(String), org: expect.any(String) },
        });
      const positions = r.body.map((h: Row) => h.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    const grant = await get(`/grants/${grantId}/history`, ministry);
    expect(grant.body.map((h: Row) => h.type)).toEqual(
      expect.arrayContaining(['AllocationDecided', 'GrantAccepted', 'GrantPaymentRecorded', 'AllocationAmended']),
    );
    expect(grant.body.find((h: Row) => h.type === 'AllocationAmended')).toMatchObject({
      reason: 'Fewer schools in the second year',
      actor: { role: 'governor' },
    });
  });
});
