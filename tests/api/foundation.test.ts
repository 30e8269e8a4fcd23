import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

const backends = await testBackends('api foundation');

describe.each(backends)('API foundation on %s', (backend: BackendName) => {
  let api: TestApi;
  let governor: string;
  let otherGovernor: string;
  let owner: string;
  let ministry: string;
  beforeAll(async () => {
    api = await startTestApi(backend);
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    otherGovernor = await api.token({ role: 'governor', office: 'AGDER' });
    owner = await api.token({ role: 'school_owner', org: '964965226' });
    ministry = await api.token({ role: 'ministry', org: '972417750' });
  });
  afterAll(async () => api.close());

  const openCall = (year: number, headers?: Record<string, string>, token = governor) =>
    api.post('/calls', token, { scheme: 'DEKOMP', year, title: `Behovsmelding ${year}` }, headers);

  it('401 without a token or with a bad one, as problem+json', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const r = await api.get('/calls', token);
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(r.body).toMatchObject({ status: 401, type: expect.stringContaining('problems/') });
    }
  });

  it('403 for the wrong role', async () => {
    const r = await openCall(2030, undefined, owner);
    expect(r.status).toBe(403);
    expect(r.body.detail).toMatch(/governor/);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'authorization', rule: 'R20' })]);
  });

  it('a command answers 201 with Location, ETag and Dekomp-Position; the query reads its own write', async () => {
    const r = await openCall(2031);
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe('/calls/rogaland-dekomp-2031');
    expect(r.headers.get('etag')).toBe('"1"');
    const position = Number(r.headers.get('dekomp-position'));
    expect(position).toBeGreaterThan(0);
    expect(r.body).toMatchObject({ id: 'rogaland-dekomp-2031', version: 1, position, warnings: [] });
    const read = await api.get(`/calls/rogaland-dekomp-2031?minPosition=${position}`, owner);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toMatchObject({
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      year: 2031,
      deadline: '2031-02-01',
      decisionDate: '2031-04-30',
      ruleSetVersion: 'dekomp-2021.1',
    });
  });

  it('400 names the unknown or malformed field and its constraint', async () => {
    const r = await api.post('/calls', governor, { scheme: 'DEKOMP', year: 'soon', title: 'x', colour: 'red' });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'year', rule: 'isInt' }),
        expect.objectContaining({ field: 'colour', rule: 'unknown-field' }),
      ]),
    );
  });

  it('422 lists the broken rules with their R-numbers', async () => {
    const r = await api.post('/calls', governor, {
      scheme: 'DEKOMP',
      year: 2032,
      title: 'x',
      deadline: '2032-03-01',
      decisionDate: '2032-02-01',
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([expect.objectContaining({ rule: 'R14', field: 'decisionDate' })]);
  });

  it('an idempotent retry yields one event and the first response; the same key with another body is a 422', async () => {
    const first = await openCall(2033, { 'Idempotency-Key': 'open-2033' });
    const again = await openCall(2033, { 'Idempotency-Key': 'open-2033' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('dekomp-position')).toBe(first.headers.get('dekomp-position'));
    const history = await api.get('/calls/rogaland-dekomp-2033/history', governor);
    expect(history.body).toHaveLength(1);
    const other = await api.post(
      '/calls',
      governor,
      { scheme: 'DEKOMP', year: 2034, title: 'another' },
      { 'Idempotency-Key': 'open-2033' },
    );
    expect(other.status).toBe(422);
    expect(other.body.errors[0]).toMatchObject({ field: 'Idempotency-Key' });
    expect((await api.get('/calls/rogaland-dekomp-2034', governor)).status).toBe(404);
  });

  it('a concurrency conflict is a 409 with nothing appended', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => openCall(2035)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const history = await api.get('/calls/rogaland-dekomp-2035/history', governor);
    expect(history.body).toHaveLength(1);
  });

  it('If-Match with a stale ETag is a 412; with the current one the change goes through', async () => {
    const opened = await openCall(2036);
    const ok = await api.post(
      '/calls/rogaland-dekomp-2036/deadline-extensions',
      governor,
      { deadline: '2036-02-10', reason: 'storm' },
      { 'If-Match': opened.headers.get('etag')! },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await api.post(
      '/calls/rogaland-dekomp-2036/deadline-extensions',
      governor,
      { deadline: '2036-02-20', reason: 'again' },
      { 'If-Match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect((await api.get('/calls/rogaland-dekomp-2036/history', governor)).body).toHaveLength(2);
  });

  it("a governor changes only its own office's calls (R20)", async () => {
    await openCall(2037);
    const since = await api.head();
    const r = await api.post('/calls/rogaland-dekomp-2037/deadline-extensions', otherGovernor, { deadline: '2037-03-01', reason: 'x' });
    expect(r.status).toBe(403);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'authorization', rule: 'R20' })]);
    await api.expectNewEvents(since, []);
  });

  it('history shows type, time, actor and reason; asOf shows the value as it stood then (R21)', async () => {
    const opened = await openCall(2038);
    await api.post('/calls/rogaland-dekomp-2038/deadline-extensions', governor, {
      deadline: '2038-03-01',
      reason: 'late school board meeting',
    });
    const history = await api.get('/calls/rogaland-dekomp-2038/history', ministry);
    expect(history.body.map((h: { type: string }) => h.type)).toEqual(['CallOpened', 'CallDeadlineExtended']);
    expect(history.body[1]).toMatchObject({ reason: 'late school board meeting', actor: { role: 'governor', org: '974763230' } });
    const position = opened.body.position;
    const then = await api.get(`/calls/rogaland-dekomp-2038?asOf=${position}`, ministry);
    expect(then.body.deadline).toBe('2038-02-01');
    const now = await api.get(`/calls/rogaland-dekomp-2038?minPosition=${history.body[1].position}`, ministry);
    expect(now.body.deadline).toBe('2038-03-01');
    const listThen = await api.get(`/calls?year=2038&asOf=${position}&minPosition=${position}`, ministry);
    expect(listThen.status).toBe(200);
    expect(listThen.body.map((c: { deadline: string }) => c.deadline)).toEqual(['2038-02-01']);
  });

  it('serves health, readiness and the OpenAPI document with the bearer scheme', async () => {
    expect((await api.get('/health')).status).toBe(200);
    const ready = await api.get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.backend).toBe('postgres');
    const doc = await api.get('/docs-json');
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/calls', '/calls/{callId}', '/calls/{callId}/history', '/admin/projections']),
    );
    expect(doc.body.paths['/calls'].post.responses['422']).toBeDefined();
  });
});
