import { orgNumberWithCheckDigit } from '#libs/reference-data';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type ApiResponse, type TestApi } from '../support/api.js';

/**
 * Issue #15, "Done when": a complete owner to-do list through a year, through the real HTTP API and the real ports:
 * Sandnes, a network owner in Stavanger's needs assessment, confirms its part, gets a grant, accepts it with its
 * co-financing, sees the appeal window close, and reports late — the whole list checked at each step; the
 * university's request to answer; the governor's and the ministry's lists.
 */
const backends = await testBackends('todos api');

const Y = Number(new Date().toISOString().slice(0, 4)) + 1;
const CALL = `rogaland-dekomp-${Y}`;
const STAVANGER = '964965226';
const SANDNES = orgNumberWithCheckDigit('96496513');
const UIS = '971564679';
const OTHER_OFFICES = 9;

describe.each(backends)('to-do lists through a year on %s', (backend: BackendName) => {
  let api: TestApi;
  const t: Record<'ministry' | 'governor' | 'stavanger' | 'sandnes' | 'uis', string> = {} as never;
  const ids = { assessment: '', measure: '', grant: '' };
  let last = 0;

  const track = (r: ApiResponse) => {
    const p = (r.body as { position?: unknown } | undefined)?.position;
    if (typeof p === 'number') last = Math.max(last, p);
    return r;
  };
  const ok = async (r: Promise<ApiResponse>, status = 200) => {
    const res = track(await r);
    expect([res.status, res.body]).toEqual([status, expect.anything()]);
    return res;
  };
  const post = (path: string, who: keyof typeof t, body: unknown = {}, status = 200) => ok(api.post(path, t[who], body), status);
  const put = (path: string, who: keyof typeof t, body: unknown) => ok(api.request('PUT', path, { token: t[who], body }));
  /** The caller's whole list, once the read model has every write so far. */
  const todos = async (who: keyof typeof t) => {
    const r = await api.get(`/todos?minPosition=${last}`, t[who]);
    expect(r.status).toBe(200);
    return r.body.items as Array<{ kind: string; about: Record<string, unknown>; due: string | null; overdue: boolean; link: string }>;
  };

  beforeAll(async () => {
    api = await startTestApi(backend);
    t.ministry = await api.token({ role: 'ministry', org: '972417750' });
    t.governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    t.stavanger = await api.token({ role: 'school_owner', org: STAVANGER });
    t.sandnes = await api.token({ role: 'school_owner', org: SANDNES });
    t.uis = await api.token({ role: 'university', org: UIS });
    for (const o of [
      { orgNumber: STAVANGER, name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' },
      { orgNumber: SANDNES, name: 'Sandnes kommune', kind: 'municipality', municipalityNumber: '1108' },
      { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
    ])
      await post('/organisations', 'ministry', o, 201);
    await post('/frames', 'ministry', { office: 'ROGALAND', scheme: 'DEKOMP', year: Y, amount: 1_000_000 }, 201);
    await post(
      '/calls',
      'governor',
      { scheme: 'DEKOMP', year: Y, title: `Behovsmelding ${Y}`, deadline: `${Y}-02-01`, decisionDate: `${Y}-04-30` },
      201,
    );
  });
  afterAll(async () => {
    api?.clock.fix(null);
    await api?.close();
  });

  it('1. invited into a network, Sandnes confirms its part (R10): on its list until it does, due by the call deadline', async () => {
    expect(await todos('sandnes')).toEqual([]);
    ids.assessment = (await post('/needs-assessments', 'stavanger', { callId: CALL, title: 'Jæren-nettverket' }, 201)).body.id;
    await put(`/needs-assessments/${ids.assessment}/content`, 'stavanger', {
      title: 'Jæren-nettverket',
      summary: 'Analysis of national tests and the pupil survey',
      anchoring: {
        staffInvolvement: 'Workshops in every school',
        leaderInvolvement: 'The principals analysed the results',
        universityParticipation: 'The university took part in the analysis',
        plans: [`Kompetanseplan ${Y}`],
      },
      themes: { goals: ['basic_skills'], tags: ['lesing'] },
    });
    await post(`/needs-assessments/${ids.assessment}/network-owners`, 'stavanger', { orgNumber: SANDNES });
    const confirm = (revision: number) => ({
      kind: 'confirm_network_part',
      about: { assessmentId: ids.assessment, title: 'Jæren-nettverket', callId: CALL, revision },
      due: `${Y}-02-01`,
      overdue: false,
      link: `/needs-assessments/${ids.assessment}/confirmations`,
    });
    expect(await todos('sandnes')).toEqual([confirm(3)]);
    // The lead confirms by submitting: nothing on its own list.
    expect(await todos('stavanger')).toEqual([]);

    ids.measure = (
      await post(`/needs-assessments/${ids.assessment}/measures`, 'stavanger', {
        title: 'Lesing i alle fag',
        description: 'Collective, school-based development',
        targetGroup: 'teachers, years 1–10',
        schools: ['Skole A'],
        participants: { teachers: 40, leaders: 4, otherStaff: 2 },
        startYear: Y,
        spanYears: 1,
        universityOrg: UIS,
      })
    ).body.measureId;
    // R10: each owner sets its own money lines.
    for (const [who, org, amount] of [
      ['stavanger', STAVANGER, 300_000],
      ['sandnes', SANDNES, 200_000],
    ] as const)
      await put(`/needs-assessments/${ids.assessment}/measures/${ids.measure}/lines/${org}`, who, {
        budget: [{ year: Y, category: 'implementation', amount }],
        coFinancing: [{ year: Y, amount: (amount * 3) / 10, form: 'salary' }],
      });
    const [item] = await todos('sandnes');
    expect(item).toMatchObject({ kind: 'confirm_network_part', about: { assessmentId: ids.assessment } });
    expect(item.about.revision).toBeGreaterThan(3);

    await post(`/needs-assessments/${ids.assessment}/confirmations`, 'sandnes');
    expect(await todos('sandnes')).toEqual([]);
  });

  it('2. the university answers the request that names it (R3): on its list until it commits', async () => {
    expect(await todos('uis')).toEqual([
      {
        kind: 'answer_partnership',
        about: {
          measureId: ids.measure,
          measureTitle: 'Lesing i alle fag',
          assessmentId: ids.assessment,
          leadOwner: STAVANGER,
          leadOwnerName: 'Stavanger kommune',
          callId: CALL,
        },
        due: null,
        overdue: false,
        link: `/partnerships/${ids.measure}`,
      },
    ]);
    await post(`/partnerships/${ids.measure}/commitment`, 'uis', {
      competenceAreas: ['lesing'],
      capacityHoursPerYear: 200,
      fromYear: Y,
      toYear: Y,
      contactRole: 'førsteamanuensis',
    });
    expect(await todos('uis')).toEqual([]);
    await post(`/needs-assessments/${ids.assessment}/submission`, 'stavanger');
  });

  it('3. the governor reviews the call until its decision date (R14); decided, the item is gone', async () => {
    api.clock.fix(`${Y}-04-20`);
    expect(await todos('governor')).toEqual([
      {
        kind: 'review_inbox',
        about: { callId: CALL, title: `Behovsmelding ${Y}`, assessments: 1, late: 0, undecidedMeasures: [ids.measure] },
        due: `${Y}-04-30`,
        overdue: false,
        link: `/needs-assessments/inbox?callId=${CALL}`,
      },
    ]);
  });

  it('4. a grant decided: answer it (accept), commit co-financing (R7), and the appeal window of the letter (R22, R23)', async () => {
    ids.grant = (
      await post(
        '/grants',
        'governor',
        { scheme: 'DEKOMP', year: Y, measureId: ids.measure, recipientOrg: SANDNES, amounts: [{ year: Y, amount: 200_000 }] },
        201,
      )
    ).body.id;
    const about = { grantId: ids.grant, measureId: ids.measure, measureTitle: 'Lesing i alle fag', callId: CALL };
    const window = {
      kind: 'appeal_window',
      about: { grantId: ids.grant, letter: 1, letterKind: 'decision', letterDate: `${Y}-04-20`, measureTitle: 'Lesing i alle fag' },
      due: `${Y}-05-11`,
      overdue: false,
      link: '/appeals',
    };
    expect(await todos('sandnes')).toEqual([
      window,
      { kind: 'accept_grant', about, due: null, overdue: false, link: `/grants/${ids.grant}/acceptance` },
      {
        kind: 'commit_co_financing',
        about: { ...about, coFinancingRequired: 60_000 },
        due: null,
        overdue: false,
        link: `/grants/${ids.grant}/acceptance`,
      },
    ]);
    // The measure has a decision: nothing of the call waits for the governor any more.
    expect(await todos('governor')).toEqual([]);

    await post(`/grants/${ids.grant}/acceptance`, 'sandnes', { coFinancing: [{ year: Y, money: 0, salary: 60_000, releasedTime: 0 }] });
    expect(await todos('sandnes')).toEqual([window]);
  });

  it('5. three weeks after the letter the appeal window is closed; nothing to do until the report falls due', async () => {
    api.clock.fix(`${Y}-05-11`);
    expect((await todos('sandnes')).map((i) => i.kind)).toEqual(['appeal_window']);
    api.clock.fix(`${Y}-05-12`);
    expect(await todos('sandnes')).toEqual([]);
    api.clock.fix(`${Y}-12-31`);
    expect(await todos('sandnes')).toEqual([]);
  });

  const report = () => ({
    kind: 'submit_report',
    about: {
      reportId: `${ids.grant}.${Y}`,
      scheme: 'DEKOMP',
      year: Y,
      recipientOrg: SANDNES,
      recipientName: 'Sandnes kommune',
      grantId: ids.grant,
      measureTitle: 'Lesing i alle fag',
    },
    due: `${Y + 1}-01-15`,
    link: `/grants/${ids.grant}/reports`,
  });

  it('6. the report is due 14 days before its deadline (R26), then overdue; the governor and the ministry see it overdue (R15)', async () => {
    api.clock.fix(`${Y + 1}-01-01`);
    expect(await todos('sandnes')).toEqual([{ ...report(), overdue: false }]);
    expect(await todos('governor')).toEqual([]);

    api.clock.fix(`${Y + 1}-01-16`);
    expect(await todos('sandnes')).toEqual([{ ...report(), overdue: true }]);
    const { kind: _, ...overdue } = { ...report(), overdue: true };
    expect(await todos('governor')).toEqual([{ ...overdue, kind: 'report_overdue' }]);
    const ministry = await todos('ministry');
    expect(ministry.filter((i) => i.kind !== 'set_frame')).toEqual([
      {
        kind: 'office_reports_overdue',
        about: { office: 'ROGALAND', officeName: 'Statsforvalteren i Rogaland', reports: 1, reportIds: [`${ids.grant}.${Y}`] },
        due: `${Y + 1}-01-15`,
        overdue: true,
        link: '/governor/overview?office=ROGALAND',
      },
    ]);
    // Offices without a frame for the year the ministry is setting frames for.
    const frames = ministry.filter((i) => i.kind === 'set_frame');
    expect(frames).toHaveLength(OTHER_OFFICES);
    expect(frames.every((i) => i.about.year === Y && i.about.scheme === 'DEKOMP' && i.about.office !== 'ROGALAND')).toBe(true);
  });

  it('7. the report submitted: every list is empty of it; ?asOf= shows the list as it stood', async () => {
    const before = last;
    await post(`/grants/${ids.grant}/reports`, 'sandnes', {
      year: Y,
      spent: 0,
      unspent: 0,
      coFinancingProvided: { money: 0, salary: 60_000, releasedTime: 0 },
      participants: [{ role: 'teacher', count: 40 }],
      evaluation: 'Reading in all subjects took root.',
    });
    expect(await todos('sandnes')).toEqual([]);
    expect(await todos('governor')).toEqual([]);
    expect((await todos('ministry')).filter((i) => i.kind !== 'set_frame')).toEqual([]);
    const asOf = await api.get(`/todos?asOf=${before}`, t.sandnes);
    expect(asOf.body.items).toEqual([{ ...report(), overdue: true }]);
  });
});
