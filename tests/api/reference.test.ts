import { BUDGET_CATEGORIES, NATIONAL_GOALS } from '#libs/needs-assessments';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

const backends = await testBackends('reference api');

describe.each(backends)('reference API on %s', (backend: BackendName) => {
  let api: TestApi;
  let owner: string;
  let university: string;
  beforeAll(async () => {
    api = await startTestApi(backend);
    owner = await api.token({ role: 'school_owner', org: '964965226' });
    university = await api.token({ role: 'university', org: '971564679' });
  });
  afterAll(async () => api.close());

  it('needs a token, any role', async () => {
    expect((await api.get('/reference/offices')).status).toBe(401);
    expect((await api.get('/reference/offices', university)).status).toBe(200);
  });

  it('offices: code, name, org number and counties', async () => {
    const r = await api.get('/reference/offices', owner);
    expect(r.body).toHaveLength(10);
    expect(r.body).toContainEqual({
      code: 'OBOA',
      name: 'Statsforvalteren i Østfold, Buskerud, Oslo og Akershus',
      orgNumber: '974761319',
      countyNumbers: ['03', '31', '32', '33'],
    });
  });

  it('counties with their office; municipalities, all or of one county', async () => {
    const counties = await api.get('/reference/counties', owner);
    expect(counties.body).toContainEqual({ number: '11', name: 'Rogaland', office: 'ROGALAND' });
    expect((await api.get('/reference/municipalities', owner)).body).toHaveLength(357);
    const rogaland = await api.get('/reference/municipalities?county=11', owner);
    expect(rogaland.body.length).toBeGreaterThan(20);
    expect(rogaland.body.every((m: { countyNumber: string }) => m.countyNumber === '11')).toBe(true);
    const bad = await api.get('/reference/municipalities?county=99', owner);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('county');
  });

  it('universities', async () => {
    expect((await api.get('/reference/universities', owner)).body).toContainEqual(
      expect.objectContaining({ orgNumber: '971564679', shortName: 'UiS', kind: 'university' }),
    );
  });

  it('schemes: rule set per year (R7/R8, R6, R14 defaults, governor role); this year and the next by default', async () => {
    api.clock.fix('2029-01-20');
    const def = await api.get('/reference/schemes', owner);
    expect(def.body.map((s: { scheme: string }) => s.scheme)).toEqual(['DEKOMP', 'REKOMP', 'KOMPLOFT', 'YRKESFAG']);
    expect(def.body[0].ruleSets.map((r: { year: number }) => r.year)).toEqual([2029, 2030]);
    api.clock.fix(null);
    const r = await api.get('/reference/schemes?from=2027&to=2027&scheme=DEKOMP', owner);
    expect(r.body).toEqual([
      {
        scheme: 'DEKOMP',
        governorRole: true,
        ruleSets: [
          {
            year: 2027,
            version: 'dekomp-2021.1',
            coFinancingPercent: 30,
            coordinatorWarnPercent: 10,
            subcontractorWarnPercent: 50,
            maxSpanYears: 3,
            universityPartnerRequired: true,
            governorRole: true,
            defaultCallDeadline: '2027-02-01',
            defaultDecisionDate: '2027-04-30',
          },
        ],
      },
    ]);
    const yrkesfag = await api.get('/reference/schemes?from=2027&to=2027&scheme=YRKESFAG', owner);
    expect(yrkesfag.body[0]).toMatchObject({ governorRole: false, ruleSets: [expect.objectContaining({ coFinancingPercent: 0 })] });
    expect((await api.get('/reference/schemes?from=2028&to=2027', owner)).body.errors[0]).toMatchObject({ field: 'to' });
    expect((await api.get('/reference/schemes?from=2020&to=2060', owner)).status).toBe(400);
    expect((await api.get('/reference/schemes?scheme=NOPE', owner)).status).toBe(400);
  });

  it('themes and budget categories: what the needs-assessment DTOs accept', async () => {
    expect((await api.get('/reference/themes', owner)).body.map((t: { code: string }) => t.code)).toEqual([...NATIONAL_GOALS]);
    const categories = await api.get('/reference/budget-categories', owner);
    expect(categories.body.map((c: { code: string }) => c.code)).toEqual([...BUDGET_CATEGORIES]);
  });

  it('is in the OpenAPI document, with the webhooks', async () => {
    const doc = await api.get('/docs-json');
    const paths = Object.keys(doc.body.paths);
    for (const p of [
      '/reference/offices',
      '/reference/counties',
      '/reference/municipalities',
      '/reference/universities',
      '/reference/schemes',
      '/reference/themes',
      '/reference/budget-categories',
    ])
      expect(paths).toContain(p);
    for (const p of ['/webhooks', '/webhooks/{id}', '/webhooks/{id}/dead-letters', '/webhooks/{id}/dead-letters/{deliveryId}/replay'])
      expect(paths).toContain(p);
  });
});
