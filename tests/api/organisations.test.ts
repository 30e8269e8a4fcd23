import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

const backends = await testBackends('api organisations');

describe.each(backends)('organisations API on %s', (backend: BackendName) => {
  let api: TestApi;
  let rogaland: string;
  let ministry: string;
  let owner: string;
  beforeAll(async () => {
    api = await startTestApi(backend);
    rogaland = await api.token({ role: 'governor', office: 'ROGALAND' });
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    owner = await api.token({ role: 'school_owner', org: '964965226' });
  });
  afterAll(async () => api.close());

  it('a governor registers an owner in its office; the county and office are derived (R19)', async () => {
    const since = await api.head();
    const r = await api.post('/organisations', rogaland, {
      orgNumber: '964965226',
      name: 'Stavanger kommune',
      kind: 'municipality',
      municipalityNumber: '1103',
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe('/organisations/964965226');
    const [registered] = await api.expectNewEvents(since, ['OrganisationRegistered']);
    expect(registered.streamId).toBe('Organisation-964965226');
    const read = await api.get(`/organisations/964965226?minPosition=${r.body.position}`, owner);
    expect(read.body).toMatchObject({ kind: 'municipality', countyNumber: '11', office: 'ROGALAND' });
    expect(read.headers.get('etag')).toBe('"1"');
  });

  it('refuses a governor registering outside its office, an invalid org number, and a school owner writing (R19, R20)', async () => {
    const since = await api.head();
    const outside = await api.post('/organisations', rogaland, {
      orgNumber: '944496394',
      name: 'Kristiansand kommune',
      kind: 'municipality',
      municipalityNumber: '4204',
    });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0].rule).toBe('R20');
    const bad = await api.post('/organisations', ministry, {
      orgNumber: '964965227',
      name: 'x',
      kind: 'municipality',
      municipalityNumber: '1103',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ rule: 'R19', field: 'orgNumber' })]);
    expect(
      (await api.post('/organisations', owner, { orgNumber: '944496394', name: 'x', kind: 'municipality', municipalityNumber: '4204' }))
        .status,
    ).toBe(403);
    await api.expectNewEvents(since, []);
  });

  describe('an amendment is a new event with its reason; the old name stays readable as of before (R21)', () => {
    let first: { body: { position: number } };

    it('registers and amends with a reason', async () => {
      const since = await api.head();
      first = await api.post('/organisations', ministry, {
        orgNumber: '944496394',
        name: 'Kristiansand kommune',
        kind: 'municipality',
        municipalityNumber: '4204',
      });
      const amended = await api.post(
        '/organisations/944496394/amendments',
        ministry,
        { name: 'Kristiansand kommune oppvekst', reason: 'registered name changed' },
        { 'If-Match': '"1"' },
      );
      expect(amended.status).toBe(200);
      expect(amended.headers.get('etag')).toBe('"2"');
      const events = await api.expectNewEvents(since, ['OrganisationRegistered', 'OrganisationAmended']);
      expect(events[1].metadata.reason).toBe('registered name changed');
    });

    it('refuses an amendment on a stale ETag (412)', async () => {
      const stale = await api.post('/organisations/944496394/amendments', ministry, { name: 'x', reason: 'stale' }, { 'If-Match': '"1"' });
      expect(stale.status).toBe(412);
    });

    it('reads the old name as of before, and the history in order', async () => {
      const then = await api.get(`/organisations/944496394?asOf=${first.body.position}`, owner);
      expect(then.body.name).toBe('Kristiansand kommune');
      const history = await api.get('/organisations/944496394/history', owner);
      expect(history.body.map((h: { type: string; reason: string | null }) => [h.type, h.reason])).toEqual([
        ['OrganisationRegistered', null],
        ['OrganisationAmended', 'registered name changed'],
      ]);
    });
  });
});
