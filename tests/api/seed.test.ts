import type { SqlClient } from '#libs/db';
import { SQL_CLIENT } from '#libs/platform';
import { COUNTIES } from '#libs/reference-data';
import { osloToday, runSeed, type SeedOptions, type SeedResult } from '../../apps/cli/src/seed/index.js';
import type { YrkesfagCountyPlan } from '../../apps/cli/src/seed/plan-yrkesfag.js';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

const backends = await testBackends('seed');

/**
 * The seed (npm run seed) through the real HTTP API on a fresh store of each backend: a tiny scale, two offices, two years.
 * It fills every read model through the command path (YRKESFAG for every county municipality too), a second run
 * with the same seed appends nothing, one with other options is refused before it writes, one with more offices
 * extends the store, and two runs on fresh stores give the same data.
 */
const options: SeedOptions = { seed: 7, years: 2, offices: ['ROGALAND', 'AGDER'], scale: 0.02, today: osloToday() };
const TIMEOUT = 300_000;

async function eventCount(api: TestApi): Promise<number> {
  const r = await api.app.get<symbol, SqlClient>(SQL_CLIENT, { strict: false }).query<{ n: string }>('SELECT count(*) AS n FROM events');
  return Number(r.rows[0].n);
}

const seed = (api: TestApi, o: SeedOptions = options) => runSeed(api.url, { issue: (input) => api.token(input) }, o, { concurrency: 8 });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** What Udir's view of a county must show, from the seed's own plan of what it sent. */
function yrkesfagTotals(c: YrkesfagCountyPlan) {
  const years = c.years.map((y) => {
    const paid = sum(y.payments.map((p) => p.amount));
    const spent = sum(y.spending.map((s) => s.amount));
    const repaid = sum((y.claim?.settlements ?? []).map((s) => s.amount));
    return {
      frame: y.adjustTo ?? y.frame,
      paid,
      planned: sum(y.plan.map((l) => l.amount)),
      spent,
      unspent: paid - spent,
      claimed: y.claim?.amount ?? 0,
      repaid,
    };
  });
  const total = (k: keyof (typeof years)[number]) => sum(years.map((y) => y[k]));
  return {
    frame: total('frame'),
    paid: total('paid'),
    planned: total('planned'),
    spent: total('spent'),
    unspent: total('unspent'),
    claimed: total('claimed'),
    repaid: total('repaid'),
    outstanding: total('claimed') - total('repaid'),
  };
}

/** What the store holds, over HTTP as the ministry sees it, without the ids the service makes (uuids). */
async function snapshot(api: TestApi, result: SeedResult) {
  const ministry = await api.token({ role: 'ministry', org: '972417750' });
  const get = async (path: string) => {
    const r = await api.get(path, ministry);
    expect(r.status).toBe(200);
    return r.body;
  };
  const titles = new Map<string, string>();
  const assessments = (await get('/needs-assessments')) as Array<{
    assessmentId: string;
    callId: string;
    leadOwner: string;
    title: string;
    status: string;
    late: boolean;
    versions: number;
  }>;
  for (const a of assessments) titles.set(a.assessmentId, a.title);
  const measureOwner = new Map<string, string>();
  for (const a of assessments) {
    const detail = await get(`/needs-assessments/${a.assessmentId}`);
    for (const m of detail.measures as Array<{ measureId: string; title: string }>)
      measureOwner.set(m.measureId, `${a.title} / ${m.title}`);
  }
  const grants = (await get('/grants')) as Array<{
    measureId: string;
    office: string;
    decisionYear: number;
    recipientOrg: string;
    status: string;
    deviates: boolean;
    years: Array<{ year: number; decided: number; paid: number; reportStatus: string; repaymentClaimed: number; repaid: number }>;
  }>;
  return {
    calls: ((await get('/calls')) as Array<{ callId: string; deadline: string; decisionDate: string; deadlineExtensions: number }>)
      .map((c) => `${c.callId} ${c.deadline} ${c.decisionDate} ${c.deadlineExtensions}`)
      .sort(),
    assessments: assessments.map((a) => `${a.callId} ${a.leadOwner} ${a.title} ${a.status} late=${a.late} v${a.versions}`).sort(),
    recommendations: (
      (await get('/recommendations')) as Array<{
        recommendationId: string;
        status: string;
        outcome: string;
        revision: number;
        measures: unknown[];
      }>
    )
      .map((r) => `${r.recommendationId} ${r.status} ${r.outcome} r${r.revision} ${r.measures.length}`)
      .sort(),
    grants: grants
      .map(
        (g) =>
          `${g.office} ${g.decisionYear} ${measureOwner.get(g.measureId)} → ${g.recipientOrg} ${g.status} ${g.deviates} ${g.years.map((y) => `${y.year}:${y.decided}/${y.paid}/${y.reportStatus}/${y.repaymentClaimed}/${y.repaid}`).join(' ')}`,
      )
      .sort(),
    yrkesfag: await get('/yrkesfag/counties'),
    ids: {
      calls: [...result.ids.calls].sort(),
      forums: [...result.ids.forums].sort(),
      recommendations: [...result.ids.recommendations].sort(),
    },
    events: await eventCount(api),
  };
}

describe.each(backends)('npm run seed on %s: through the API, idempotent and deterministic', (backend: BackendName) => {
  let api: TestApi;
  let first: SeedResult;
  beforeAll(async () => {
    api = await startTestApi(backend);
    first = await seed(api);
  }, TIMEOUT);
  afterAll(async () => api?.close());

  it('fills the read models: calls, assessments (some late, some in networks), recommendations, grants with payments and reports', async () => {
    const current = Number(options.today.slice(0, 4));
    const governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    const ministry = await api.token({ role: 'ministry', org: '972417750' });

    const calls = await api.get('/calls', governor);
    expect(calls.body.map((c: { callId: string }) => c.callId).sort()).toEqual([
      `agder-dekomp-${current}`,
      `agder-dekomp-${current + 1}`,
      `rogaland-dekomp-${current}`,
      `rogaland-dekomp-${current + 1}`,
    ]);
    expect(calls.body.find((c: { callId: string }) => c.callId === `rogaland-dekomp-${current}`)).toMatchObject({ deadlineExtensions: 1 });

    const inbox = await api.get(`/needs-assessments/inbox?callId=rogaland-dekomp-${current}`, governor);
    expect(inbox.status).toBe(200);
    expect(inbox.body.length).toBeGreaterThanOrEqual(2);
    expect(inbox.body.some((a: { late: boolean }) => a.late)).toBe(true);
    const all = await api.get('/needs-assessments', ministry);
    expect(all.body.length).toBe(first.plan.assessments.length);
    expect(all.body.some((a: { late: boolean; status: string }) => !a.late && a.status !== 'draft')).toBe(true);
    expect(all.body.some((a: { network: boolean }) => a.network)).toBe(first.plan.assessments.some((a) => a.coOwners.length > 0));

    const recommendations = await api.get('/recommendations', ministry);
    expect(recommendations.body.length).toBe(first.plan.recommendations.length);
    expect(recommendations.body.every((r: { status: string }) => r.status === 'published')).toBe(true);
    expect(recommendations.body.some((r: { measures: unknown[] }) => r.measures.length > 0)).toBe(true);

    const grants = await api.get('/grants', ministry);
    expect(grants.body.length).toBe(first.plan.grants.length);
    const years = grants.body.flatMap((g: { years: Array<{ paid: number; reportStatus: string }> }) => g.years);
    expect(years.some((y: { paid: number }) => y.paid > 0)).toBe(true);
    expect(years.some((y: { reportStatus: string }) => y.reportStatus !== 'due')).toBe(true);
    expect(grants.body.some((g: { years: unknown[] }) => g.years.length > 1)).toBe(true); // multi-year commitments (R9)
    const overview = await api.get(`/governor/overview?scheme=DEKOMP&year=${current}`, governor);
    expect(overview.status).toBe(200);
    expect(overview.body.frame.paid).toBeGreaterThan(0);
    expect(overview.body.frame.decidedThisYear).toBeLessThanOrEqual(overview.body.frame.frame); // R18

    expect(first.steps).toBeGreaterThan(100);
    expect(first.replayed).toBe(0);
    expect(await eventCount(api)).toBeGreaterThan(first.steps * 0.9); // one event per command, but for no-ops
  });

  it('runs YRKESFAG for every county municipality: a frame, a forum and a plan within the frame; Udir sees what the seed sent', async () => {
    const ministry = await api.token({ role: 'ministry', org: '972417750' });
    const counties = (await api.get('/yrkesfag/counties', ministry)).body as Array<{
      county: string;
      totals: Record<string, number>;
      years: Array<{ year: number; frame: number; planned: number }>;
    }>;
    const planned = first.plan.yrkesfag;
    // Every county; for Oslo, Oslo kommune (a municipality with the county's duties) holds the frame.
    expect(planned).toHaveLength(COUNTIES.length);
    expect(counties.map((c) => c.county).sort()).toEqual(planned.map((c) => c.county).sort());
    for (const c of planned) {
      const view = counties.find((x) => x.county === c.county)!;
      expect(view.totals).toEqual(yrkesfagTotals(c));
      const token = await api.token({ role: 'school_owner', org: c.county });
      const forum = await api.get(`/yrkesfag/counties/${c.county}/forum`, token);
      expect(forum.body.members).toHaveLength(c.members.length);
      expect(forum.body.meetings).toHaveLength(sum(c.years.map((y) => y.meetings.length)));
      for (const y of c.years) {
        const frame = view.years.find((x) => x.year === y.year)!.frame;
        const plan = await api.get(`/yrkesfag/counties/${c.county}/plans/${y.year}`, token);
        expect(plan.body).toMatchObject({ planRevision: 1, planned: sum(y.plan.map((l) => l.amount)) });
        expect(plan.body.planned).toBeLessThanOrEqual(frame); // R18
        expect(plan.body.measures).toHaveLength(y.measures.length);
        expect(plan.body.needs).toHaveLength(y.needs.length);
      }
    }
    const national = (k: string) => sum(counties.map((c) => c.totals[k]));
    const expected = planned.map(yrkesfagTotals);
    for (const k of ['frame', 'paid', 'planned', 'spent', 'claimed', 'repaid'] as const)
      expect(national(k)).toBe(sum(expected.map((t) => t[k])));
    expect(national('paid')).toBeGreaterThan(0);
    expect(national('claimed')).toBeGreaterThan(0);
  });

  it(
    'a re-run with another --scale, --years or --seed is refused before it writes anything, naming what differs',
    async () => {
      const before = await eventCount(api);
      await expect(seed(api, { ...options, scale: 0.1 })).rejects.toThrow(
        /other options, so this run writes nothing[\s\S]*frame ROGALAND DEKOMP/,
      );
      await expect(seed(api, { ...options, years: 3 })).rejects.toThrow(/frame (ROGALAND|AGDER) DEKOMP/);
      await expect(seed(api, { ...options, seed: 8 })).rejects.toThrow(
        /needs assessments in the store that this run would not make|frame \w+ DEKOMP/,
      );
      expect(await eventCount(api)).toBe(before);
    },
    TIMEOUT,
  );

  it(
    'a second run with the same seed replays every step and appends no event',
    async () => {
      const before = await eventCount(api);
      const again = await seed(api);
      expect(again.steps).toBe(first.steps);
      expect(again.replayed + again.existed).toBe(again.steps);
      expect(await eventCount(api)).toBe(before);
      expect(again.ids.assessments).toEqual(first.ids.assessments);
      expect(again.ids.grants).toEqual(first.ids.grants);
    },
    TIMEOUT,
  );

  it(
    'two runs with the same seed on fresh stores give the same data',
    async () => {
      const mine = await snapshot(api, first);
      const other = await startTestApi(backend);
      try {
        const second = await seed(other);
        expect(second.plan).toEqual(first.plan);
        expect(await snapshot(other, second)).toEqual(mine);
      } finally {
        await other.close();
      }
    },
    TIMEOUT,
  );

  it(
    'a re-run with more offices extends the store: the new office is seeded, the earlier ones replay',
    async () => {
      const more = await seed(api, { ...options, offices: [...options.offices, 'NORDLAND'] });
      const nordland = more.plan.calls.filter((c) => c.office === 'NORDLAND').map((c) => c.callId);
      const ministry = await api.token({ role: 'ministry', org: '972417750' });
      const calls = (await api.get('/calls', ministry)).body.map((c: { callId: string }) => c.callId);
      expect(calls).toEqual(expect.arrayContaining([...first.ids.calls, ...nordland]));
      expect(more.replayed + more.existed).toBeGreaterThanOrEqual(first.steps);
      expect(more.steps).toBeGreaterThan(first.steps);
      const before = await eventCount(api);
      const again = await seed(api);
      expect(again.replayed + again.existed).toBe(again.steps);
      expect(await eventCount(api)).toBe(before);
    },
    TIMEOUT,
  );
});
