import type { SqlClient } from '#libs/db';
import { SQL_CLIENT } from '#libs/platform';
import { osloToday, runSeed, type SeedResult } from '../../apps/cli/src/seed/index.js';
import { startTestApi, type ApiResponse, type TestApi } from '../support/api.js';
import { testBackends, type BackendName } from '../support/backends.js';

/**
 * `?asOf=` on every read endpoint (R21): each GET operation the OpenAPI document gives an `asOf` parameter answers
 * 200 with an ISO time and with a global position, as a role that may see it, over a small year of data (the seed:
 * one office, one year); and for every capability (OpenAPI tag) one of its endpoints answers differently at an ISO
 * time just before an event than just after it.
 */
const backends = await testBackends('api as-of');

interface Operation {
  path: string;
  tag: string;
  /** Its path parameters and required query parameters. */
  params: string[];
  query: string[];
}

const first = <T>(xs: T[] | undefined): T | undefined => (Array.isArray(xs) ? xs[0] : undefined);

describe.each(backends)('asOf on every read endpoint on %s', (backend: BackendName) => {
  let api: TestApi;
  let seed: SeedResult;
  let operations: Operation[];
  let tokens: string[];
  let values: Record<string, string | undefined>;
  /** The distinct moments (ms) at which events were recorded, in order. */
  let moments: number[];

  const get = (path: string, token: string) => api.get(path, token);
  /** The answer of the first role that may see it (200), else the first answer that is not a 403. */
  async function asSeer(path: string): Promise<{ res: ApiResponse; token: string }> {
    const answers: Array<{ res: ApiResponse; token: string }> = [];
    for (const token of tokens) {
      const res = await get(path, token);
      if (res.status === 200) return { res, token };
      answers.push({ res, token });
    }
    return answers.find((a) => a.res.status !== 403) ?? answers[0];
  }
  const listed = async (path: string) => first((await asSeer(path)).res.body as Array<Record<string, unknown>>);

  beforeAll(async () => {
    api = await startTestApi(backend);
    seed = await runSeed(
      api.url,
      { issue: (input) => api.token(input) },
      { seed: 11, years: 1, offices: ['ROGALAND'], scale: 0.02, today: osloToday() },
      { concurrency: 8 },
    );
    const owner = seed.plan.organisations.find((o) => o.kind !== 'university' && o.office === 'ROGALAND')!;
    const university = seed.plan.organisations.find((o) => o.kind === 'university')!;
    tokens = [
      await api.token({ role: 'ministry', org: '972417750' }),
      await api.token({ role: 'governor', office: 'ROGALAND' }),
      await api.token({ role: 'school_owner', org: owner.orgNumber }),
      await api.token({ role: 'university', org: university.orgNumber }),
    ];
    const doc = (await api.get('/docs-json')).body as { paths: Record<string, { get?: any }> };
    operations = Object.entries(doc.paths).flatMap(([path, item]) => {
      const params: Array<{ in: string; name: string }> = item.get?.parameters ?? [];
      if (!params.some((p) => p.in === 'query' && p.name === 'asOf')) return [];
      const names = (where: string, required = false) =>
        params.filter((p: { in: string; required?: boolean }) => p.in === where && (!required || p.required)).map((p) => p.name);
      // Required query parameters, and `university`, which names the partnership of a measure.
      const query = [...names('query', true), ...names('query').filter((q: string) => q === 'university')];
      return [{ path, tag: String(item.get.tags?.[0] ?? path), params: names('path'), query }];
    });
    const grant = await listed('/grants');
    const assessment = await listed('/needs-assessments');
    const county = await listed('/yrkesfag/counties');
    const partnership = await listed('/partnerships');
    const grantId = grant?.grantId as string | undefined;
    values = {
      orgNumber: owner.orgNumber,
      callId: seed.ids.calls[0],
      forumId: seed.ids.forums[0],
      recommendationId: seed.ids.recommendations[0],
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      grantId,
      recipientOrg: grant?.recipientOrg as string | undefined,
      n: '1',
      appealId: (await listed('/appeals'))?.appealId as string | undefined,
      id: assessment?.assessmentId as string | undefined,
      versionNo: '1',
      measureId: partnership?.measureId as string | undefined,
      university: partnership?.university as string | undefined,
      org: county?.county as string | undefined,
      year: String(seed.plan.years?.[0] ?? new Date().getFullYear()),
    };
    Object.assign(values, await madeForTheTest(grant));
    const sql = api.app.get<symbol, SqlClient>(SQL_CLIENT, { strict: false });
    const r = await sql.query<{ ms: string }>(
      `SELECT DISTINCT (extract(epoch FROM date_trunc('milliseconds', recorded_at)) * 1000)::bigint::text AS ms FROM events ORDER BY 1`,
    );
    moments = r.rows.map((row) => Number(row.ms)).sort((a, b) => a - b);
  }, 600_000);
  afterAll(() => api?.close());

  /** What the seed does not make: an appeal, a recommendation draft, an allocation proposal and a payment run. */
  async function madeForTheTest(grant: Record<string, unknown> | undefined): Promise<Record<string, string>> {
    const [governor, { callId, forumId, year, grantId }] = [tokens[1], values];
    const recipient = seed.plan.organisations.find((o) => o.orgNumber === grant?.recipientOrg)!;
    const party = await api.token({ role: recipient.kind === 'university' ? 'university' : 'school_owner', org: recipient.orgNumber });
    const appeal = await api.post('/appeals', party, { grantId, grounds: 'Vi ber om at vedtaket vurderes på nytt' });
    // Its first letter: the governor upholds it and forwards it to Udir (R23).
    const reconsidered = await api.post(`/appeals/${appeal.body.id}/reconsideration`, governor, {
      outcome: 'upheld',
      reason: 'Vedtaket står ved lag',
    });
    expect([reconsidered.status, reconsidered.body]).toEqual([200, reconsidered.body]);
    const meeting = first((await get(`/forums/${forumId}/meetings`, governor)).body as Array<{ meetingId: string }>);
    const draft = await api.post(`/forums/${forumId}/recommendation-drafts`, governor, {
      callId,
      meetingId: meeting?.meetingId,
      outcome: 'no_agreement',
    });
    const proposal = await api.post('/allocation-proposals', governor, { scheme: 'DEKOMP', year: Number(year), key: 'pro_rata' });
    // A run of the first year with money left on any grant of the office (the seed pays its own year's instalments).
    let run = await api.post('/payment-runs', governor, { scheme: 'DEKOMP', year: Number(year), paidOn: osloToday() });
    for (let later = 1; run.status === 422 && later <= 3; later++) {
      run = await api.post('/payment-runs', governor, { scheme: 'DEKOMP', year: Number(year) + later, paidOn: osloToday() });
    }
    for (const [what, r] of Object.entries({ appeal, draft, proposal, run })) expect([what, r.status, r.body]).toEqual([what, 201, r.body]);
    return { appealId: appeal.body.id, proposalId: proposal.body.id, runId: run.body.id, draftId: draft.body.id };
  }

  const pathOf = (op: Operation) => {
    const path = op.path.replace(
      /\{(\w+)\}/g,
      (_, name: string) => (op.path.startsWith('/recommendation-drafts') ? values.draftId : values[name]) ?? `{${name}}`,
    );
    const query = op.query.map((q) => `${q}=${encodeURIComponent(values[q] ?? '')}`);
    return query.length > 0 ? `${path}?${query.join('&')}` : path;
  };
  const withAsOf = (path: string, asOf: string) => `${path}${path.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asOf)}`;

  it('documents asOf on the read endpoints, and the seed gives every path parameter a value', () => {
    expect(operations.length).toBeGreaterThan(30);
    const missing = operations.flatMap((op) =>
      [...op.params, ...op.query].filter((p) => values[p] === undefined).map((p) => `${op.path}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it('answers 200 (not 400) to an ISO time and to a global position on every operation with asOf', async () => {
    // After everything the test made (a resource made late does not exist earlier: that is a 404, rightly).
    const iso = new Date(moments[moments.length - 1] + 1).toISOString();
    const position = String(await api.head());
    const refused: string[] = [];
    for (const op of operations) {
      const { res, token } = await asSeer(pathOf(op));
      if (res.status !== 200) {
        refused.push(`${op.path} live: ${res.status}`);
        continue;
      }
      for (const asOf of [iso, position]) {
        const then = await get(withAsOf(pathOf(op), asOf), token);
        if (then.status !== 200) refused.push(`${op.path}?asOf=${asOf}: ${then.status} ${JSON.stringify(then.body).slice(0, 200)}`);
      }
    }
    expect(refused).toEqual([]);
  }, 600_000);

  it('answers differently just before an event and just after it, for at least one endpoint of every capability', async () => {
    const tags = [...new Set(operations.map((op) => op.tag))];
    const unchanged: string[] = [];
    for (const tag of tags) {
      let found = false;
      for (const op of operations.filter((o) => o.tag === tag)) {
        const { res, token } = await asSeer(pathOf(op));
        if (res.status !== 200) continue;
        const at = async (ms: number) => JSON.stringify((await get(withAsOf(pathOf(op), new Date(ms).toISOString()), token)).body);
        // after(i): the answer once the events of moment i are in; after(-1): before every event.
        const after = (i: number) => (i < 0 ? at(moments[0]) : at(moments[i] + 1));
        let lo = -1;
        let hi = moments.length - 1;
        const atLo = await after(lo);
        if (atLo === (await after(hi))) continue;
        // Bisect for adjacent moments the answers differ at: an event of moment `hi` changed it.
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if ((await after(mid)) === atLo) lo = mid;
          else hi = mid;
        }
        // Just before the events of that moment and just after them.
        expect(await at(moments[hi])).not.toBe(await at(moments[hi] + 1));
        found = true;
        break;
      }
      if (!found) unchanged.push(tag);
    }
    expect(unchanged).toEqual([]);
  }, 900_000);
});
