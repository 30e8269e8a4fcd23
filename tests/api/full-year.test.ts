import type { ServiceClock } from '#libs/kernel';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type ApiResponse, type TestApi } from '../support/api.js';
import {
  FRISKOLE,
  MINISTRY_ORG,
  ORGANISATIONS,
  SANDNES,
  SOLA,
  STAVANGER,
  UIA,
  UIS,
  YearBook,
  minimumCoFinancing,
  osloDate,
  reportDeadline,
  type Forms,
} from '../support/year-fixture.js';

/**
 * Issue #4, "Done when": one full DEKOMP year for the Rogaland governor office through the real HTTP API, with
 * the real MEASURE_CATALOG and RECOMMENDATION_LOOKUP (no test doubles): frames, the call, needs assessments (one
 * network, one late), partnerships (a decline and a replacement outside the region), the forum and its
 * recommendation, decisions (one multi-year, one deviating, one amended), acceptance, payments, reports,
 * approval, a repayment claim and its settlement — then every total in the governor's and the ministry's read
 * models, computed here from the amounts the test sent.
 *
 * Dates: the service's one clock (CLOCK, `api.clock`) is moved through the year once the needs assessments are in. The needs-assessment
 * capability reads the wall clock, so the decision year is next year (its deadline of 1 February lies ahead), and
 * the one late submission (R14) is produced through the API: the call opens with a deadline that passed
 * yesterday, one owner submits (late), and the governor then extends the deadline with a reason before the others
 * submit.
 */
const backends = await testBackends('full year');

const Y = Number(osloDate().slice(0, 4)) + 1;
const CALL = `rogaland-dekomp-${Y}`;
const FORUM = 'rogaland-11';
const REC = `${FORUM}--${CALL}`;
const grantOf = (measureId: string, org: string) => `ROGALAND.DEKOMP.${measureId}.${org}`;
/** The measures' titles as their owners send them (step 2), which the grants' views show beside the measure ids. */
const TITLES = { m1: 'Lesing i alle fag', m2: 'Matematikk på barnetrinnet', m3: 'Vurdering for læring' } as const;
/** The service lists by decision year, recipient and measure; the book by grant id: compare in one order. */
const byGrant = <T extends { grantId: string; year: number }>(xs: T[]) =>
  [...xs].sort((a, b) => a.grantId.localeCompare(b.grantId) || a.year - b.year);

const content = (title: string) => ({
  title,
  summary: 'Analysis of national tests, the pupil survey and staff surveys in every school',
  anchoring: {
    staffInvolvement: 'Workshops with the staff of every school',
    leaderInvolvement: 'The principals analysed the results in their network',
    universityParticipation: 'The university took part in the analysis and the priorities',
    plans: [`Kompetanseplan ${Y}–${Y + 3}`],
  },
  themes: { goals: ['basic_skills'], tags: ['lesing'] },
});
const measure = (title: string, universityOrg: string, spanYears: number) => ({
  title,
  description: `${title}: collective, school-based development`,
  targetGroup: 'teachers and school leaders, years 1–10',
  schools: ['Skole A', 'Skole B'],
  participants: { teachers: 80, leaders: 8, otherStaff: 4 },
  startYear: Y,
  spanYears,
  universityOrg,
});

/** The forum's recommendation (R13), per measure: recipients and money per year. */
const RECOMMENDED = {
  m1: { [STAVANGER]: { [Y]: 400_000, [Y + 1]: 300_000, [Y + 2]: 200_000 }, [SANDNES]: { [Y]: 200_000 }, [UIS]: { [Y]: 150_000 } },
  m2: { [SOLA]: { [Y]: 250_000 }, [UIA]: { [Y]: 100_000 } },
  m3: { [FRISKOLE]: { [Y]: 120_000 } },
} as Record<'m1' | 'm2' | 'm3', Record<string, Record<number, number>>>;

describe.each(backends)('one full DEKOMP year for Rogaland on %s', (backend: BackendName) => {
  let api: TestApi;
  let clock: ServiceClock;
  const t: Record<string, string> = {};
  const book = new YearBook();
  const ids = { a1: '', a2: '', a3: '', m1: '', m2: '', m3: '' };
  let last = 0;
  const started = Date.now();

  /** Every command remembers its global position; every read waits for the last one (?minPosition=). */
  const track = <T>(r: ApiResponse<T>) => {
    const p = (r.body as { position?: unknown } | undefined)?.position;
    if (typeof p === 'number') last = Math.max(last, p);
    return r;
  };
  const post = async (path: string, token: string, body: unknown = {}) => track(await api.post(path, token, body));
  const put = async (path: string, token: string, body: unknown) => track(await api.request('PUT', path, { token, body }));
  const get = (path: string, token: string) => api.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`, token);
  const ok = async (r: Promise<ApiResponse> | ApiResponse, status = 200) => {
    const res = await r;
    expect([res.status, res.body]).toEqual([status, expect.anything()]);
    return res;
  };
  /**
   * Commands that look facts up in other capabilities' read models (the measure catalog, the partnership answers,
   * the recommendation lookup, the call's decision date) read them without waiting; a read with ?minPosition= of
   * the last write first lets every read model catch up, as a client following the API's read-your-writes would.
   */
  const caughtUp = async () => ok(get('/calls', t.governor));

  beforeAll(async () => {
    api = await startTestApi(backend);
    clock = api.clock;
    t.ministry = await api.token({ role: 'ministry', org: MINISTRY_ORG });
    t.governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    t.agder = await api.token({ role: 'governor', office: 'AGDER' });
    for (const [name, org] of Object.entries({ stavanger: STAVANGER, sandnes: SANDNES, sola: SOLA, friskole: FRISKOLE }))
      t[name] = await api.token({ role: 'school_owner', org });
    t.uis = await api.token({ role: 'university', org: UIS });
    t.uia = await api.token({ role: 'university', org: UIA });
  });
  afterAll(async () => {
    clock?.fix(null);
    await api?.close();
    console.log(`[full year] ${backend}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('1. the ministry registers the organisations and sets the frames for the decision year and the next two (R9, R19)', async () => {
    for (const o of ORGANISATIONS) await ok(post('/organisations', t.ministry, o), 201);
    const registered = await get('/organisations?office=ROGALAND', t.governor);
    expect(registered.body.map((o: { orgNumber: string }) => o.orgNumber).sort()).toEqual([STAVANGER, SANDNES, SOLA, FRISKOLE, UIS].sort());
    expect((await get(`/organisations/${UIA}`, t.governor)).body).toMatchObject({ kind: 'university', office: 'AGDER' });

    for (const [year, amount] of [
      [Y, 2_000_000],
      [Y + 1, 1_500_000],
      [Y + 2, 1_200_000],
    ] as const) {
      await ok(post('/frames', t.ministry, { office: 'ROGALAND', scheme: 'DEKOMP', year, amount }), 201);
      book.setFrame('ROGALAND', year, amount);
    }
    // Another office's frame: the ministry sees both, each governor only its own (R20).
    await ok(post('/frames', t.ministry, { office: 'AGDER', scheme: 'DEKOMP', year: Y, amount: 900_000 }), 201);
    book.setFrame('AGDER', Y, 900_000);
  });

  it('2. the governor opens the call; one owner submits late (R14); owners draft, plan money, confirm as a network (R10) and submit; universities commit, decline and are replaced (R3)', async () => {
    // The deadline passed yesterday: the private owner's submission is accepted and marked late.
    await ok(
      post('/calls', t.governor, {
        scheme: 'DEKOMP',
        year: Y,
        title: `Behovsmelding ${Y}`,
        deadline: osloDate(-1),
        decisionDate: `${Y}-04-30`,
      }),
      201,
    );
    const a3 = await ok(post('/needs-assessments', t.friskole, { callId: CALL, title: 'Behovsmelding Rogaland friskole' }), 201);
    ids.a3 = a3.body.id;
    await ok(put(`/needs-assessments/${ids.a3}/content`, t.friskole, content('Behovsmelding Rogaland friskole')));
    ids.m3 = (await ok(post(`/needs-assessments/${ids.a3}/measures`, t.friskole, measure(TITLES.m3, UIS, 1)))).body.measureId;
    await ok(
      put(`/needs-assessments/${ids.a3}/measures/${ids.m3}/lines/${FRISKOLE}`, t.friskole, {
        budget: [{ year: Y, category: 'implementation', amount: 120_000 }],
        coFinancing: [{ year: Y, amount: 36_000, form: 'money' }],
      }),
    );
    const late = await ok(post(`/needs-assessments/${ids.a3}/submission`, t.friskole));
    expect(late.body.warnings).toEqual([]);
    await ok(
      post(`/calls/${CALL}/deadline-extensions`, t.governor, {
        deadline: `${Y}-02-01`,
        reason: 'The call went out late; owners get until 1 February',
      }),
    );

    // The network: Stavanger leads, Sandnes keeps its own lines and confirms its own part with its own token (R10).
    ids.a1 = (await ok(post('/needs-assessments', t.stavanger, { callId: CALL, title: 'Behovsmelding Jæren-nettverket' }), 201)).body.id;
    await ok(put(`/needs-assessments/${ids.a1}/content`, t.stavanger, content('Behovsmelding Jæren-nettverket')));
    await ok(post(`/needs-assessments/${ids.a1}/network-owners`, t.stavanger, { orgNumber: SANDNES }));
    ids.m1 = (await ok(post(`/needs-assessments/${ids.a1}/measures`, t.stavanger, measure(TITLES.m1, UIS, 3)))).body.measureId;
    const stavangerLines = {
      budget: [Y, Y + 1, Y + 2].map((year) => ({ year, category: 'implementation', amount: RECOMMENDED.m1[STAVANGER][year] })),
      coFinancing: [Y, Y + 1, Y + 2].map((year) => ({
        year,
        amount: minimumCoFinancing(RECOMMENDED.m1[STAVANGER][year]),
        form: 'released_time',
      })),
    };
    expect(
      (await ok(put(`/needs-assessments/${ids.a1}/measures/${ids.m1}/lines/${STAVANGER}`, t.stavanger, stavangerLines))).body.warnings,
    ).toEqual([]);
    const sandnesLines = {
      budget: [
        { year: Y, category: 'planning', amount: 20_000 },
        { year: Y, category: 'implementation', amount: 180_000 },
      ],
      coFinancing: [{ year: Y, amount: 60_000, form: 'salary' }],
    };
    expect(
      (
        await api.request('PUT', `/needs-assessments/${ids.a1}/measures/${ids.m1}/lines/${SANDNES}`, {
          token: t.stavanger,
          body: sandnesLines,
        })
      ).status,
    ).toBe(403);
    await ok(put(`/needs-assessments/${ids.a1}/measures/${ids.m1}/lines/${SANDNES}`, t.sandnes, sandnesLines));
    await ok(
      put(`/needs-assessments/${ids.a1}/measures/${ids.m1}/lines/${UIS}`, t.stavanger, {
        budget: [{ year: Y, category: 'implementation', amount: 150_000 }],
        coFinancing: [],
      }),
    );
    const unconfirmed = await api.post(`/needs-assessments/${ids.a1}/submission`, t.stavanger);
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.errors).toEqual([expect.objectContaining({ rule: 'R10', field: `network.${SANDNES}` })]);
    await ok(post(`/needs-assessments/${ids.a1}/confirmations`, t.sandnes));
    expect((await ok(post(`/needs-assessments/${ids.a1}/submission`, t.stavanger))).body.warnings).toEqual([]);

    // Sola: the local university declines; Sola names the University of Agder, outside the region (R3: a warning).
    ids.a2 = (await ok(post('/needs-assessments', t.sola, { callId: CALL, title: 'Behovsmelding Sola' }), 201)).body.id;
    await ok(put(`/needs-assessments/${ids.a2}/content`, t.sola, content('Behovsmelding Sola')));
    ids.m2 = (await ok(post(`/needs-assessments/${ids.a2}/measures`, t.sola, measure(TITLES.m2, UIS, 1)))).body.measureId;
    await caughtUp();
    const requests = await get('/partnerships', t.uis);
    expect(requests.body.map((p: { measureId: string }) => p.measureId).sort()).toEqual([ids.m1, ids.m2, ids.m3].sort());
    await ok(
      post(`/partnerships/${ids.m2}/decline`, t.uis, {
        reason: 'capacity',
        explanation: `All mathematics staff are committed to other measures in ${Y}`,
      }),
    );
    const replaced = await ok(
      post(`/needs-assessments/${ids.a2}/measures/${ids.m2}/university-replacement`, t.sola, {
        universityOrg: UIA,
        reason: 'UiS lacks capacity in mathematics',
      }),
    );
    expect(replaced.body.warnings).toEqual([expect.objectContaining({ rule: 'R3', field: 'measures[0].university' })]);
    await ok(
      put(`/needs-assessments/${ids.a2}/measures/${ids.m2}/lines/${SOLA}`, t.sola, {
        budget: [
          { year: Y, category: 'implementation', amount: 230_000 },
          { year: Y, category: 'coordinator', amount: 20_000 },
        ],
        coFinancing: [{ year: Y, amount: 75_000, form: 'released_time' }],
      }),
    );
    await ok(
      put(`/needs-assessments/${ids.a2}/measures/${ids.m2}/lines/${UIA}`, t.sola, {
        budget: [{ year: Y, category: 'implementation', amount: 100_000 }],
        coFinancing: [],
      }),
    );
    const solaSubmitted = await ok(post(`/needs-assessments/${ids.a2}/submission`, t.sola));
    expect(solaSubmitted.body.warnings).toEqual([expect.objectContaining({ rule: 'R3' })]);

    // Universities commit for the span of each measure.
    await caughtUp();
    const commit = (fromYear: number, toYear: number) => ({
      competenceAreas: ['lesing', 'vurdering'],
      capacityHoursPerYear: 300,
      fromYear,
      toYear,
      contactRole: 'førsteamanuensis',
    });
    await ok(post(`/partnerships/${ids.m1}/commitment`, t.uis, commit(Y, Y + 2)));
    await ok(post(`/partnerships/${ids.m3}/commitment`, t.uis, commit(Y, Y)));
    expect((await api.post(`/partnerships/${ids.m2}/commitment`, t.uis, commit(Y, Y))).status).toBe(404);
    await ok(post(`/partnerships/${ids.m2}/commitment`, t.uia, commit(Y, Y)));

    const inbox = await get(`/needs-assessments/inbox?callId=${CALL}`, t.governor);
    const byId = (id: string) => inbox.body.find((a: { assessmentId: string }) => a.assessmentId === id);
    expect(inbox.body).toHaveLength(3);
    expect(byId(ids.a3)).toMatchObject({ leadOwner: FRISKOLE, status: 'submitted', late: true, network: false });
    expect(byId(ids.a1)).toMatchObject({ leadOwner: STAVANGER, status: 'submitted', late: false, network: true, deadline: `${Y}-02-01` });
    expect(byId(ids.a2)).toMatchObject({
      leadOwner: SOLA,
      status: 'submitted',
      late: false,
      warnings: [expect.objectContaining({ rule: 'R3' })],
    });
    // R10/R20: the network partner reads the network's assessment; its members and partners are as submitted.
    const network = await get(`/needs-assessments/${ids.a1}`, t.sandnes);
    expect(network.body.members).toEqual([
      expect.objectContaining({ org: STAVANGER, role: 'lead' }),
      expect.objectContaining({ org: SANDNES, role: 'network', confirmedCurrent: true }),
    ]);
    const partners = await get('/partnerships?status=committed', t.governor);
    expect(partners.body.map((p: { measureId: string; university: string }) => `${p.measureId}/${p.university}`).sort()).toEqual(
      [`${ids.m1}/${UIS}`, `${ids.m2}/${UIA}`, `${ids.m3}/${UIS}`].sort(),
    );
  });

  it('3. the governor creates the forum with every required category (R11), records a meeting and the consensus recommendation (R13), and publishes it', async () => {
    await ok(post('/forums', t.governor, { name: 'Samarbeidsforum Rogaland', counties: ['11'] }), 201);
    const joinedOn = `${Y}-01-15`;
    const members: string[] = [];
    for (const m of [
      { orgNumber: STAVANGER, category: 'school_owner_public' },
      { orgNumber: SOLA, category: 'school_owner_public' },
      { orgNumber: FRISKOLE, category: 'school_owner_private' },
      { orgNumber: UIS, category: 'university' },
      { name: 'KS Rogaland', category: 'ks' },
      { name: 'Utdanningsforbundet Rogaland', category: 'teacher_union' },
    ]) {
      members.push((await ok(post(`/forums/${FORUM}/members`, t.governor, { ...m, joinedOn }))).body.memberId);
    }
    const forum = await get(`/forums/${FORUM}?on=${Y}-03-10`, t.governor);
    expect(forum.body).toMatchObject({
      office: 'ROGALAND',
      missingCategories: [],
      membersByCategory: { school_owner_public: 2, school_owner_private: 1, university: 1, ks: 1, teacher_union: 1, other: 0 },
    });
    const meeting = await ok(
      post(`/forums/${FORUM}/meetings`, t.governor, {
        date: `${Y}-03-10`,
        agenda: [`Recommendation for DEKOMP ${Y}`],
        minutesSummary: 'The forum agreed on the priorities and the split of the money.',
        presentMemberIds: members,
      }),
    );

    await caughtUp();
    const amounts = (m: 'm1' | 'm2' | 'm3') =>
      Object.entries(RECOMMENDED[m]).flatMap(([recipientOrg, years]) =>
        Object.entries(years).map(([year, amount]) => ({ recipientOrg, year: Number(year), amount })),
      );
    const recommendation = await ok(
      post(`/forums/${FORUM}/recommendations`, t.governor, {
        callId: CALL,
        meetingId: meeting.body.meetingId,
        outcome: 'consensus',
        measures: [
          {
            measureId: ids.m1,
            participants: 'All teachers and leaders in 14 schools of Stavanger and Sandnes',
            startYear: Y,
            spanYears: 3,
            criteria: "Collective, school-based; rests on both owners' competence plans",
            cooperatingOwners: [STAVANGER, SANDNES],
            cooperatingUniversities: [UIS],
            amounts: amounts('m1'),
          },
          {
            measureId: ids.m2,
            participants: 'Mathematics teachers in 6 primary schools',
            startYear: Y,
            spanYears: 1,
            criteria: 'Collective development of mathematics teaching',
            cooperatingOwners: [SOLA],
            cooperatingUniversities: [UIA],
            amounts: amounts('m2'),
          },
          {
            measureId: ids.m3,
            participants: 'All staff of the private school',
            startYear: Y,
            spanYears: 1,
            criteria: 'Assessment for learning in the whole school',
            cooperatingOwners: [FRISKOLE],
            cooperatingUniversities: [UIS],
            amounts: amounts('m3'),
          },
        ],
      }),
      201,
    );
    expect(recommendation.body).toMatchObject({ id: REC, warnings: [] });
    await ok(post(`/recommendations/${REC}/publication`, t.governor));
    // R20: an owner of the office reads the published recommendation; a university it names too.
    for (const token of [t.sola, t.uia])
      expect((await get(`/recommendations/${REC}`, token)).body).toMatchObject({
        status: 'published',
        outcome: 'consensus',
        warnings: [],
        measures: [{ priority: 1, measureId: ids.m1 }, { priority: 2 }, { priority: 3 }],
      });
  });

  it('4. the governor decides per recipient, measure and year: a multi-year grant (R9), a deviation with its reason (R12), an amendment with its reason (R21)', async () => {
    clock.fix(`${Y}-04-20`);
    await caughtUp();
    const decide = async (
      m: 'm1' | 'm2' | 'm3',
      org: string,
      amounts: Array<{ year: number; amount: number }>,
      deviationReason?: string,
    ) => {
      const measureId = ids[m];
      const r = await ok(
        post('/grants', t.governor, {
          scheme: 'DEKOMP',
          year: Y,
          measureId,
          recipientOrg: org,
          amounts,
          ...(deviationReason ? { deviationReason } : {}),
        }),
        201,
      );
      expect(r.body).toMatchObject({ id: grantOf(measureId, org), warnings: [] });
      book.decide({
        grantId: r.body.id,
        measureId,
        measureTitle: TITLES[m],
        recipientOrg: org,
        decisionYear: Y,
        recommended: RECOMMENDED[m][org],
        amounts,
      });
      return r;
    };
    const asRecommended = (m: 'm1' | 'm2' | 'm3', org: string) =>
      Object.entries(RECOMMENDED[m][org]).map(([year, amount]) => ({ year: Number(year), amount }));

    await decide('m1', STAVANGER, asRecommended('m1', STAVANGER));
    const noReason = await api.post('/grants', t.governor, {
      scheme: 'DEKOMP',
      year: Y,
      measureId: ids.m1,
      recipientOrg: SANDNES,
      amounts: [{ year: Y, amount: 183_335 }],
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ rule: 'R12', field: 'deviationReason' })]);
    await decide('m1', SANDNES, [{ year: Y, amount: 183_335 }], 'Sandnes takes part with 7 of its 8 schools');
    await decide('m1', UIS, asRecommended('m1', UIS));
    const sola = await decide('m2', SOLA, asRecommended('m2', SOLA));
    await decide('m2', UIA, asRecommended('m2', UIA));
    await decide('m3', FRISKOLE, asRecommended('m3', FRISKOLE));

    const amendment = [{ year: Y, amount: 262_500 }];
    await ok(post(`/grants/${sola.body.id}/amendments`, t.governor, { amounts: amendment, reason: 'A seventh school joined the measure' }));
    book.amend(sola.body.id, amendment);

    const grant = await get(`/grants/${sola.body.id}`, t.governor);
    expect(grant.body).toMatchObject({
      basis: 'recommendation',
      recommendationId: REC,
      deviates: true,
      deviationReason: 'A seventh school joined the measure',
      amendments: 1,
      ruleSetVersion: expect.any(String),
    });
    expect(grant.body.years).toEqual([expect.objectContaining({ year: Y, recommended: 250_000, decided: 262_500 })]);
    const sandnes = await get(`/grants/${grantOf(ids.m1, SANDNES)}`, t.sandnes);
    expect(sandnes.body).toMatchObject({
      deviates: true,
      deviationReason: 'Sandnes takes part with 7 of its 8 schools',
      recipientKind: 'municipality',
    });
    const ledger = await get('/frames/ROGALAND/DEKOMP/history', t.ministry);
    expect(
      ledger.body
        .filter((h: { type: string }) => h.type === 'AllocationAmended')
        .map((h: { reason: string; actor: { role: string } }) => [h.reason, h.actor.role]),
    ).toEqual([['A seventh school joined the measure', 'governor']]);
  });

  it('5. recipients accept with co-financing of at least ceil(30 % × grant) per year (R7); below it is refused naming the minimum; universities commit none', async () => {
    clock.fix(`${Y}-05-10`);
    await caughtUp();
    const accept = async (grantId: string, token: string, coFinancing: Array<Forms & { year: number }>) => {
      await ok(post(`/grants/${grantId}/acceptance`, token, { coFinancing }));
      book.accept(grantId, coFinancing);
    };
    const sandnes = grantOf(ids.m1, SANDNES);
    const min = minimumCoFinancing(183_335);
    expect(min).toBe(55_001);
    const tooLittle = await api.post(`/grants/${sandnes}/acceptance`, t.sandnes, {
      coFinancing: [{ year: Y, money: min - 1, salary: 0, releasedTime: 0 }],
    });
    expect(tooLittle.status).toBe(422);
    expect(tooLittle.body.errors).toEqual([
      expect.objectContaining({ rule: 'R7', field: `coFinancing[year=${Y}]`, message: expect.stringContaining(`at least ${min} kroner`) }),
    ]);
    // Each owner accepts only its own grant, even within the network (R10, R20).
    expect(
      (await api.post(`/grants/${sandnes}/acceptance`, t.stavanger, { coFinancing: [{ year: Y, money: min, salary: 0, releasedTime: 0 }] }))
        .status,
    ).toBe(403);

    await accept(sandnes, t.sandnes, [{ year: Y, money: 30_000, salary: min - 30_000, releasedTime: 0 }]);
    await accept(grantOf(ids.m1, STAVANGER), t.stavanger, [
      { year: Y, money: 100_000, salary: 20_000, releasedTime: 0 },
      { year: Y + 1, money: 0, salary: 0, releasedTime: 90_000 },
      { year: Y + 2, money: 0, salary: 60_000, releasedTime: 0 },
    ]);
    await accept(grantOf(ids.m2, SOLA), t.sola, [{ year: Y, money: 0, salary: 0, releasedTime: 80_000 }]);
    await accept(grantOf(ids.m3, FRISKOLE), t.friskole, [{ year: Y, money: 36_000, salary: 0, releasedTime: 0 }]);
    await accept(grantOf(ids.m1, UIS), t.uis, []);
    await accept(grantOf(ids.m2, UIA), t.uia, []);
  });

  it('6. the governor pays; recipients report (R17 for universities; a co-financing shortfall, R7); an overdue report blocks a payment (R15); approval, a repayment claim and its settlement (R16)', async () => {
    const stavanger = grantOf(ids.m1, STAVANGER);
    const sandnes = grantOf(ids.m1, SANDNES);
    const sola = grantOf(ids.m2, SOLA);
    const pay = async (grantId: string, year: number, amount: number) => {
      const r = await ok(post(`/grants/${grantId}/payments`, t.governor, { year, amount }));
      book.pay(grantId, year, amount);
      return r;
    };
    clock.fix(`${Y}-06-15`);
    await caughtUp();
    await pay(stavanger, Y, 400_000);
    await pay(sandnes, Y, 183_335);
    await pay(grantOf(ids.m1, UIS), Y, 150_000);
    await pay(sola, Y, 150_000);
    await pay(grantOf(ids.m2, UIA), Y, 100_000);
    await pay(grantOf(ids.m3, FRISKOLE), Y, 120_000);
    clock.fix(`${Y}-09-01`);
    await pay(sola, Y, 112_500);

    const report = async (
      grantId: string,
      token: string,
      body: { spent: number; unspent: number; coFinancingProvided: Forms; teacherEducationFeedback?: string },
    ) => {
      const r = await ok(
        post(`/grants/${grantId}/reports`, token, {
          year: Y,
          participants: [
            { role: 'teacher', count: 60 },
            { role: 'school_leader', count: 6 },
          ],
          evaluation: 'The measure took root in most schools.',
          ...body,
        }),
      );
      book.report(grantId, Y, body.coFinancingProvided, clock.today());
      return r;
    };
    clock.fix(`${Y + 1}-01-10`);
    const short = await report(sandnes, t.sandnes, {
      spent: 183_335,
      unspent: 0,
      coFinancingProvided: { money: 30_000, salary: 20_000, releasedTime: 0 },
    });
    expect(short.body.warnings).toEqual([expect.objectContaining({ rule: 'R7', message: expect.stringMatching(/shortfall/) })]);
    await report(sola, t.sola, { spent: 262_500, unspent: 0, coFinancingProvided: { money: 0, salary: 0, releasedTime: 80_000 } });
    const noFeedback = await api.post(`/grants/${grantOf(ids.m1, UIS)}/reports`, t.uis, {
      year: Y,
      spent: 150_000,
      unspent: 0,
      coFinancingProvided: { money: 0, salary: 0, releasedTime: 0 },
      participants: [],
      evaluation: 'Good.',
    });
    expect(noFeedback.status).toBe(422);
    expect(noFeedback.body.errors).toEqual([expect.objectContaining({ rule: 'R17', field: 'teacherEducationFeedback' })]);
    await report(grantOf(ids.m1, UIS), t.uis, {
      spent: 150_000,
      unspent: 0,
      coFinancingProvided: { money: 0, salary: 0, releasedTime: 0 },
      teacherEducationFeedback: 'Cases from the schools are now used in the master course on reading.',
    });
    await report(grantOf(ids.m2, UIA), t.uia, {
      spent: 100_000,
      unspent: 0,
      coFinancingProvided: { money: 0, salary: 0, releasedTime: 0 },
      teacherEducationFeedback: 'The mathematics didactics course uses the lesson studies.',
    });

    // R15: Stavanger's report for Y is overdue: the governor cannot pay its next year's money until it arrives.
    clock.fix(`${Y + 1}-01-20`);
    await caughtUp();
    const blocked = await api.post(`/grants/${stavanger}/payments`, t.governor, { year: Y + 1, amount: 150_000 });
    expect(blocked.status).toBe(422);
    expect(blocked.body.errors).toEqual([expect.objectContaining({ rule: 'R15', message: expect.stringContaining(reportDeadline(Y)) })]);
    const whileOverdue = await get(`/governor/overview?scheme=DEKOMP&year=${Y}`, t.governor);
    expect(byGrant(whileOverdue.body.overdue)).toEqual(book.overdue('ROGALAND', clock.today()));
    expect(whileOverdue.body.overdue.map((o: { recipientOrg: string }) => o.recipientOrg).sort()).toEqual([STAVANGER, FRISKOLE].sort());

    clock.fix(`${Y + 1}-01-22`);
    const lateReport = await report(stavanger, t.stavanger, {
      spent: 380_000,
      unspent: 20_000,
      coFinancingProvided: { money: 100_000, salary: 20_000, releasedTime: 5_000 },
    });
    expect(lateReport.body.warnings).toEqual([expect.objectContaining({ rule: 'R15' })]);
    await pay(stavanger, Y + 1, 150_000);

    clock.fix(`${Y + 1}-02-01`);
    for (const grantId of [stavanger, sola, grantOf(ids.m1, UIS), grantOf(ids.m2, UIA)]) {
      await ok(post(`/grants/${grantId}/reports/${Y}/approval`, t.governor));
      book.approve(grantId, Y);
    }
    const claim = await ok(
      post(`/grants/${stavanger}/repayment-claims`, t.governor, { year: Y, amount: 20_000, reason: 'Unspent money from the first year' }),
    );
    book.claim(stavanger, Y, 20_000);
    clock.fix(`${Y + 1}-02-20`);
    await ok(post(`/grants/${stavanger}/repayment-claims/${claim.body.claimId}/settlements`, t.governor, { amount: 20_000 }));
    book.settle(stavanger, Y, 20_000);

    const history = await get(`/grants/${stavanger}/history`, t.stavanger);
    expect(history.body.map((h: { type: string }) => h.type)).toEqual([
      'AllocationDecided',
      'GrantAccepted',
      'GrantPaymentRecorded',
      'GrantReportSubmitted',
      'GrantPaymentRecorded',
      'GrantReportApproved',
      'RepaymentClaimed',
      'RepaymentSettled',
    ]);
    expect(history.body.find((h: { type: string }) => h.type === 'RepaymentClaimed')).toMatchObject({
      reason: 'Unspent money from the first year',
      actor: { role: 'governor' },
    });
  });

  it("7. every total in the governor's read model matches what was sent: frames, commitments, decided, free; per recipient and measure; overdue and shortfall", async () => {
    const today = `${Y + 1}-02-20`;
    expect(clock.today()).toBe(today);
    for (const year of [Y, Y + 1, Y + 2]) {
      const overview = await get(`/governor/overview?scheme=DEKOMP&year=${year}`, t.governor);
      expect(overview.status).toBe(200);
      expect(overview.body).toMatchObject({ office: 'ROGALAND', scheme: 'DEKOMP', year, today });
      expect(overview.body.frame).toEqual({ ...book.frameView('ROGALAND', year), version: expect.any(Number) });
      expect(byGrant(overview.body.lines)).toEqual(book.lines('ROGALAND', year, today));
      expect(byGrant(overview.body.overdue)).toEqual(book.overdue('ROGALAND', today));
      expect(byGrant(overview.body.shortfall)).toEqual(book.shortfall('ROGALAND', today));
    }

    // Spelled out once, so a reader sees the year in numbers (the book computes the same from what was sent).
    const y = book.frameView('ROGALAND', Y);
    expect(y).toMatchObject({
      frame: 2_000_000,
      committedFromEarlierYears: 0,
      decidedThisYear: 1_215_835,
      free: 784_165,
      committedToLaterYears: 500_000,
      paid: 1_215_835,
      repaymentClaimed: 20_000,
      repaid: 20_000,
    });
    expect(book.frameView('ROGALAND', Y + 1)).toMatchObject({
      committedFromEarlierYears: 300_000,
      decidedThisYear: 0,
      free: 1_200_000,
      paid: 150_000,
    });
    expect(book.frameView('ROGALAND', Y + 2)).toMatchObject({ committedFromEarlierYears: 200_000, free: 1_000_000, paid: 0 });
    expect(book.overdue('ROGALAND', today)).toEqual([
      {
        grantId: grantOf(ids.m3, FRISKOLE),
        recipientOrg: FRISKOLE,
        recipientName: 'Rogaland friskole AS',
        year: Y,
        reportDeadline: `${Y + 1}-01-15`,
      },
    ]);
    expect(book.shortfall('ROGALAND', today)).toEqual([
      {
        grantId: grantOf(ids.m1, SANDNES),
        recipientOrg: SANDNES,
        recipientName: 'Sandnes kommune',
        year: Y,
        coFinancingRequired: 55_001,
        coFinancingDocumented: 50_000,
        coFinancingShortfall: 5_001,
      },
    ]);

    // The recipient's own view: obligations and payments of the multi-year network grant.
    const stavanger = grantOf(ids.m1, STAVANGER);
    const mine = await get(`/recipients/${STAVANGER}/grants`, t.stavanger);
    expect(mine.body.grants.map((g: { grantId: string }) => g.grantId)).toEqual([stavanger]);
    expect(mine.body.payments.map((p: { year: number; amount: number }) => [p.year, p.amount])).toEqual([
      [Y, 400_000],
      [Y + 1, 150_000],
    ]);
    expect(mine.body.obligations).toEqual(
      expect.arrayContaining([
        {
          kind: 'co_financing',
          grantId: stavanger,
          year: Y,
          required: book.required(stavanger, Y),
          committed: 120_000,
          documented: 125_000,
        },
        {
          kind: 'co_financing',
          grantId: stavanger,
          year: Y + 1,
          required: book.required(stavanger, Y + 1),
          committed: 90_000,
          documented: null,
        },
        { kind: 'report', grantId: stavanger, year: Y, deadline: reportDeadline(Y), status: 'approved', overdue: false },
        { kind: 'report', grantId: stavanger, year: Y + 2, deadline: reportDeadline(Y + 2), status: 'due', overdue: false },
      ]),
    );
    expect(mine.body.obligations.filter((o: { kind: string }) => o.kind === 'repayment')).toEqual([]);
    const uni = await get(`/recipients/${UIS}/grants`, t.uis);
    expect(uni.body.grants).toEqual([
      expect.objectContaining({
        grantId: grantOf(ids.m1, UIS),
        years: [
          expect.objectContaining({
            coFinancingRequired: 0,
            report: expect.objectContaining({ teacherEducationFeedback: expect.stringMatching(/master course/) }),
          }),
        ],
      }),
    ]);
  });

  it("8. the ministry's read model: frames and decided, committed and paid totals per office, scheme and year", async () => {
    const all = await get('/frames', t.ministry);
    expect(all.status).toBe(200);
    const expected = [
      book.frameView('AGDER', Y),
      book.frameView('ROGALAND', Y),
      book.frameView('ROGALAND', Y + 1),
      book.frameView('ROGALAND', Y + 2),
    ].map((f) => ({ ...f, version: expect.any(Number) }));
    const key = (f: { office: string; year: number }) => `${f.year}/${f.office}`;
    expect([...all.body].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    // The ministry reads the office's overview as the governor does.
    const overview = await get(`/governor/overview?scheme=DEKOMP&year=${Y}&office=ROGALAND`, t.ministry);
    expect(overview.body.frame).toEqual({ ...book.frameView('ROGALAND', Y), version: expect.any(Number) });
    expect(byGrant(overview.body.lines)).toEqual(book.lines('ROGALAND', Y, clock.today()));
  });

  it("9. R20: another office's governor and school owners are refused the governor's and ministry's views and others' grants", async () => {
    const stavanger = grantOf(ids.m1, STAVANGER);
    const refused: Array<[string, string]> = [
      [`/governor/overview?scheme=DEKOMP&year=${Y}&office=ROGALAND`, t.agder],
      [`/governor/overview?scheme=DEKOMP&year=${Y}`, t.stavanger],
      [`/governor/overview?scheme=DEKOMP&year=${Y}`, t.uis],
      ['/frames?office=ROGALAND', t.agder],
      ['/frames', t.stavanger],
      ['/frames/ROGALAND/DEKOMP/history', t.agder],
      [`/grants/${stavanger}`, t.agder],
      [`/grants/${stavanger}`, t.sandnes],
      [`/grants/${stavanger}/history`, t.sola],
      [`/recipients/${STAVANGER}/grants`, t.sandnes],
      ['/grants?office=ROGALAND', t.agder],
    ];
    for (const [path, token] of refused) {
      const r = await get(path, token);
      expect([path, r.status]).toEqual([path, 403]);
    }
    // Agder's governor sees its own office only: its frame, none of Rogaland's lines.
    const agder = await get(`/governor/overview?scheme=DEKOMP&year=${Y}`, t.agder);
    expect(agder.body).toMatchObject({ office: 'AGDER', frame: { ...book.frameView('AGDER', Y) }, lines: [], overdue: [], shortfall: [] });
    expect((await get('/frames', t.agder)).body).toEqual([expect.objectContaining({ office: 'AGDER', year: Y })]);
    expect((await get('/grants', t.agder)).body).toEqual([]);
    // Needs assessments: existence does not leak to another owner or office (404).
    for (const token of [t.sola, t.agder]) expect((await get(`/needs-assessments/${ids.a1}`, token)).status).toBe(404);
    // A school owner sees only its own grants, even in a network.
    expect((await get('/grants', t.sandnes)).body.map((g: { recipientOrg: string }) => g.recipientOrg)).toEqual([SANDNES]);
    // Writes outside one's role and organisation.
    expect((await api.post(`/grants/${stavanger}/payments`, t.agder, { year: Y + 1, amount: 1 })).status).toBe(403);
    expect((await api.post('/frames', t.governor, { office: 'ROGALAND', scheme: 'DEKOMP', year: Y + 3, amount: 1 })).status).toBe(403);
  });
});
