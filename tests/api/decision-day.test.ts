import { MEASURE_CATALOG, type MeasureCatalog, type MeasureInfo } from '#libs/kernel';
import { orgNumberWithCheckDigit } from '#libs/reference-data';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

const backends = await testBackends('decision day api');

const STAVANGER = '964965226';
const SANDNES = orgNumberWithCheckDigit('93000001');
const HAA = orgNumberWithCheckDigit('93000005');
const KLEPP = orgNumberWithCheckDigit('93000007');
const UIS = '971564679';
const OWNERS = [STAVANGER, SANDNES, HAA, KLEPP];
const MNOK = 1_000_000;
const FRAME_2023 = 186_600_000;
const FRAME_2024 = 180_000_000;

/** A real-shaped office: 217 submitted needs-assessment measures for 2023, most of them over two years. */
const measureOf = (i: number, year: number, prefix: string): MeasureInfo => {
  const org = OWNERS[i % OWNERS.length];
  const first = 300_000 + ((i * 7_919) % 900_000);
  return {
    ...{
      assessmentId: `NA-${prefix}${i}`,
      measureId: `${prefix}-${String(i).padStart(3, '0')}`,
      callId: `rogaland-dekomp-${year}`,
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      year,
    },
    ...{
      title: `Tiltak ${i}`,
      themes: [i % 3 === 0 ? 'lesing' : 'vurdering'],
      leadOwner: org,
      owners: [org],
      network: false,
      universities: [{ org: UIS, status: 'committed', local: true }],
    },
    ...{ startYear: year, spanYears: i % 2 === 0 ? 2 : 1, status: 'submitted', late: false },
    requested: [{ org, year, amount: first }, ...(i % 2 === 0 ? [{ org, year: year + 1, amount: Math.floor(first / 2) }] : [])],
  };
};
const MEASURES = new Map<string, MeasureInfo>();
for (let i = 1; i <= 217; i++) MEASURES.set(measureOf(i, 2023, 'm').measureId, measureOf(i, 2023, 'm'));
for (let i = 1; i <= 230; i++) MEASURES.set(measureOf(i, 2024, 'f').measureId, measureOf(i, 2024, 'f'));

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(backends)('decision day at an office scale on %s', (backend: BackendName) => {
  let api: TestApi;
  let ministry: string;
  let governor: string;
  let last = 0;
  const post = async (path: string, token: string, body: unknown = {}) => {
    const r = await api.post(path, token, body);
    if (r.body?.position) last = Math.max(last, r.body.position);
    return r;
  };
  const get = (path: string, token = governor) => api.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`, token);
  const frame = async (year: number) => (await get(`/frames?office=ROGALAND&scheme=DEKOMP&year=${year}`)).body[0];

  beforeAll(async () => {
    api = await startTestApi(backend);
    const catalog = api.app.get<MeasureCatalog>(MEASURE_CATALOG, { strict: false });
    Object.assign(catalog, {
      get: async (id: string) => MEASURES.get(id) ?? null,
      listByCall: async (callId: string) => [...MEASURES.values()].filter((m) => m.callId === callId),
    });
    api.clock.fix('2023-04-20');
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    for (const org of [
      { orgNumber: STAVANGER, name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' },
      { orgNumber: SANDNES, name: 'Sandnes kommune', kind: 'municipality', municipalityNumber: '1108' },
      { orgNumber: HAA, name: 'Hå kommune', kind: 'municipality', municipalityNumber: '1119' },
      { orgNumber: KLEPP, name: 'Klepp kommune', kind: 'municipality', municipalityNumber: '1120' },
      { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
    ])
      expect((await post('/organisations', ministry, org)).status).toBe(201);
    for (const [year, amount] of [
      [2023, FRAME_2023],
      [2024, FRAME_2024],
    ])
      expect((await post('/frames', ministry, { office: 'ROGALAND', scheme: 'DEKOMP', year, amount })).status).toBe(201);
  });
  afterAll(async () => {
    api.clock.fix(null);
    await api.close();
  });

  describe('import of earlier commitments (69 MNOK on 2023, decided in 2022)', () => {
    const rows = [
      {
        recipientOrg: STAVANGER,
        measureTitle: 'Lesing i alle fag',
        caseNumber: '2022/101',
        decisionDate: '2022-04-28',
        amounts: [
          { year: 2023, amount: 30 * MNOK },
          { year: 2024, amount: 10 * MNOK },
        ],
      },
      {
        recipientOrg: SANDNES,
        measureTitle: 'Vurdering for læring',
        caseNumber: '2022/102',
        decisionDate: '2022-04-28',
        amounts: [
          { year: 2023, amount: 25 * MNOK },
          { year: 2024, amount: 5 * MNOK },
        ],
      },
      {
        recipientOrg: HAA,
        measureTitle: 'Profesjonsfellesskap',
        caseNumber: '2022/103',
        decisionDate: '2022-04-28',
        amounts: [
          { year: 2022, amount: 2 * MNOK },
          { year: 2023, amount: 14 * MNOK },
          { year: 2024, amount: 2 * MNOK },
        ],
      },
    ];
    let free2024Before: number;

    it('a bad org number (mod-11), a year outside the span and an empty title are named row by row; nothing is written', async () => {
      free2024Before = (await frame(2024)).free;
      const since = await api.head();
      const bad = [
        rows[0],
        { ...rows[1], recipientOrg: '964965227' },
        { ...rows[2], measureTitle: ' ', amounts: [{ year: 2025, amount: 1 }] },
      ];
      const r = await post('/frames/ROGALAND/DEKOMP/commitment-imports', governor, { rows: bad });
      expect(r.status).toBe(422);
      expect(r.body.errors.map((e: { rule: string; field: string }) => [e.rule, e.field])).toEqual([
        ['R19', 'rows[1].recipientOrg'],
        ['import', 'rows[2].measureTitle'],
        ['R9', 'rows[2].amounts[0].year'],
      ]);
      await api.expectNewEvents(since, []);
    });

    it('the rows are imported as ledger events marked imported; a re-run of the same rows writes nothing', async () => {
      const since = await api.head();
      const r = await post('/frames/ROGALAND/DEKOMP/commitment-imports', governor, { rows });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ imported: 3, unchanged: 0 });
      const events = await api.expectNewEvents(since, ['CommitmentImported', 'CommitmentImported', 'CommitmentImported']);
      expect(events[0].data).toMatchObject({ imported: true, caseNumber: '2022/101', decisionYear: 2022 });
      const again = await post('/frames/ROGALAND/DEKOMP/commitment-imports', governor, { rows });
      expect(again.body).toMatchObject({ imported: 0, unchanged: 3 });
      await api.expectNewEvents(since, ['CommitmentImported', 'CommitmentImported', 'CommitmentImported']);
    });

    it('their later years are commitments (R9): 2023 and 2024 free amounts fall by exactly their sums', async () => {
      expect(await frame(2023)).toMatchObject({ frame: FRAME_2023, committedFromEarlierYears: 69 * MNOK, free: FRAME_2023 - 69 * MNOK });
      expect((await frame(2024)).free).toBe(free2024Before - 17 * MNOK);
    });
  });

  describe('R25: a proposal by key over 217 measures, a what-if, and the bulk decision', () => {
    let proposal: any;
    const free = FRAME_2023 - 69 * MNOK;

    it('bad input: an unknown key (400), weights summing to zero (422 R25), an amount above the free amount (422 R18)', async () => {
      const since = await api.head();
      const key = await post('/allocation-proposals', governor, { scheme: 'DEKOMP', year: 2023, key: 'lottery' });
      expect(key.status).toBe(400);
      expect(key.body.errors).toEqual([expect.objectContaining({ field: 'key', rule: 'isIn' })]);
      const zero = await post('/allocation-proposals', governor, {
        scheme: 'DEKOMP',
        year: 2023,
        key: 'weights',
        weights: {},
        themeWeights: { lesing: 0 },
      });
      expect(zero.status).toBe(422);
      expect(zero.body.errors).toEqual([expect.objectContaining({ rule: 'R25', field: 'weights' })]);
      const over = await post('/allocation-proposals', governor, { scheme: 'DEKOMP', year: 2023, key: 'equal', amount: free + 1 });
      expect(over.status).toBe(422);
      expect(over.body.errors).toEqual([expect.objectContaining({ rule: 'R18', field: 'amount' })]);
      await api.expectNewEvents(since, []);
    });

    it('a pro-rata proposal of the free amount: parts sum exactly, none above its request, co-financing and the 2024 effect; a draft only', async () => {
      const since = await api.head();
      const r = await post('/allocation-proposals', governor, { scheme: 'DEKOMP', year: 2023, key: 'pro_rata' });
      expect(r.status).toBe(201);
      expect(r.headers.get('location')).toBe(`/allocation-proposals/${r.body.id}`);
      await api.expectNewEvents(since, ['AllocationProposalDrafted']);
      proposal = r.body.proposal;
      expect(proposal).toMatchObject({ amount: free, freeAmount: free, allocated: free, unallocated: 0, source: 'submitted' });
      expect(proposal.lines).toHaveLength(217);
      const inYear = proposal.lines.map((l: any) => l.years.find((y: any) => y.year === 2023));
      expect(sum(inYear.map((y: any) => y.amount))).toBe(free);
      for (const y of inYear) {
        expect(y.amount).toBeLessThanOrEqual(y.requested);
        expect(y.coFinancingRequired).toBe(Math.ceil((y.amount * 30) / 100));
      }
      const e2024 = proposal.effect.find((e: any) => e.year === 2024);
      expect(e2024.proposed).toBe(
        sum(proposal.lines.flatMap((l: any) => l.years.filter((y: any) => y.year === 2024).map((y: any) => y.amount))),
      );
      expect(e2024.freeAfter).toBe(FRAME_2024 - 17 * MNOK - e2024.proposed);
      const read = await get(`/allocation-proposals/${r.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(proposal);
      expect((await frame(2023)).free).toBe(free);
    });

    it('a what-if of the proposal and of one line too many writes nothing (event count unchanged)', async () => {
      const since = await api.head();
      const decisions = proposal.lines.slice(0, 20).map((l: any) => ({
        measureId: l.measureId,
        recipientOrg: l.recipientOrg,
        amounts: l.years.map((y: any) => ({ year: y.year, amount: y.amount })),
      }));
      const ok = await post('/frames/ROGALAND/DEKOMP/simulations', governor, { year: 2023, decisions });
      expect(ok.status).toBe(200);
      const planned = sum(decisions.map((d: any) => d.amounts.find((a: any) => a.year === 2023).amount));
      expect(ok.body).toMatchObject({ accepted: true, wouldWrite: 20, written: 0, violations: [] });
      expect(ok.body.years.find((y: any) => y.year === 2023)).toMatchObject({
        freeBefore: free,
        free: free - planned,
        committedFromEarlierYears: 69 * MNOK,
      });
      const tooMuch = await post('/frames/ROGALAND/DEKOMP/simulations', governor, {
        year: 2023,
        decisions: [
          ...decisions,
          { measureId: 'm-217', recipientOrg: MEASURES.get('m-217')!.owners[0], amounts: [{ year: 2023, amount: free }] },
        ],
      });
      expect(tooMuch.body).toMatchObject({
        accepted: false,
        violations: [expect.objectContaining({ rule: 'R18', field: 'lines[20].amounts[0].amount' })],
      });
      expect(await api.head()).toBe(since);
    });

    it('a bulk request with bad lines writes nothing and names every one', async () => {
      const since = await api.head();
      const r = await post('/grants/bulk-decisions', governor, {
        scheme: 'DEKOMP',
        year: 2023,
        proposalId: proposal.proposalId,
        lines: [
          {
            measureId: 'm-003',
            recipientOrg: MEASURES.get('m-003')!.owners[0],
            amounts: [
              { year: 2023, amount: 1_000 },
              { year: 2025, amount: 1_000 },
            ],
          },
          {
            measureId: 'm-005',
            recipientOrg: UIS,
            amounts: [
              { year: 2023, amount: 1_000 },
              { year: 2024, amount: 1_000 },
            ],
          },
        ],
      });
      expect(r.status).toBe(422);
      const fields = r.body.errors.map((e: { rule: string; field: string }) => [e.rule, e.field]);
      // m-003 replaces the proposal's line 2 in place; UIS on m-005 is not in the proposal, so it comes after its 217 lines
      expect(fields).toEqual([
        ['R9', 'lines[2].amounts[1].year'],
        ['R9', 'lines[217].amounts[1].year'],
      ]);
      await api.expectNewEvents(since, []);
    });

    it('the proposal decided in bulk with one deviation: one append, every grant listed, the free amount what the deviation left', async () => {
      const since = await api.head();
      const first = proposal.lines[0];
      const r = await post('/grants/bulk-decisions', governor, {
        ...{ scheme: 'DEKOMP', year: 2023, proposalId: proposal.proposalId, reason: 'split pro rata by the forum' },
        lines: [
          {
            measureId: first.measureId,
            recipientOrg: first.recipientOrg,
            amounts: [{ year: 2023, amount: 100_000 }],
            deviationReason: 'the second year is not planned',
          },
        ],
      });
      expect(r.status).toBe(201);
      expect(r.body.grants).toHaveLength(217);
      const events = await api.expectNewEvents(since, Array(217).fill('AllocationDecided'));
      expect(new Set(events.map((e) => e.streamVersion)).size).toBe(217);
      const deviationLeft = first.years.find((y: any) => y.year === 2023).amount - 100_000;
      expect(await frame(2023)).toMatchObject({ decidedThisYear: free - deviationLeft, free: deviationLeft });
    });
  });

  describe('payment runs (R15) and report deadlines (R26)', () => {
    let run: any;
    let haaImported: string;
    let stavangerGrant: string;
    let haaGrant: string;
    let unaccepted: string;

    it('the recipients accept: Hå also its imported grant, whose 2022 report is overdue', async () => {
      // 217 decisions and the imports: more than one page, so every page is followed.
      const list = (await api.getAllPages(`/grants?office=ROGALAND&scheme=DEKOMP&minPosition=${last}`, governor)).rows;
      haaImported = list.find((g) => g.recipientOrg === HAA && g.callId === 'import').grantId;
      stavangerGrant = list.find((g) => g.recipientOrg === STAVANGER && g.callId !== 'import').grantId;
      haaGrant = list.find((g) => g.recipientOrg === HAA && g.callId !== 'import').grantId;
      unaccepted = list.find((g) => g.recipientOrg === KLEPP && g.callId !== 'import').grantId;
      for (const [grantId, org] of [
        [haaImported, HAA],
        [stavangerGrant, STAVANGER],
        [haaGrant, HAA],
      ]) {
        const g = list.find((x) => x.grantId === grantId);
        const token = await api.token({ role: 'school_owner', org });
        const coFinancing = g.years.map((y: any) => ({ year: y.year, money: y.coFinancingRequired, salary: 0, releasedTime: 0 }));
        expect((await post(`/grants/${grantId}/acceptance`, token, { coFinancing })).status).toBe(200);
      }
    });

    it('a run pays Stavanger, skips Hå (R15, overdue report) and Klepp (not accepted), and records itself', async () => {
      const since = await api.head();
      const r = await post('/payment-runs', governor, {
        scheme: 'DEKOMP',
        year: 2023,
        paidOn: '2023-05-02',
        grantIds: [stavangerGrant, haaGrant, unaccepted],
      });
      expect(r.status).toBe(201);
      run = r.body.run;
      expect(run.paid.map((p: any) => p.grantId)).toEqual([stavangerGrant]);
      expect(run.skipped).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ grantId: haaGrant, rule: 'R15' }),
          expect.objectContaining({ grantId: unaccepted, rule: 'acceptance' }),
        ]),
      );
      await api.expectNewEvents(since, ['GrantPaymentRecorded', 'PaymentRunRecorded']);
    });

    it('the accounting file has one row per payment and sums to what was paid; reproducible with asOf', async () => {
      const file = await get(`/payment-runs/${run.runId}/file?bom=true`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = (file.body as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('orgNumber;name;amount;grantId;reference');
      expect(lines).toHaveLength(2);
      expect(sum(lines.slice(1).map((l) => Number(l.split(';')[2])))).toBe(run.total);
      const grant = (await get(`/grants/${stavangerGrant}`)).body;
      expect(grant.years.find((y: any) => y.year === 2023).paid).toBe(run.total);
      const then = await api.get(`/payment-runs/${run.runId}/file?bom=true&asOf=${last}`, governor);
      expect(then.body).toBe(file.body);
      expect((await api.get(`/payment-runs/${run.runId}/file?asOf=${last - 1}`, governor)).status).toBe(404);
    });

    it("R26: the office sets its own deadline; one recipient's extension with a reason lifts the R15 block", async () => {
      const set = await post('/frames/ROGALAND/DEKOMP/report-deadlines', governor, {
        year: 2023,
        deadline: '2024-02-01',
        reason: 'Our own deadline',
      });
      expect(set.status).toBe(200);
      expect((await get(`/grants/${stavangerGrant}`)).body.years.find((y: any) => y.year === 2023).reportDeadline).toBe('2024-02-01');
      const early = await post(`/grants/${haaImported}/report-deadline-extensions`, governor, {
        year: 2022,
        deadline: '2023-01-01',
        reason: 'x',
      });
      expect(early.status).toBe(422);
      const ext = await post(`/grants/${haaImported}/report-deadline-extensions`, governor, {
        year: 2022,
        deadline: '2023-06-01',
        reason: 'Illness in the project group',
      });
      expect(ext.status).toBe(200);
      const again = await post('/payment-runs', governor, { scheme: 'DEKOMP', year: 2023, grantIds: [haaGrant] });
      expect(again.body.run).toMatchObject({ paid: [expect.objectContaining({ grantId: haaGrant })], skipped: [] });
    });
  });

  describe('a recommendation of 230 measures sent in parts (the real forum API)', () => {
    const F = 'rogaland-11';
    const R = `${F}--rogaland-dekomp-2024`;
    const text = (n: number, what: string) => `${what} ${n}: `.padEnd(320, 'lærere og ledere ved skolene arbeider sammen om ');
    const rec = (i: number) => {
      const m = MEASURES.get(`f-${String(i).padStart(3, '0')}`)!;
      return {
        ...{
          measureId: m.measureId,
          participants: text(i, 'Deltakere'),
          startYear: 2024,
          spanYears: m.spanYears,
          criteria: text(i, 'Kriterier'),
        },
        ...{
          cooperatingOwners: m.owners,
          cooperatingUniversities: [UIS],
          amounts: [{ recipientOrg: m.owners[0], year: 2024, amount: 100_000 + i }],
        },
      };
    };

    it('a forum, its members and a meeting, and the 2024 call', async () => {
      expect((await post('/calls', governor, { scheme: 'DEKOMP', year: 2024, title: 'DEKOMP 2024' })).status).toBe(201);
      expect((await post('/forums', governor, { name: 'Samarbeidsforum', counties: ['11'] })).status).toBe(201);
      for (const body of [
        { orgNumber: STAVANGER, category: 'school_owner_public' },
        { orgNumber: UIS, category: 'university' },
        { name: 'KS', category: 'ks' },
        { name: 'Union', category: 'teacher_union' },
      ]) {
        expect((await post(`/forums/${F}/members`, governor, { joinedOn: '2023-01-01', ...body })).status).toBe(200);
      }
      expect(
        (
          await post(`/forums/${F}/meetings`, governor, {
            date: '2023-04-12',
            agenda: ['Innstilling'],
            minutesSummary: 'Agreed.',
            presentMemberIds: ['M1', 'M2', 'M3', 'M4'],
          })
        ).status,
      ).toBe(200);
    });

    it('a draft with five pages of 46 measures; a page of 51 is refused (400) and a measure named twice (422)', async () => {
      const start = await post(`/forums/${F}/recommendation-drafts`, governor, {
        callId: 'rogaland-dekomp-2024',
        meetingId: 'MT1',
        outcome: 'consensus',
      });
      expect(start.status).toBe(201);
      expect(start.headers.get('location')).toBe(`/recommendation-drafts/${R}`);
      const tooBig = await post(`/recommendation-drafts/${R}/measures`, governor, {
        measures: Array.from({ length: 51 }, (_, k) => rec(k + 1)),
      });
      expect(tooBig.status).toBe(400);
      for (let page = 0; page < 5; page++) {
        const r = await post(`/recommendation-drafts/${R}/measures`, governor, {
          measures: Array.from({ length: 46 }, (_, k) => rec(page * 46 + k + 1)),
        });
        expect([page, r.status]).toEqual([page, 200]);
      }
      const twice = await post(`/recommendation-drafts/${R}/measures`, governor, { measures: [rec(7)] });
      expect(twice.status).toBe(422);
      expect(twice.body.errors).toEqual([expect.objectContaining({ rule: 'R13', field: 'measures[0].measureId' })]);
      expect((await get(`/recommendation-drafts/${R}`)).body).toMatchObject({ status: 'draft', count: 230 });
    });

    it('R13 is checked at publication over all lines: a replaced measure without criteria is named; fixed, removed one, published', async () => {
      const { criteria: _, ...noCriteria } = rec(100);
      expect(
        (await api.request('PUT', `/recommendation-drafts/${R}/measures/f-100`, { token: governor, body: { measure: noCriteria } })).status,
      ).toBe(200);
      const since = await api.head();
      const refused = await post(`/recommendation-drafts/${R}/publication`, governor);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ rule: 'R13', field: 'measures[99].criteria' })]);
      await api.expectNewEvents(since, []);
      expect(
        (await api.request('PUT', `/recommendation-drafts/${R}/measures/f-100`, { token: governor, body: { measure: rec(100) } })).status,
      ).toBe(200);
      expect((await api.request('DELETE', `/recommendation-drafts/${R}/measures/f-230`, { token: governor })).status).toBe(200);
      const published = await post(`/recommendation-drafts/${R}/publication`, governor);
      expect(published.status).toBe(201);
      expect(published.headers.get('location')).toBe(`/recommendations/${R}`);
      const read = await get(`/recommendations/${R}`);
      expect(read.body).toMatchObject({ status: 'published', published: true });
      expect(read.body.measures).toHaveLength(229);
      expect(read.body.measures[99]).toMatchObject({ priority: 100, measureId: 'f-100' });
    });
  });
});
