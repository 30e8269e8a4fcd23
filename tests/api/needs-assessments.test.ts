import { MEASURE_CATALOG, type MeasureCatalog } from '#libs/kernel';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type ApiResponse, type TestApi } from '../support/api.js';

const backends = await testBackends('api needs assessments');

const STAVANGER = '964965226';
const SANDNES = '910000004';
const SOLA = '920000002';
const KRISTIANSAND = '944496394';
const UIS = '971564679';
const UIA = '970546200';
const KURS_AS = '930000000';

const content = {
  title: 'Behovsmelding Jæren-nettverket',
  summary: 'Analysis of reading results and staff surveys',
  anchoring: {
    staffInvolvement: 'workshops in every school',
    leaderInvolvement: 'rektormøter',
    universityParticipation: 'UiS took part in the analysis',
    plans: ['Kompetanseplan 2026–2029'],
  },
  themes: { goals: ['basic_skills'], tags: ['lesing'] },
};
const measure = (universityOrg: string) => ({
  title: 'Lesing i alle fag',
  description: 'School-based development of reading across subjects',
  targetGroup: 'teachers 1–10',
  schools: ['Hundvåg skole', 'Lura skole'],
  participants: { teachers: 60, leaders: 6, otherStaff: 4 },
  startYear: 2027,
  spanYears: 2,
  universityOrg,
});
const lines = (amount: number, coFinancing: number) => ({
  budget: [{ year: 2027, category: 'implementation', amount }],
  coFinancing: [{ year: 2027, amount: coFinancing, form: 'released_time' }],
});

describe.each(backends)('needs assessments and partnerships API on %s', (backend: BackendName) => {
  let api: TestApi;
  let governor: string;
  let agderGovernor: string;
  let ministry: string;
  let stavanger: string;
  let sandnes: string;
  let sola: string;
  let kristiansand: string;
  let uis: string;
  let uia: string;
  const put = <T = any>(path: string, token: string, body: unknown): Promise<ApiResponse<T>> => api.request('PUT', path, { token, body });
  const read = (path: string, token: string, after: ApiResponse) =>
    api.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${after.headers.get('dekomp-position')}`, token);

  beforeAll(async () => {
    api = await startTestApi(backend);
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    agderGovernor = await api.token({ role: 'governor', office: 'AGDER' });
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    stavanger = await api.token({ role: 'school_owner', org: STAVANGER });
    sandnes = await api.token({ role: 'school_owner', org: SANDNES });
    sola = await api.token({ role: 'school_owner', org: SOLA });
    kristiansand = await api.token({ role: 'school_owner', org: KRISTIANSAND });
    uis = await api.token({ role: 'university', org: UIS });
    uia = await api.token({ role: 'university', org: UIA });
    const orgs = [
      { orgNumber: STAVANGER, name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' },
      { orgNumber: SANDNES, name: 'Sandnes kommune', kind: 'municipality', municipalityNumber: '1108' },
      { orgNumber: SOLA, name: 'Sola kommune', kind: 'municipality', municipalityNumber: '1124' },
      { orgNumber: KRISTIANSAND, name: 'Kristiansand kommune', kind: 'municipality', municipalityNumber: '4204' },
      { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
      { orgNumber: UIA, name: 'Universitetet i Agder', kind: 'university', countyNumber: '42' },
      { orgNumber: KURS_AS, name: 'Kurs AS', kind: 'commercial', countyNumber: '11' },
    ];
    for (const o of orgs) expect((await api.post('/organisations', ministry, o)).status).toBe(201);
    expect((await api.post('/calls', governor, { scheme: 'DEKOMP', year: 2027, title: 'Behovsmelding 2027' })).status).toBe(201);
    expect((await api.post('/calls', governor, { scheme: 'DEKOMP', year: 2026, title: 'Behovsmelding 2026' })).status).toBe(201);
  });
  afterAll(async () => api.close());

  /** A draft of `token`'s owner for a call, with content and one measure naming `university`. */
  async function draft(token: string, university = UIS, callId = 'rogaland-dekomp-2027', startYear = 2027) {
    const created = await api.post('/needs-assessments', token, { callId, title: 'Behovsmelding' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`/needs-assessments/${id}`);
    expect((await put(`/needs-assessments/${id}/content`, token, content)).status).toBe(200);
    const added = await api.post(`/needs-assessments/${id}/measures`, token, { ...measure(university), startYear });
    expect(added.status).toBe(200);
    return { id, measureId: added.body.measureId as string, added };
  }

  it('network flow: two owners keep their own lines and confirm with their own tokens before the lead submits (R10)', async () => {
    const { id, measureId } = await draft(stavanger);
    expect((await api.post(`/needs-assessments/${id}/network-owners`, stavanger, { orgNumber: SANDNES })).status).toBe(200);
    const own = await put(`/needs-assessments/${id}/measures/${measureId}/lines/${STAVANGER}`, stavanger, lines(200_000, 60_000));
    expect(own).toMatchObject({ status: 200, body: { warnings: [] } });
    // Sandnes plans too little co-financing: a warning (R7), not a refusal.
    const theirs = await put(`/needs-assessments/${id}/measures/${measureId}/lines/${SANDNES}`, sandnes, lines(100_000, 20_000));
    expect(theirs.status).toBe(200);
    expect(theirs.body.warnings).toEqual([expect.objectContaining({ rule: 'R7', field: `measures[0].lines.${SANDNES}.coFinancing` })]);
    // Each keeps its own lines: the lead cannot write Sandnes' lines.
    expect((await put(`/needs-assessments/${id}/measures/${measureId}/lines/${SANDNES}`, stavanger, lines(1, 1))).status).toBe(403);

    const early = await api.post(`/needs-assessments/${id}/submission`, stavanger);
    expect(early.status).toBe(422);
    expect(early.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(early.body.errors).toEqual([expect.objectContaining({ rule: 'R10', field: `network.${SANDNES}` })]);
    expect((await api.post(`/needs-assessments/${id}/submission`, sandnes)).status).toBe(403);
    expect((await api.post(`/needs-assessments/${id}/confirmations`, sandnes)).status).toBe(200);
    const submitted = await api.post(`/needs-assessments/${id}/submission`, stavanger);
    expect(submitted.status).toBe(200);
    expect(submitted.body.warnings).toEqual([expect.objectContaining({ rule: 'R7' })]);

    // Both owners read it; the warning stays visible.
    for (const token of [stavanger, sandnes]) {
      const detail = await read(`/needs-assessments/${id}`, token, submitted);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        status: 'submitted',
        network: true,
        late: false,
        versions: 1,
        deadline: '2027-02-01',
        warnings: [{ rule: 'R7' }],
      });
      expect(detail.body.members).toEqual([
        expect.objectContaining({ org: STAVANGER, role: 'lead' }),
        expect.objectContaining({ org: SANDNES, role: 'network', confirmedCurrent: true }),
      ]);
      expect(detail.body.measures[0].lines[SANDNES].budget[0].amount).toBe(100_000);
      expect((await api.get('/needs-assessments', token)).body.map((a: { assessmentId: string }) => a.assessmentId)).toContain(id);
    }

    // Amending before the deadline: new lines, Sandnes confirms again, version 2; version 1 stays readable.
    expect((await put(`/needs-assessments/${id}/measures/${measureId}/lines/${SANDNES}`, sandnes, lines(100_000, 30_000))).status).toBe(
      200,
    );
    const unconfirmed = await api.post(`/needs-assessments/${id}/amendments`, stavanger, { reason: 'Sandnes raised its co-financing' });
    expect(unconfirmed.status).toBe(422);
    expect((await api.post(`/needs-assessments/${id}/confirmations`, sandnes)).status).toBe(200);
    const amended = await api.post(`/needs-assessments/${id}/amendments`, stavanger, { reason: 'Sandnes raised its co-financing' });
    expect(amended).toMatchObject({ status: 200, body: { warnings: [] } });
    const v1 = await read(`/needs-assessments/${id}/versions/1`, sandnes, amended);
    const v2 = await api.get(`/needs-assessments/${id}/versions/2`, sandnes);
    expect(v1.body).toMatchObject({ kind: 'submitted', warnings: [{ rule: 'R7' }] });
    expect(v1.body.snapshot.measures[0].lines[SANDNES].coFinancing[0].amount).toBe(20_000);
    expect(v2.body).toMatchObject({ kind: 'amended', reason: 'Sandnes raised its co-financing', warnings: [] });
    expect(v2.body.snapshot.measures[0].lines[SANDNES].coFinancing[0].amount).toBe(30_000);
    const asSubmitted = await api.get(`/needs-assessments/${id}?asOf=${submitted.body.position}`, sandnes);
    expect(asSubmitted.body).toMatchObject({ status: 'submitted', versions: 1, warnings: [{ rule: 'R7' }] });
    const history = await api.get(`/needs-assessments/${id}/history`, stavanger);
    expect(history.body.at(-1)).toMatchObject({
      type: 'NeedsAssessmentAmended',
      reason: 'Sandnes raised its co-financing',
      actor: { org: STAVANGER },
    });

    // The governor's inbox and the measure catalog for the other capabilities.
    const inbox = await api.get('/needs-assessments/inbox?callId=rogaland-dekomp-2027', governor);
    expect(inbox.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ assessmentId: id, status: 'amended', late: false, versions: 2 })]),
    );
    const catalog = api.app.get<symbol, MeasureCatalog>(MEASURE_CATALOG, { strict: false });
    expect(await catalog.get(measureId)).toMatchObject({
      assessmentId: id,
      callId: 'rogaland-dekomp-2027',
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      year: 2027,
      leadOwner: STAVANGER,
      owners: [STAVANGER, SANDNES],
      network: true,
      themes: ['basic_skills', 'lesing'],
      universities: [{ org: UIS, status: 'requested', local: true }],
      requested: [
        { org: SANDNES, year: 2027, amount: 100_000 },
        { org: STAVANGER, year: 2027, amount: 200_000 },
      ],
      status: 'submitted',
      late: false,
    });
    expect((await catalog.listByCall('rogaland-dekomp-2027')).map((m) => m.measureId)).toContain(measureId);
  });

  it('decline and replace: the university declines, the owner names another (R3); subcontractors under its line (R2)', async () => {
    const { id, measureId, added } = await draft(sola);
    const requests = await read('/partnerships', uis, added);
    expect(requests.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ measureId, university: UIS, status: 'requested', current: true, local: true })]),
    );
    const declined = await api.post(`/partnerships/${measureId}/decline`, uis, {
      reason: 'capacity',
      explanation: 'All staff committed to other measures in 2027',
    });
    expect(declined.status).toBe(200);
    await put(`/needs-assessments/${id}/measures/${measureId}/lines/${SOLA}`, sola, lines(100_000, 30_000));
    const blocked = await api.post(`/needs-assessments/${id}/submission`, sola);
    expect(blocked.status).toBe(422);
    expect(blocked.body.errors).toEqual([expect.objectContaining({ rule: 'R3', field: 'measures[0].university' })]);

    // The replacement must be a university, never a commercial actor (R2).
    const commercial = await api.post(`/needs-assessments/${id}/measures/${measureId}/university-replacement`, sola, {
      universityOrg: KURS_AS,
      reason: 'x',
    });
    expect(commercial.status).toBe(422);
    expect(commercial.body.errors).toEqual([expect.objectContaining({ rule: 'R2' })]);
    const replaced = await api.post(`/needs-assessments/${id}/measures/${measureId}/university-replacement`, sola, {
      universityOrg: UIA,
      reason: 'UiS lacks capacity',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.warnings).toEqual([expect.objectContaining({ rule: 'R3', field: 'measures[0].university' })]);

    // UiS no longer may answer; UiA commits.
    await read(`/partnerships`, uia, replaced);
    expect(
      (
        await api.post(`/partnerships/${measureId}/commitment`, uis, {
          competenceAreas: ['lesing'],
          capacityHoursPerYear: 100,
          fromYear: 2027,
          toYear: 2027,
          contactRole: 'x',
        })
      ).status,
    ).toBe(404);
    const committed = await api.post(`/partnerships/${measureId}/commitment`, uia, {
      competenceAreas: ['lesing', 'vurdering'],
      capacityHoursPerYear: 250,
      fromYear: 2027,
      toYear: 2028,
      contactRole: 'faglig leder',
    });
    expect(committed.status).toBe(200);
    const sub = await api.post(`/partnerships/${measureId}/subcontractors`, uia, {
      orgNumber: KURS_AS,
      name: 'Kurs AS',
      sharePercent: 60,
      task: 'digital workshops',
    });
    expect(sub.status).toBe(200);
    expect(sub.body.warnings).toEqual([expect.objectContaining({ rule: 'R2', field: 'sharePercent' })]);

    const capacity = await read('/partnerships/capacity', uia, sub);
    expect(capacity.body).toEqual({
      university: UIA,
      years: [
        { year: 2027, hours: 250, measures: 1 },
        { year: 2028, hours: 250, measures: 1 },
      ],
    });
    const mine = await api.get(`/partnerships/${measureId}`, uia);
    expect(mine.body).toMatchObject({
      status: 'committed',
      current: true,
      local: false,
      subcontractorSharePercent: 60,
      subcontractors: [{ orgNumber: KURS_AS, kind: 'commercial' }],
      warnings: [{ rule: 'R2' }],
    });
    const uisView = await api.get('/partnerships?status=declined', uis);
    expect(uisView.body).toEqual([expect.objectContaining({ measureId, status: 'declined', declineReason: 'capacity', current: false })]);

    const submitted = await api.post(`/needs-assessments/${id}/submission`, sola);
    expect(submitted.status).toBe(200);
    const detail = await read(`/needs-assessments/${id}`, sola, submitted);
    expect(detail.body.measures[0]).toMatchObject({ university: { org: UIA, local: false }, replacedUniversities: [{ org: UIS }] });
    expect(detail.body.measures[0].partnerships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ university: UIS, status: 'declined' }),
        expect.objectContaining({ university: UIA, status: 'committed' }),
      ]),
    );
    expect(detail.body.warnings).toEqual([expect.objectContaining({ rule: 'R3' })]);
    const info = await api.app.get<symbol, MeasureCatalog>(MEASURE_CATALOG, { strict: false }).get(measureId);
    expect(info?.universities).toEqual([
      { org: UIS, status: 'declined', local: true },
      { org: UIA, status: 'committed', local: false },
    ]);
  });

  it('late submission is accepted and marked late (R14); amendments after the deadline are refused', async () => {
    const { id, measureId } = await draft(stavanger, UIS, 'rogaland-dekomp-2026', 2026);
    await put(`/needs-assessments/${id}/measures/${measureId}/lines/${STAVANGER}`, stavanger, {
      budget: [{ year: 2026, category: 'planning', amount: 50_000 }],
      coFinancing: [{ year: 2026, amount: 15_000, form: 'money' }],
    });
    const submitted = await api.post(`/needs-assessments/${id}/submission`, stavanger);
    expect(submitted.status).toBe(200);
    const inbox = await read('/needs-assessments/inbox?callId=rogaland-dekomp-2026', governor, submitted);
    expect(inbox.body).toEqual([expect.objectContaining({ assessmentId: id, late: true, status: 'submitted', deadline: '2026-02-01' })]);
    const amend = await api.post(`/needs-assessments/${id}/amendments`, stavanger, { reason: 'x' });
    expect(amend.status).toBe(422);
    expect(amend.body.errors).toEqual([expect.objectContaining({ rule: 'R14' })]);
    const withdrawn = await api.post(`/needs-assessments/${id}/withdrawal`, stavanger, { reason: 'merged into the network assessment' });
    expect(withdrawn.status).toBe(200);
    expect((await read(`/needs-assessments/${id}`, governor, withdrawn)).body).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: 'merged into the network assessment',
      late: true,
    });
  });

  it('validation: every broken rule at once, with its R-number (R4, R5, R6, R9)', async () => {
    const created = await api.post('/needs-assessments', sola, { callId: 'rogaland-dekomp-2027', title: 'Tom' });
    const id = created.body.id;
    const badMeasure = await api.post(`/needs-assessments/${id}/measures`, sola, { ...measure(UIS), spanYears: 4 });
    expect(badMeasure.status).toBe(422);
    expect(badMeasure.body.errors).toEqual([expect.objectContaining({ rule: 'R9', field: 'spanYears' })]);
    const { measureId } = (await api.post(`/needs-assessments/${id}/measures`, sola, measure(UIS))).body;
    const badLines = await put(`/needs-assessments/${id}/measures/${measureId}/lines/${SOLA}`, sola, {
      budget: [{ year: 2027, category: 'tuition', amount: 10, creditBearing: true }],
      coFinancing: [],
    });
    expect(badLines.status).toBe(422);
    expect(badLines.body.errors.map((e: { rule: string }) => e.rule)).toEqual(['R6', 'R5']);
    const submit = await api.post(`/needs-assessments/${id}/submission`, sola);
    expect(submit.status).toBe(422);
    expect(submit.body.errors.map((e: { rule: string }) => e.rule)).toEqual(['R4', 'R4', 'R4', 'R4', 'R4', 'R6']);
  });

  it('cross-tenant reads and writes are refused (R20): 404 for what is not yours, 403 for the wrong role', async () => {
    const { id, measureId, added } = await draft(stavanger);
    await read(`/needs-assessments/${id}`, stavanger, added);
    // Another owner, the other office's governor: not found, neither reading nor writing.
    for (const token of [sola, agderGovernor]) {
      expect((await api.get(`/needs-assessments/${id}`, token)).status).toBe(404);
      expect((await api.get(`/needs-assessments/${id}/history`, token)).status).toBe(404);
      expect((await api.get('/needs-assessments', token)).body.map((a: { assessmentId: string }) => a.assessmentId)).not.toContain(id);
    }
    expect((await put(`/needs-assessments/${id}/content`, sola, content)).status).toBe(404);
    expect((await api.post(`/needs-assessments/${id}/submission`, sola)).status).toBe(404);
    expect((await put(`/needs-assessments/${id}/measures/${measureId}/lines/${SOLA}`, sola, lines(1, 1))).status).toBe(404);
    expect((await api.get('/needs-assessments/inbox?callId=rogaland-dekomp-2027', agderGovernor)).body).toEqual([]);
    // The office's governor and the ministry see it.
    expect((await api.get(`/needs-assessments/${id}`, governor)).status).toBe(200);
    expect((await api.get(`/needs-assessments/${id}`, ministry)).status).toBe(200);
    // A university reads only the measures naming it; it neither reads nor writes assessments.
    expect((await api.get(`/needs-assessments/${id}`, uis)).status).toBe(403);
    expect((await api.get(`/partnerships/${measureId}`, uia)).status).toBe(404);
    expect((await api.post(`/partnerships/${measureId}/decline`, uia, { reason: 'competence', explanation: 'x' })).status).toBe(404);
    expect((await api.get(`/partnerships/${measureId}`, uis)).status).toBe(200);
    expect((await api.post(`/partnerships/${measureId}/decline`, stavanger, { reason: 'competence', explanation: 'x' })).status).toBe(403);
    // An owner of another office cannot draft for this office's call (R19); a university cannot draft at all.
    const agder = await api.post('/needs-assessments', kristiansand, { callId: 'rogaland-dekomp-2027', title: 'x' });
    expect(agder.status).toBe(422);
    expect(agder.body.errors).toEqual([expect.objectContaining({ rule: 'R19' })]);
    expect((await api.post('/needs-assessments', uis, { callId: 'rogaland-dekomp-2027', title: 'x' })).status).toBe(403);
    expect((await api.post('/needs-assessments', stavanger, { callId: 'rogaland-dekomp-2099', title: 'x' })).status).toBe(404);
  });

  describe('ETags: every resource answers the version its commands check (If-Match)', () => {
    let id: string;
    let measureId: string;
    let added: ApiResponse;

    it('an assessment: If-Match with the ETag of its GET works, a stale one is 412 and writes nothing', async () => {
      ({ id, measureId, added } = await draft(stavanger));
      const detail = await read(`/needs-assessments/${id}`, stavanger, added);
      const etag = detail.headers.get('etag')!;
      expect(etag).toBe(`"${detail.body.version}"`);
      const since = await api.head();
      const changed = await api.request('PUT', `/needs-assessments/${id}/content`, {
        token: stavanger,
        body: { ...content, title: 'Ny tittel' },
        headers: { 'If-Match': etag },
      });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).toBe(`"${detail.body.version + 1}"`);
      await api.expectNewEvents(since, ['NeedsAssessmentContentUpdated']);
      const stale = await api.request('PUT', `/needs-assessments/${id}/content`, {
        token: stavanger,
        body: content,
        headers: { 'If-Match': etag },
      });
      expect(stale.status).toBe(412);
      await api.expectNewEvents(since, ['NeedsAssessmentContentUpdated']);
      expect((await read(`/needs-assessments/${id}`, stavanger, changed)).headers.get('etag')).toBe(changed.headers.get('etag'));
    });

    it('a partnership: the ETag of its GET (0 before any answer) is what its commands check', async () => {
      const before = await read(`/partnerships/${measureId}`, uis, added);
      expect(before.headers.get('etag')).toBe('"0"');
      const since = await api.head();
      const commitment = {
        competenceAreas: ['lesing'],
        capacityHoursPerYear: 100,
        fromYear: 2027,
        toYear: 2028,
        contactRole: 'faglig leder',
      };
      const stale = await api.request('POST', `/partnerships/${measureId}/commitment`, {
        token: uis,
        body: commitment,
        headers: { 'If-Match': '"3"' },
      });
      expect(stale.status).toBe(412);
      await api.expectNewEvents(since, []);
      const committed = await api.request('POST', `/partnerships/${measureId}/commitment`, {
        token: uis,
        body: commitment,
        headers: { 'If-Match': before.headers.get('etag')! },
      });
      expect(committed.status).toBe(200);
      expect(committed.headers.get('etag')).toBe('"1"');
      await api.expectNewEvents(since, ['PartnershipCommitted']);
      const after = await read(`/partnerships/${measureId}`, uis, committed);
      expect(after.headers.get('etag')).toBe('"1"');
      expect(after.body).toMatchObject({ status: 'committed', version: 1 });
      const sub = { orgNumber: KURS_AS, name: 'Kurs AS', sharePercent: 10, task: 'workshops' };
      expect(
        (await api.request('POST', `/partnerships/${measureId}/subcontractors`, { token: uis, body: sub, headers: { 'If-Match': '"0"' } }))
          .status,
      ).toBe(412);
      expect(
        (await api.request('POST', `/partnerships/${measureId}/subcontractors`, { token: uis, body: sub, headers: { 'If-Match': '"1"' } }))
          .status,
      ).toBe(200);
    });
  });

  it('the OpenAPI document has the needs-assessment and partnership endpoints', async () => {
    const doc = await api.get('/docs-json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of [
      '/needs-assessments',
      '/needs-assessments/{id}/submission',
      '/needs-assessments/inbox',
      '/partnerships/{measureId}/commitment',
      '/partnerships/capacity',
    ])
      expect(paths).toContain(p);
  });
});
