import type { EventStore } from '#libs/event-store';
import { EVENT_STORE } from '#libs/platform';
import {
  MEASURE_CATALOG,
  RECOMMENDATION_LOOKUP,
  type MeasureCatalog,
  type MeasureInfo,
  type RecommendationInfo,
  type RecommendationLookup,
  type Scheme,
} from '#libs/kernel';
import { orgNumberWithCheckDigit } from '#libs/reference-data';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type ApiResponse, type TestApi } from '../support/api.js';

const backends = await testBackends('grants api');

const STAVANGER = '964965226';
const SANDNES = orgNumberWithCheckDigit('93000001');
const UIS = '971564679';
const CONSULTANCY = orgNumberWithCheckDigit('93000002');
const UNREGISTERED = orgNumberWithCheckDigit('93000003');
const KRISTIANSAND = orgNumberWithCheckDigit('93000004');

describe.each(backends)('grants: frames, decisions, acceptance, payments, reports on %s', (backend: BackendName) => {
  let api: TestApi;
  let ministry: string;
  let governor: string;
  let agder: string;
  let stavanger: string;
  let sandnes: string;
  let uis: string;
  let kristiansand: string;

  /**
   * The other capabilities' ports, as this suite's test doubles: measures and recommendations the tests name
   * (the cross-capability test drives the real ones).
   */
  const measures = new Map<string, MeasureInfo>();
  const recommendations = new Map<string, RecommendationInfo>();
  function know(measureId: string, scheme: Scheme, year: number, org: string) {
    const m: MeasureInfo = measures.get(measureId) ?? {
      assessmentId: `a-${measureId}`,
      measureId,
      callId: `rogaland-${scheme.toLowerCase()}-${year}`,
      office: 'ROGALAND',
      scheme,
      year,
      title: `Measure ${measureId}`,
      themes: [],
      leadOwner: org,
      owners: [],
      network: false,
      universities: [],
      startYear: year,
      spanYears: 3,
      requested: [],
      status: 'submitted',
      late: false,
    };
    if (org === UIS) m.universities.push({ org, status: 'committed', local: true });
    else m.owners.push(org);
    measures.set(measureId, m);
  }
  /** Ports are required, so every one has a provider: the suite stands in for its lookups. */
  function stub<T extends object>(token: symbol, patch: Partial<T>): void {
    Object.assign(api.app.get<T>(token, { strict: false }), patch);
  }

  beforeAll(async () => {
    api = await startTestApi(backend);
    stub<MeasureCatalog>(MEASURE_CATALOG, { get: async (id: string) => measures.get(id) ?? null });
    stub<RecommendationLookup>(RECOMMENDATION_LOOKUP, { forCall: async (callId: string) => recommendations.get(callId) ?? null });
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    agder = await api.token({ role: 'governor', office: 'AGDER' });
    stavanger = await api.token({ role: 'school_owner', org: STAVANGER });
    sandnes = await api.token({ role: 'school_owner', org: SANDNES });
    uis = await api.token({ role: 'university', org: UIS });
    kristiansand = await api.token({ role: 'school_owner', org: KRISTIANSAND });
    for (const org of [
      { orgNumber: STAVANGER, name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' },
      { orgNumber: SANDNES, name: 'Sandnes kommune', kind: 'municipality', municipalityNumber: '1108' },
      { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
      { orgNumber: CONSULTANCY, name: 'Kompetanse AS', kind: 'commercial', municipalityNumber: '1103' },
      { orgNumber: KRISTIANSAND, name: 'Kristiansand kommune', kind: 'municipality', municipalityNumber: '4204' },
    ]) {
      const r = await api.post('/organisations', ministry, org);
      expect(r.status).toBe(201);
    }
  });
  afterAll(async () => {
    api.clock.fix(null);
    await api.close();
  });

  const setFrame = async (scheme: string, year: number, amount: number, office = 'ROGALAND') => {
    const r = await api.post('/frames', ministry, { office, scheme, year, amount });
    expect(r.status).toBe(201);
    return r;
  };
  const decide = (body: Record<string, unknown>, token = governor) => {
    const b = { scheme: 'DEKOMP', ...body } as { scheme: Scheme; year: number; measureId: string; recipientOrg: string };
    const m = measures.get(b.measureId);
    if (!m || (!m.owners.includes(b.recipientOrg) && !m.universities.some((u) => u.org === b.recipientOrg)))
      know(b.measureId, b.scheme, b.year, b.recipientOrg);
    return api.post('/grants', token, b);
  };
  const read = <T = any>(path: string, token: string, position: number) =>
    api.get<T>(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, token);

  describe("the cycle: frame → decision → acceptance → payment → report → repayment claim, with totals in the governor's and ministry's views", () => {
    const grantId = `ROGALAND.DEKOMP.cycle-1.${STAVANGER}`;
    const uniGrantId = `ROGALAND.DEKOMP.cycle-1.${UIS}`;
    let uniGrant: ApiResponse;
    let uniReported: ApiResponse;
    let approved: ApiResponse;

    it('the ministry sets two frames; the governor decides a two-year grant (201, Location) and a university grant', async () => {
      api.clock.fix('2028-04-20');
      await setFrame('DEKOMP', 2028, 1_000_000);
      await setFrame('DEKOMP', 2029, 800_000);
      const since = await api.head();
      const decided = await decide({
        year: 2028,
        measureId: 'cycle-1',
        recipientOrg: STAVANGER,
        amounts: [
          { year: 2028, amount: 300_000 },
          { year: 2029, amount: 200_000 },
        ],
      });
      expect(decided.status).toBe(201);
      expect(decided.headers.get('location')).toBe(`/grants/${grantId}`);
      expect(decided.body).toMatchObject({
        id: grantId,
        warnings: [expect.objectContaining({ rule: 'R12', message: expect.stringMatching(/governor decides/) })],
      });
      uniGrant = await decide({ year: 2028, measureId: 'cycle-1', recipientOrg: UIS, amounts: [{ year: 2028, amount: 100_000 }] });
      expect(uniGrant.status).toBe(201);
      const [first] = await api.expectNewEvents(since, ['AllocationDecided', 'AllocationDecided']);
      // R7: the decision carries the co-financing minimum per year
      expect(first.data).toMatchObject({
        lines: [
          { year: 2028, coFinancingRequired: 90_000 },
          { year: 2029, coFinancingRequired: 60_000 },
        ],
      });
    });

    it('the frames show the decisions of the year and the commitment to the next (R9)', async () => {
      const frames = await read('/frames?office=ROGALAND&scheme=DEKOMP', ministry, uniGrant.body.position);
      expect(frames.status).toBe(200);
      const f2028 = frames.body.find((f: { year: number }) => f.year === 2028);
      const f2029 = frames.body.find((f: { year: number }) => f.year === 2029);
      expect(f2028).toMatchObject({
        frame: 1_000_000,
        committedFromEarlierYears: 0,
        decidedThisYear: 400_000,
        free: 600_000,
        committedToLaterYears: 200_000,
        paid: 0,
      });
      expect(f2029).toMatchObject({ frame: 800_000, committedFromEarlierYears: 200_000, decidedThisYear: 0, free: 600_000 });
    });

    it('R7: the recipient accepts with at least the minimum; a university commits none', async () => {
      // R7: less than ceil(30 % × 300 000) = 90 000 for 2028 is refused with the minimum in the error
      const tooLittle = await api.post(`/grants/${grantId}/acceptance`, stavanger, {
        coFinancing: [
          { year: 2028, money: 50_000, salary: 39_999, releasedTime: 0 },
          { year: 2029, money: 0, salary: 0, releasedTime: 60_000 },
        ],
      });
      expect(tooLittle.status).toBe(422);
      expect(tooLittle.body.errors).toEqual([
        expect.objectContaining({ rule: 'R7', field: 'coFinancing[year=2028]', message: expect.stringMatching(/at least 90000 kroner/) }),
      ]);
      const since = await api.head();
      const accepted = await api.post(`/grants/${grantId}/acceptance`, stavanger, {
        coFinancing: [
          { year: 2028, money: 50_000, salary: 40_000, releasedTime: 0 },
          { year: 2029, money: 0, salary: 0, releasedTime: 60_000 },
        ],
      });
      expect(accepted.status).toBe(200);
      // R7: a university commits no co-financing
      expect((await api.post(`/grants/${uniGrantId}/acceptance`, uis, { coFinancing: [] })).status).toBe(200);
      await api.expectNewEvents(since, ['GrantAccepted', 'GrantAccepted']);
    });

    it("the governor pays up to the year's amount, never more", async () => {
      api.clock.fix('2028-06-01');
      const paid = await api.post(`/grants/${grantId}/payments`, governor, { year: 2028, amount: 300_000 });
      expect(paid.status).toBe(200);
      expect(paid.body.paymentId).toEqual(expect.any(String));
      const since = await api.head();
      const overpaid = await api.post(`/grants/${grantId}/payments`, governor, { year: 2028, amount: 1 });
      expect(overpaid.status).toBe(422);
      await api.expectNewEvents(since, []);
      expect((await api.post(`/grants/${uniGrantId}/payments`, governor, { year: 2028, amount: 100_000 })).status).toBe(200);
    });

    it('payments and settlements take a calendar date only', async () => {
      for (const paidOn of ['2027', '20280601', '2028-02-30', '2028-06-01T10:00:00Z']) {
        const r = await api.post(`/grants/${grantId}/payments`, governor, { year: 2029, amount: 1, paidOn });
        expect([paidOn, r.status]).toEqual([paidOn, 400]);
      }
      const settle = await api.post(`/grants/${grantId}/repayment-claims/c1/settlements`, governor, { amount: 1, settledOn: '2027' });
      expect(settle.status).toBe(400);
    });

    it('the recipients report: an owner in co-financing shortfall (R7), a university with its feedback into teacher education (R17)', async () => {
      api.clock.fix('2029-01-10');
      const report = await api.post(`/grants/${grantId}/reports`, stavanger, {
        year: 2028,
        spent: 280_000,
        unspent: 20_000,
        coFinancingProvided: { money: 40_000, salary: 30_000, releasedTime: 10_000 },
        participants: [
          { role: 'teacher', count: 120 },
          { role: 'school_leader', count: 14 },
        ],
        evaluation: 'Reading in all subjects took root in 9 of 11 schools.',
      });
      expect(report.status).toBe(200);
      expect(report.body.warnings).toEqual([expect.objectContaining({ rule: 'R7', message: expect.stringMatching(/shortfall/) })]);
      // R17: a university's report without its feedback into teacher education is refused
      const uniReport = {
        year: 2028,
        spent: 100_000,
        unspent: 0,
        coFinancingProvided: { money: 0, salary: 0, releasedTime: 0 },
        participants: [{ role: 'teacher_educator', count: 4 }],
        evaluation: 'Good.',
      };
      const noFeedback = await api.post(`/grants/${uniGrantId}/reports`, uis, uniReport);
      expect(noFeedback.status).toBe(422);
      expect(noFeedback.body.errors).toEqual([expect.objectContaining({ rule: 'R17', field: 'teacherEducationFeedback' })]);
      uniReported = await api.post(`/grants/${uniGrantId}/reports`, uis, {
        ...uniReport,
        teacherEducationFeedback: 'Cases from the schools now used in the master course on reading.',
      });
      expect(uniReported.status).toBe(200);
    });

    it("the governor's overview: the year's lines, the shortfall, nothing overdue", async () => {
      const overview = await read('/governor/overview?scheme=DEKOMP&year=2028', governor, uniReported.body.position);
      expect(overview.status).toBe(200);
      expect(overview.body.frame).toMatchObject({ frame: 1_000_000, decidedThisYear: 400_000, free: 600_000, paid: 400_000 });
      const line = overview.body.lines.find((l: { recipientOrg: string }) => l.recipientOrg === STAVANGER);
      expect(line).toMatchObject({
        grantId,
        recommended: null,
        decided: 300_000,
        accepted: true,
        coFinancingRequired: 90_000,
        coFinancingCommitted: 90_000,
        coFinancingDocumented: 80_000,
        coFinancingShortfall: 10_000,
        paid: 300_000,
        reportStatus: 'submitted',
        reportOverdue: false,
      });
      expect(overview.body.shortfall).toEqual([expect.objectContaining({ grantId, year: 2028, coFinancingShortfall: 10_000 })]);
      expect(overview.body.overdue).toEqual([]);
    });

    it('R16: a repayment claim (at most what was paid) and its settlement are events of their own; the report is approved', async () => {
      api.clock.fix('2029-02-01');
      const since = await api.head();
      const claim = await api.post(`/grants/${grantId}/repayment-claims`, governor, {
        year: 2028,
        amount: 20_000,
        reason: 'unspent money',
      });
      expect(claim.status).toBe(200);
      const tooMuch = await api.post(`/grants/${grantId}/repayment-claims`, governor, { amount: 280_001, reason: 'x' });
      expect(tooMuch.status).toBe(422);
      expect(tooMuch.body.errors[0]).toMatchObject({ rule: 'R16' });
      const settled = await api.post(`/grants/${grantId}/repayment-claims/${claim.body.claimId}/settlements`, governor, { amount: 20_000 });
      expect(settled.status).toBe(200);
      approved = await api.post(`/grants/${grantId}/reports/2028/approval`, governor);
      expect(approved.status).toBe(200);
      await api.expectNewEvents(since, ['RepaymentClaimed', 'RepaymentSettled', 'GrantReportApproved']);
    });

    it("the ministry's frames, the recipient's obligations and payments, and the grant with its version as ETag", async () => {
      const ministryView = await read('/frames?office=ROGALAND&scheme=DEKOMP&year=2028', ministry, approved.body.position);
      expect(ministryView.body).toEqual([
        expect.objectContaining({ decidedThisYear: 400_000, paid: 400_000, repaymentClaimed: 20_000, repaid: 20_000 }),
      ]);

      const mine = await read(`/recipients/${STAVANGER}/grants`, stavanger, approved.body.position);
      expect(mine.status).toBe(200);
      expect(mine.body.payments).toEqual([expect.objectContaining({ grantId, year: 2028, amount: 300_000, paidOn: '2028-06-01' })]);
      expect(mine.body.obligations).toEqual(
        expect.arrayContaining([
          { kind: 'co_financing', grantId, year: 2029, required: 60_000, committed: 60_000, documented: null },
          { kind: 'report', grantId, year: 2028, deadline: '2029-01-15', status: 'approved', overdue: false },
          { kind: 'report', grantId, year: 2029, deadline: '2030-01-15', status: 'due', overdue: false },
        ]),
      );
      const grant = await read(`/grants/${grantId}`, stavanger, approved.body.position);
      expect(grant.headers.get('etag')).toBe(`"${approved.body.version}"`);
      expect(grant.body).toMatchObject({
        ruleSetVersion: 'dekomp-2021.1',
        basis: 'no_recommendation',
        acceptedOn: '2028-04-20',
        claims: [expect.objectContaining({ amount: 20_000, settled: 20_000, outstanding: 0, reason: 'unspent money' })],
      });
      expect(grant.body.years[0]).toMatchObject({
        year: 2028,
        reportStatus: 'approved',
        report: expect.objectContaining({
          spent: 280_000,
          participants: [
            { role: 'teacher', count: 120 },
            { role: 'school_leader', count: 14 },
          ],
        }),
      });

      const uniView = await read(`/recipients/${UIS}/grants`, uis, approved.body.position);
      expect(uniView.body.grants).toEqual([
        expect.objectContaining({
          recipientOrg: UIS,
          years: [
            expect.objectContaining({
              report: expect.objectContaining({ teacherEducationFeedback: expect.stringMatching(/master course/) }),
            }),
          ],
        }),
      ]);
    });

    it("the grant's history: the decision from the ledger and the grant's own events, with reasons (R21)", async () => {
      const history = await api.get(`/grants/${grantId}/history`, governor);
      expect(history.body.map((h: { type: string }) => h.type)).toEqual([
        'AllocationDecided',
        'GrantAccepted',
        'GrantPaymentRecorded',
        'GrantReportSubmitted',
        'RepaymentClaimed',
        'RepaymentSettled',
        'GrantReportApproved',
      ]);
      expect(history.body[4]).toMatchObject({ reason: 'unspent money', actor: { role: 'governor' } });
    });
  });

  describe('If-Match: every grant resource answers the ETag its commands check', () => {
    /** A recipient of its own, so no other test's report is overdue for it (R15). */
    const HÅ = orgNumberWithCheckDigit('93000005');
    const grantId = `ROGALAND.DEKOMP.etag-1.${HÅ}`;
    let hå: string;
    let last: ApiResponse;
    /** The grant's ETag as GET /grants/{id} answers it once the read model has the last write. */
    const etag = async () => {
      const r = await read(`/grants/${grantId}`, governor, last.body.position);
      expect(r.status).toBe(200);
      return r.headers.get('etag')!;
    };
    const bump = (tag: string, by: number) => `"${Number(tag.replace(/"/g, '')) + by}"`;
    /** A stale ETag is a 412 with nothing written; the one from GET is accepted and the answer's ETag is the next. */
    async function withIfMatch(path: string, token: string, body: unknown) {
      const current = await etag();
      const since = await api.head();
      const stale = await api.post(path, token, body, { 'If-Match': bump(current, -1) });
      expect([path, stale.status]).toEqual([path, 412]);
      await api.expectNewEvents(since, []);
      last = await api.post(path, token, body, { 'If-Match': current });
      expect([path, last.status]).toEqual([path, 200]);
      expect(last.headers.get('etag')).toBe(bump(current, 1));
      expect(await etag()).toBe(bump(current, 1));
      return last;
    }

    it('a new decision answers the ETag GET /grants/{id} answers ("1": the decision is its first change)', async () => {
      api.clock.fix('2033-04-20');
      expect(
        (
          await api.post('/organisations', ministry, {
            orgNumber: HÅ,
            name: 'Hå kommune',
            kind: 'municipality',
            municipalityNumber: '1119',
          })
        ).status,
      ).toBe(201);
      hå = await api.token({ role: 'school_owner', org: HÅ });
      await setFrame('DEKOMP', 2033, 1_000_000);
      last = await decide({ year: 2033, measureId: 'etag-1', recipientOrg: HÅ, amounts: [{ year: 2033, amount: 200_000 }] });
      expect(last.status).toBe(201);
      expect(last.headers.get('etag')).toBe('"1"');
      expect(await etag()).toBe('"1"');
    });

    it('decision → amendment: If-Match with the ETag from GET works, a stale one is 412', async () => {
      await withIfMatch(`/grants/${grantId}/amendments`, governor, { amounts: [{ year: 2033, amount: 100_000 }], reason: 'fewer schools' });
    });

    it("the commands on the grant's own stream: acceptance, payment, report, approval, claim, settlement", async () => {
      await withIfMatch(`/grants/${grantId}/acceptance`, hå, { coFinancing: [{ year: 2033, money: 30_000, salary: 0, releasedTime: 0 }] });
      await withIfMatch(`/grants/${grantId}/payments`, governor, { year: 2033, amount: 100_000 });
      await withIfMatch(`/grants/${grantId}/reports`, hå, {
        year: 2033,
        spent: 90_000,
        unspent: 10_000,
        coFinancingProvided: { money: 30_000, salary: 0, releasedTime: 0 },
        participants: [{ role: 'teacher', count: 10 }],
        evaluation: 'Went well.',
      });
      await withIfMatch(`/grants/${grantId}/reports/2033/approval`, governor, {});
      const claim = await withIfMatch(`/grants/${grantId}/repayment-claims`, governor, {
        year: 2033,
        amount: 10_000,
        reason: 'unspent money',
      });
      await withIfMatch(`/grants/${grantId}/repayment-claims/${claim.body.claimId}/settlements`, governor, { amount: 10_000 });
    });

    it('amendment → revocation: If-Match with the ETag from GET works, a stale one is 412', async () => {
      await withIfMatch(`/grants/${grantId}/revocation`, governor, { reason: 'the measure was stopped' });
    });

    it("frames keep the ledger's version as ETag: a stale one is 412 on an adjustment", async () => {
      const frames = await read('/frames?office=ROGALAND&scheme=DEKOMP&year=2033', ministry, last.body.position);
      const version = frames.body[0].version;
      const stale = await api.post(
        '/frames/ROGALAND/DEKOMP/2033/adjustments',
        ministry,
        { amount: 900_000, reason: 'cut' },
        { 'If-Match': `"${version - 1}"` },
      );
      expect(stale.status).toBe(412);
      const adjusted = await api.post(
        '/frames/ROGALAND/DEKOMP/2033/adjustments',
        ministry,
        { amount: 900_000, reason: 'cut' },
        { 'If-Match': `"${version}"` },
      );
      expect(adjusted.status).toBe(200);
      expect(adjusted.headers.get('etag')).toBe(`"${version + 1}"`);
    });
  });

  it('R15: a payment to a recipient with an overdue report is refused until the report arrives; the governor sees it overdue', async () => {
    api.clock.fix('2028-04-20');
    await setFrame('REKOMP', 2028, 500_000);
    await setFrame('REKOMP', 2029, 500_000);
    const d = await decide({
      scheme: 'REKOMP',
      year: 2028,
      measureId: 'kg-1',
      recipientOrg: SANDNES,
      amounts: [
        { year: 2028, amount: 100_000 },
        { year: 2029, amount: 100_000 },
      ],
    });
    expect(d.status).toBe(201);
    const grantId = d.body.id;
    // R8: REKOMP needs no co-financing
    expect((await api.post(`/grants/${grantId}/acceptance`, sandnes, { coFinancing: [] })).status).toBe(200);
    const firstPayment = await api.post(`/grants/${grantId}/payments`, governor, { year: 2028, amount: 100_000 });
    expect(firstPayment.status).toBe(200);

    api.clock.fix('2029-01-20');
    const blocked = await api.post(`/grants/${grantId}/payments`, governor, { year: 2029, amount: 50_000 });
    expect(blocked.status).toBe(422);
    expect(blocked.body.errors).toEqual([expect.objectContaining({ rule: 'R15', message: expect.stringMatching(/2029-01-15/) })]);
    const overview = await read('/governor/overview?scheme=REKOMP&year=2029', governor, firstPayment.body.position);
    expect(overview.body.overdue).toEqual([
      { grantId, recipientOrg: SANDNES, recipientName: 'Sandnes kommune', year: 2028, reportDeadline: '2029-01-15' },
    ]);
    expect(overview.body.lines).toEqual([
      expect.objectContaining({ grantId, decisionYear: 2028, decided: 100_000, coFinancingRequired: 0 }),
    ]);
    expect(overview.body.frame).toMatchObject({ committedFromEarlierYears: 100_000, free: 400_000 });

    const late = await api.post(`/grants/${grantId}/reports`, sandnes, {
      year: 2028,
      spent: 100_000,
      unspent: 0,
      coFinancingProvided: { money: 0, salary: 0, releasedTime: 0 },
      participants: [{ role: 'kindergarten_teacher', count: 60 }],
      evaluation: 'Play-based learning network works.',
    });
    expect(late.status).toBe(200);
    expect(late.body.warnings).toEqual([expect.objectContaining({ rule: 'R15', message: expect.stringMatching(/due 2029-01-15/) })]);
    expect((await api.post(`/grants/${grantId}/payments`, governor, { year: 2029, amount: 50_000 })).status).toBe(200);
  });

  it('R1, R2: no money to commercial actors or unregistered organisations; R14: a late decision is a warning; R18: never over a frame', async () => {
    api.clock.fix('2030-05-02');
    await setFrame('DEKOMP', 2030, 200_000);
    const commercial = await decide({ year: 2030, measureId: 'r-1', recipientOrg: CONSULTANCY, amounts: [{ year: 2030, amount: 1_000 }] });
    expect(commercial.status).toBe(422);
    expect(commercial.body.errors).toEqual([expect.objectContaining({ rule: 'R2', field: 'recipientOrg' })]);
    const unknown = await decide({ year: 2030, measureId: 'r-1', recipientOrg: UNREGISTERED, amounts: [{ year: 2030, amount: 1_000 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ rule: 'R1' })]);
    const over = await decide({ year: 2030, measureId: 'r-1', recipientOrg: STAVANGER, amounts: [{ year: 2030, amount: 200_001 }] });
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual([expect.objectContaining({ rule: 'R18', message: expect.stringMatching(/200000 kroner are free/) })]);
    const noLaterFrame = await decide({
      year: 2030,
      measureId: 'r-1',
      recipientOrg: STAVANGER,
      amounts: [
        { year: 2030, amount: 1 },
        { year: 2031, amount: 1 },
      ],
    });
    expect(noLaterFrame.status).toBe(422);
    expect(noLaterFrame.body.errors).toEqual([expect.objectContaining({ rule: 'R18', field: 'amounts[1].year' })]);
    const late = await decide({ year: 2030, measureId: 'r-1', recipientOrg: STAVANGER, amounts: [{ year: 2030, amount: 150_000 }] });
    expect(late.status).toBe(201);
    expect(late.body.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'R14', message: expect.stringMatching(/after the office's decision date 2030-04-30/) }),
      ]),
    );

    // R21 + R18: amendments are events with reasons, and charge only the difference
    const grantId = late.body.id;
    expect(
      (await api.post(`/grants/${grantId}/amendments`, governor, { amounts: [{ year: 2030, amount: 200_001 }], reason: 'more schools' }))
        .status,
    ).toBe(422);
    const amended = await api.post(`/grants/${grantId}/amendments`, governor, {
      amounts: [{ year: 2030, amount: 200_000 }],
      reason: 'more schools',
    });
    expect(amended.status).toBe(200);
    expect((await decide({ year: 2030, measureId: 'r-2', recipientOrg: STAVANGER, amounts: [{ year: 2030, amount: 1 }] })).status).toBe(
      422,
    );
    const adjustBelow = await api.post('/frames/ROGALAND/DEKOMP/2030/adjustments', ministry, { amount: 199_999, reason: 'cut' });
    expect(adjustBelow.status).toBe(422);
    expect(adjustBelow.body.errors[0]).toMatchObject({ rule: 'R18' });
    const revoked = await api.post(`/grants/${grantId}/revocation`, governor, { reason: 'the municipality withdrew the measure' });
    expect(revoked.status).toBe(200);
    const adjusted = await api.post('/frames/ROGALAND/DEKOMP/2030/adjustments', ministry, {
      amount: 150_000,
      reason: 'revised national budget',
    });
    expect(adjusted.status).toBe(200);
    const frames = await read('/frames?scheme=DEKOMP&year=2030', governor, adjusted.body.position);
    expect(frames.body).toEqual([
      expect.objectContaining({ office: 'ROGALAND', frame: 150_000, adjustments: 1, decidedThisYear: 0, free: 150_000 }),
    ]);
    const ledger = await api.get('/frames/ROGALAND/DEKOMP/history', ministry);
    expect(
      ledger.body
        .filter((h: { data: { year?: number; grantId?: string } }) => h.data.year === 2030 || h.data.grantId === grantId)
        .map((h: { type: string; reason: string | null }) => [h.type, h.reason]),
    ).toEqual([
      ['FrameSet', null],
      ['AllocationDecided', null],
      ['AllocationAmended', 'more schools'],
      ['AllocationRevoked', 'the municipality withdrew the measure'],
      ['FrameAdjusted', 'revised national budget'],
    ]);
  });

  it("R12: a difference from the forum's recommendation needs a reason, kept with the decision; an unknown measure is refused", async () => {
    api.clock.fix('2032-04-01');
    await setFrame('DEKOMP', 2032, 1_000_000);
    recommendations.set('rogaland-dekomp-2032', {
      recommendationId: 'rec-2032',
      forumId: 'forum-rogaland',
      callId: 'rogaland-dekomp-2032',
      outcome: 'consensus',
      lines: [{ measureId: 'rec-1', recipientOrg: STAVANGER, year: 2032, amount: 100_000 }],
      recordedAt: '2032-03-20T10:00:00.000Z',
    });
    const noReason = await decide({ year: 2032, measureId: 'rec-1', recipientOrg: STAVANGER, amounts: [{ year: 2032, amount: 120_000 }] });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ rule: 'R12', field: 'deviationReason' })]);
    const withReason = await decide({
      year: 2032,
      measureId: 'rec-1',
      recipientOrg: STAVANGER,
      amounts: [{ year: 2032, amount: 120_000 }],
      deviationReason: 'two more schools joined',
    });
    expect(withReason.status).toBe(201);
    expect(withReason.body.warnings).toEqual([]);
    const grant = await read(`/grants/${withReason.body.id}`, governor, withReason.body.position);
    expect(grant.body).toMatchObject({
      basis: 'recommendation',
      recommendationId: 'rec-2032',
      deviates: true,
      deviationReason: 'two more schools joined',
      years: [expect.objectContaining({ recommended: 100_000, decided: 120_000 })],
    });
    const asRecommended = await decide({ year: 2032, measureId: 'rec-1', recipientOrg: UIS, amounts: [{ year: 2032, amount: 50_000 }] });
    expect(asRecommended.status).toBe(422);

    recommendations.set('rogaland-dekomp-2032', { ...recommendations.get('rogaland-dekomp-2032')!, outcome: 'no_agreement', lines: [] });
    const governorDecides = await decide({ year: 2032, measureId: 'rec-1', recipientOrg: UIS, amounts: [{ year: 2032, amount: 50_000 }] });
    expect(governorDecides.status).toBe(201);
    expect(governorDecides.body.warnings).toEqual([
      expect.objectContaining({ rule: 'R12', message: expect.stringMatching(/did not agree/) }),
    ]);

    const unknown = await api.post('/grants', governor, {
      scheme: 'DEKOMP',
      year: 2032,
      measureId: 'nobody-knows',
      recipientOrg: STAVANGER,
      amounts: [{ year: 2032, amount: 1 }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'measureId' })]);
  });

  it('R20: every endpoint refuses other roles and organisations (403), and lists only what the actor may see', async () => {
    api.clock.fix('2031-04-01');
    await setFrame('DEKOMP', 2031, 1_000_000);
    const d = await decide({ year: 2031, measureId: 'vis-1', recipientOrg: STAVANGER, amounts: [{ year: 2031, amount: 100_000 }] });
    expect(d.status).toBe(201);
    const grantId = d.body.id;
    await api.post(`/grants/${grantId}/acceptance`, stavanger, {
      coFinancing: [{ year: 2031, money: 30_000, salary: 0, releasedTime: 0 }],
    });

    const forbidden: Array<[string, string, string, unknown?]> = [
      ['POST', '/frames', governor, { office: 'ROGALAND', scheme: 'DEKOMP', year: 2032, amount: 1 }],
      ['POST', '/frames', stavanger, { office: 'ROGALAND', scheme: 'DEKOMP', year: 2032, amount: 1 }],
      ['POST', '/frames/ROGALAND/DEKOMP/2031/adjustments', governor, { amount: 1, reason: 'x' }],
      ['GET', '/frames', stavanger],
      ['GET', '/frames?office=ROGALAND', agder],
      ['GET', '/frames/ROGALAND/DEKOMP/history', agder],
      ['GET', '/frames/ROGALAND/DEKOMP/history', uis],
      [
        'POST',
        '/grants',
        stavanger,
        { scheme: 'DEKOMP', year: 2031, measureId: 'vis-2', recipientOrg: STAVANGER, amounts: [{ year: 2031, amount: 1 }] },
      ],
      [
        'POST',
        '/grants',
        ministry,
        { scheme: 'DEKOMP', year: 2031, measureId: 'vis-2', recipientOrg: STAVANGER, amounts: [{ year: 2031, amount: 1 }] },
      ],
      ['POST', `/grants/${grantId}/amendments`, agder, { amounts: [{ year: 2031, amount: 1 }], reason: 'x' }],
      ['POST', `/grants/${grantId}/revocation`, agder, { reason: 'x' }],
      ['POST', `/grants/${grantId}/revocation`, stavanger, { reason: 'x' }],
      ['POST', `/grants/${grantId}/acceptance`, sandnes, { coFinancing: [] }],
      ['POST', `/grants/${grantId}/acceptance`, governor, { coFinancing: [] }],
      ['POST', `/grants/${grantId}/payments`, agder, { year: 2031, amount: 1 }],
      ['POST', `/grants/${grantId}/payments`, stavanger, { year: 2031, amount: 1 }],
      [
        'POST',
        `/grants/${grantId}/reports`,
        sandnes,
        {
          year: 2031,
          spent: 0,
          unspent: 0,
          coFinancingProvided: { money: 0, salary: 0, releasedTime: 0 },
          participants: [],
          evaluation: 'x',
        },
      ],
      ['POST', `/grants/${grantId}/reports/2031/approval`, agder],
      ['POST', `/grants/${grantId}/repayment-claims`, agder, { amount: 1, reason: 'x' }],
      ['POST', `/grants/${grantId}/repayment-claims/c1/settlements`, agder, { amount: 1 }],
      ['GET', `/grants/${grantId}`, sandnes],
      ['GET', `/grants/${grantId}`, uis],
      ['GET', `/grants/${grantId}`, agder],
      ['GET', `/grants/${grantId}/history`, sandnes],
      ['GET', `/grants/${grantId}/history`, agder],
      ['GET', `/grants?recipientOrg=${STAVANGER}`, sandnes],
      ['GET', '/grants?office=ROGALAND', agder],
      ['GET', `/recipients/${STAVANGER}/grants`, sandnes],
      ['GET', '/governor/overview?scheme=DEKOMP&year=2031', stavanger],
      ['GET', '/governor/overview?scheme=DEKOMP&year=2031&office=ROGALAND', agder],
    ];
    for (const [method, path, token, body] of forbidden) {
      const r = await api.request(method, path, { token, body });
      expect([method, path, r.status]).toEqual([method, path, 403]);
    }

    const position = d.body.position;
    for (const token of [stavanger, governor, ministry]) {
      const r = await read(`/grants/${grantId}`, token, position);
      expect(r.status).toBe(200);
      expect((await api.get(`/grants/${grantId}/history`, token)).status).toBe(200);
      expect((await api.get(`/recipients/${STAVANGER}/grants`, token)).body.grants.map((g: { grantId: string }) => g.grantId)).toContain(
        grantId,
      );
    }
    const ids = async (token: string) =>
      (await read('/grants', token, position)).body.map((g: { grantId: string; recipientOrg: string; office: string }) => g);
    expect((await ids(stavanger)).every((g: { recipientOrg: string }) => g.recipientOrg === STAVANGER)).toBe(true);
    expect(await ids(sandnes)).toEqual(expect.not.arrayContaining([expect.objectContaining({ grantId })]));
    expect(await ids(kristiansand)).toEqual([]);
    expect(await ids(agder)).toEqual([]);
    expect((await ids(governor)).map((g: { grantId: string }) => g.grantId)).toContain(grantId);
    expect((await ids(ministry)).map((g: { grantId: string }) => g.grantId)).toContain(grantId);
    expect((await api.get(`/recipients/${STAVANGER}/grants`, agder)).body.grants).toEqual([]);
    expect((await api.get('/frames', agder)).body).toEqual([]);
    expect((await read('/governor/overview?scheme=DEKOMP&year=2031&office=ROGALAND', ministry, position)).body.lines).toEqual([
      expect.objectContaining({ grantId }),
    ]);
    expect((await api.get(`/grants/ROGALAND.DEKOMP.nothing.${STAVANGER}`, stavanger)).status).toBe(404);
  });

  it('R18 under concurrency: 50 parallel decisions over HTTP never push a frame over; each loser is a 409 (concurrent) or a 422 R18 (frame used up) with nothing written', async () => {
    api.clock.fix('2040-03-01');
    await setFrame('DEKOMP', 2040, 1_000_000);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        decide({ year: 2040, measureId: `burst-${i}`, recipientOrg: STAVANGER, amounts: [{ year: 2040, amount: 100_000 }] }),
      ),
    );
    const statuses = results.map((r) => r.status);
    const won = results.filter((r) => r.status === 201);
    expect(statuses.every((s) => s === 201 || s === 409 || s === 422)).toBe(true);
    expect(won.length).toBeGreaterThan(0);
    expect(won.length).toBeLessThanOrEqual(10);
    for (const r of results.filter((x) => x.status === 422)) expect(r.body.errors).toEqual([expect.objectContaining({ rule: 'R18' })]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const ledger = await api.get('/frames/ROGALAND/DEKOMP/history', ministry);
    const decisions = ledger.body.filter(
      (h: { type: string; data: { decisionYear?: number } }) => h.type === 'AllocationDecided' && h.data.decisionYear === 2040,
    );
    expect(decisions).toHaveLength(won.length);
    const maxPosition = Math.max(...won.map((r) => r.body.position));
    const frame = await read('/frames?office=ROGALAND&scheme=DEKOMP&year=2040', ministry, maxPosition);
    expect(frame.body[0]).toMatchObject({
      frame: 1_000_000,
      decidedThisYear: won.length * 100_000,
      free: 1_000_000 - won.length * 100_000,
    });
    expect(frame.body[0].free).toBeGreaterThanOrEqual(0);
    const winners = new Set(won.map((r) => r.body.id));
    for (let i = 0; i < 50; i++) {
      const id = `ROGALAND.DEKOMP.burst-${i}.${STAVANGER}`;
      expect((await read(`/grants/${id}`, governor, maxPosition)).status).toBe(winners.has(id) ? 200 : 404);
    }
  });

  it('R18 under forced interleaving: 50 decisions that each fit the frame alone and all read the same ledger version — one wins, 49 get 409, nothing is written for them', async () => {
    api.clock.fix('2041-03-01');
    await setFrame('DEKOMP', 2041, 150_000);
    // Hold every decision after it has read the ledger until all 50 have: the worst interleaving, on every backend.
    const store = api.app.get<EventStore>(EVENT_STORE, { strict: false });
    const readStream = store.readStream;
    const held: Array<() => void> = [];
    const releaseAll = () => held.splice(0).forEach((go) => go());
    const safety = setTimeout(releaseAll, 20_000);
    store.readStream = async function (this: EventStore, streamId, options) {
      const events = await readStream.call(this, streamId, options);
      if (streamId === 'FrameLedger-ROGALAND-DEKOMP') {
        await new Promise<void>((go) => {
          held.push(go);
          if (held.length === 50) releaseAll();
        });
      }
      return events;
    };
    let all: Awaited<ReturnType<typeof decide>>[];
    try {
      all = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          decide({ year: 2041, measureId: `fit-${i}`, recipientOrg: STAVANGER, amounts: [{ year: 2041, amount: 100_000 }] }),
        ),
      );
    } finally {
      clearTimeout(safety);
      store.readStream = readStream;
    }
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409)).toHaveLength(49);
    const ledger = await api.get('/frames/ROGALAND/DEKOMP/history', ministry);
    expect(
      ledger.body.filter(
        (h: { type: string; data: { decisionYear?: number } }) => h.type === 'AllocationDecided' && h.data.decisionYear === 2041,
      ),
    ).toHaveLength(1);
    const winner = all.find((r) => r.status === 201)!;
    const frame = await read('/frames?office=ROGALAND&scheme=DEKOMP&year=2041', ministry, winner.body.position);
    expect(frame.body[0]).toMatchObject({ frame: 150_000, decidedThisYear: 100_000, free: 50_000 });
    for (const r of all.filter((x) => x.status === 409)) {
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const losers = Array.from({ length: 50 }, (_, i) => `ROGALAND.DEKOMP.fit-${i}.${STAVANGER}`).filter((id) => id !== winner.body.id);
    for (const id of losers) expect((await read(`/grants/${id}`, governor, winner.body.position)).status).toBe(404);
  });

  it('publishes the cycle in the OpenAPI document', async () => {
    const doc = await api.get('/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/frames',
        '/frames/{office}/{scheme}/{year}/adjustments',
        '/frames/{office}/{scheme}/history',
        '/grants',
        '/grants/{grantId}',
        '/grants/{grantId}/history',
        '/grants/{grantId}/amendments',
        '/grants/{grantId}/revocation',
        '/grants/{grantId}/acceptance',
        '/grants/{grantId}/payments',
        '/grants/{grantId}/reports',
        '/grants/{grantId}/reports/{year}/approval',
        '/grants/{grantId}/repayment-claims',
        '/grants/{grantId}/repayment-claims/{claimId}/settlements',
        '/governor/overview',
        '/recipients/{orgNumber}/grants',
      ]),
    );
    expect(doc.body.paths['/grants'].post.responses['409']).toBeDefined();
    expect(doc.body.paths['/grants'].post.responses['422']).toBeDefined();
  });
});
