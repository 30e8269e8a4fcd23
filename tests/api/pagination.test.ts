import { orgNumberCheckDigit } from '#libs/reference-data';
import { testBackends, type BackendName } from '../support/backends.js';
import { nextPageOf, startTestApi, type TestApi } from '../support/api.js';
import { appendLedger, decided } from './webhooks.fixture.js';

const backends = await testBackends('api pagination');

/** `n` valid org numbers from 9300000x upwards (skipping those without a check digit). */
function orgNumbers(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const first8 = String(93_000_000 + i);
    const digit = orgNumberCheckDigit(first8);
    if (digit !== undefined) out.push(`${first8}${digit}`);
  }
  return out;
}

const RECIPIENTS = orgNumbers(9);
const grantIdOf = (office: string, org: string) => `${office}.DEKOMP.m-${org}.${org}`;
const ids = (rows: Array<{ grantId: string }>) => rows.map((r) => r.grantId);

describe.each(backends)('cursor pagination on %s', (backend: BackendName) => {
  let api: TestApi;
  let ministry: string;
  let governor: string;
  let seven: number;

  const decide = (office: string, org: string) => appendLedger(api.store, office, [decided(grantIdOf(office, org), office, org)]);
  const wait = async (path: string, token: string) =>
    (await api.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${await api.head()}`, token)).body;

  beforeAll(async () => {
    api = await startTestApi(backend);
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    // Given seven grants of one office (more than two pages of three)
    for (const org of RECIPIENTS.slice(0, 7)) await decide('ROGALAND', org);
    seven = await api.head();
  });
  afterAll(async () => api.close());

  it('pages of three add up exactly to the whole list, in its order, with a Link to the next page until the last', async () => {
    const whole = (await wait('/grants', ministry)) as Array<{ grantId: string }>;
    expect(whole).toHaveLength(7);
    const first = await api.get('/grants?limit=3', ministry);
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(3);
    expect(first.headers.get('link')).toMatch(/^<\/grants\?limit=3&after=[A-Za-z0-9_-]+>; rel="next"$/);
    const paged = await api.getAllPages<{ grantId: string }>('/grants?limit=3', ministry);
    expect(paged.pages).toBe(3);
    expect(paged.rows).toEqual(whole);
    const last = await api.get(nextPageOf((await api.get(nextPageOf(first.headers)!, ministry)).headers)!, ministry);
    expect(last.body).toHaveLength(1);
    expect(last.headers.get('link')).toBeNull();
  });

  it('a grant decided between two page requests neither repeats a row nor hides one', async () => {
    const first = await api.get('/grants?limit=3', ministry);
    // When one grant is decided that sorts before the cursor (another office) and one after it
    await decide('AGDER', RECIPIENTS[7]);
    await decide('ROGALAND', RECIPIENTS[8]);
    await wait('/grants', ministry);
    const rest = await api.getAllPages<{ grantId: string }>(nextPageOf(first.headers)!, ministry);
    const seen = [...ids(first.body), ...ids(rest.rows)];
    expect(new Set(seen).size).toBe(seen.length);
    const original = RECIPIENTS.slice(0, 7).map((org) => grantIdOf('ROGALAND', org));
    expect(seen.filter((id) => original.includes(id))).toEqual(original);
    expect(seen).toContain(grantIdOf('ROGALAND', RECIPIENTS[8]));
    expect(seen).not.toContain(grantIdOf('AGDER', RECIPIENTS[7]));
  });

  it('combines with asOf: every page is the list as it stood then, and the Link keeps asOf', async () => {
    const first = await api.get(`/grants?asOf=${seven}&limit=2`, ministry);
    expect(nextPageOf(first.headers)).toMatch(new RegExp(`asOf=${seven}`));
    const paged = await api.getAllPages<{ grantId: string }>(`/grants?asOf=${seven}&limit=2`, ministry);
    expect(paged.pages).toBe(4);
    expect(ids(paged.rows)).toEqual(RECIPIENTS.slice(0, 7).map((org) => grantIdOf('ROGALAND', org)));
  });

  it('a list in a mixed order (calls: latest year first) pages in that order', async () => {
    for (const year of [2026, 2027, 2028]) {
      expect((await api.post('/calls', governor, { scheme: 'DEKOMP', year, title: `Behovsmelding ${year}` })).status).toBe(201);
    }
    expect((await api.post('/calls', governor, { scheme: 'REKOMP', year: 2027, title: 'Behovsmelding 2027' })).status).toBe(201);
    const whole = (await wait('/calls', governor)) as Array<{ callId: string; year: number }>;
    expect(whole.map((c) => c.year)).toEqual([2028, 2027, 2027, 2026]);
    const paged = await api.getAllPages('/calls?limit=1', governor);
    expect(paged.pages).toBe(4);
    expect(paged.rows).toEqual(whole);
  });

  it("an aggregate's history pages by position", async () => {
    const org = RECIPIENTS[0];
    expect(
      (
        await api.post('/organisations', ministry, {
          orgNumber: org,
          name: 'Eiker kommune',
          kind: 'municipality',
          municipalityNumber: '1103',
        })
      ).status,
    ).toBe(201);
    for (const name of ['Eiker kommune I', 'Eiker kommune II']) {
      expect((await api.post(`/organisations/${org}/amendments`, ministry, { name, reason: 'Rename' })).status).toBe(200);
    }
    const whole = (await api.get(`/organisations/${org}/history`, ministry)).body as unknown[];
    expect(whole).toHaveLength(3);
    const paged = await api.getAllPages(`/organisations/${org}/history?limit=1`, ministry);
    expect(paged).toEqual({ rows: whole, pages: 3 });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
    ['after=not%20a%20cursor', 'after'],
    [`after=${Buffer.from('{"x":1}').toString('base64url')}`, 'after'],
    [`after=${Buffer.from('["2027"]').toString('base64url')}`, 'after'],
  ])('%s is a 400 problem naming %s', async (query, field) => {
    const r = await api.get(`/grants?${query}`, ministry);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // Every broken constraint is told (limit=ten is neither an integer nor at least 1), each naming the field.
    expect(r.body.errors.length).toBeGreaterThan(0);
    expect(new Set(r.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set([field]));
  });

  it("another list's cursor is refused on this list (400 naming after)", async () => {
    const calls = await api.get('/calls?limit=1', governor);
    const cursor = new URL(nextPageOf(calls.headers)!, api.url).searchParams.get('after')!;
    const r = await api.get(`/grants?after=${cursor}`, ministry);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'after', rule: 'isCursor' })]);
  });

  it('OpenAPI documents limit, after and the Link header on the lists', async () => {
    const doc = (await api.get('/docs-json')).body;
    for (const path of ['/grants', '/partnerships', '/needs-assessments/inbox', '/organisations/{orgNumber}/history', '/webhooks']) {
      const op = doc.paths[path].get;
      expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'after']));
      expect(op.responses['200'].headers.Link).toBeDefined();
    }
  });
});
