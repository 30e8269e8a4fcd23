import { MEASURE_CATALOG, RECOMMENDATION_LOOKUP, type MeasureCatalog, type MeasureInfo, type RecommendationLookup } from '#libs/kernel';
import { orgNumberWithCheckDigit } from '#libs/reference-data';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

const backends = await testBackends('forum api');

const STAVANGER = '964965226';
const SANDNES = orgNumberWithCheckDigit('96496513');
const PRIVATE = orgNumberWithCheckDigit('99100022');
const UIS = '971564679';
const UIA = '970546200';
const CONSULT = orgNumberWithCheckDigit('99100030');
const KRISTIANSAND = orgNumberWithCheckDigit('96329674');
const ROGALAND_OFFICE_ORG = '974763230';
const F = 'rogaland-11';

const info = (measureId: string, callId: string, office = 'ROGALAND'): MeasureInfo => ({
  assessmentId: `NA-${measureId}`,
  measureId,
  callId,
  office,
  scheme: 'DEKOMP',
  year: 2027,
  title: measureId,
  themes: [],
  leadOwner: STAVANGER,
  owners: [STAVANGER, SANDNES],
  network: true,
  universities: [{ org: UIS, status: 'committed', local: true }],
  startYear: 2027,
  spanYears: 2,
  requested: [],
  status: 'submitted',
  late: false,
});
const MEASURES: Record<string, MeasureInfo> = {
  'DK27-1': info('DK27-1', 'rogaland-dekomp-2027'),
  'RK27-1': info('RK27-1', 'rogaland-rekomp-2027'),
  'DK28-1': info('DK28-1', 'rogaland-dekomp-2028'),
  'AG27-1': info('AG27-1', 'agder-dekomp-2027', 'AGDER'),
};

describe.each(backends)('forum API on %s', (backend: BackendName) => {
  let api: TestApi;
  let governor: string;
  let otherGovernor: string;
  let ministry: string;
  let owner: string;
  let otherOwner: string;
  let university: string;
  let otherUniversity: string;
  let last = 0;

  /** Commands remember their position, so the next read waits for it (read-your-writes). */
  const post = async (path: string, token: string, body: unknown = {}) => {
    const r = await api.post(path, token, body);
    if (r.body?.position) last = Math.max(last, r.body.position);
    return r;
  };
  const get = (path: string, token: string) => api.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`, token);

  const measure = (measureId: string, extra: Record<string, unknown> = {}) => ({
    measureId,
    participants: 'All teachers at 12 lower secondary schools',
    startYear: 2027,
    spanYears: 2,
    criteria: "Collective and school-based; rests on the owners' competence plans",
    cooperatingOwners: [STAVANGER, SANDNES],
    cooperatingUniversities: [UIS],
    amounts: [
      { recipientOrg: STAVANGER, year: 2027, amount: 400_000 },
      { recipientOrg: UIS, year: 2027, amount: 250_000 },
      { recipientOrg: STAVANGER, year: 2028, amount: 300_000 },
    ],
    ...extra,
  });

  beforeAll(async () => {
    api = await startTestApi(backend);
    // The measures come from the needs-assessment capability through MEASURE_CATALOG; its own tests cover how it
    // builds them. Here the port answers fixed measures, so these tests exercise the forum alone.
    const catalog = api.app.get<MeasureCatalog>(MEASURE_CATALOG);
    catalog.get = async (id: string) => MEASURES[id] ?? null;
    catalog.listByCall = async (callId: string) => Object.values(MEASURES).filter((m) => m.callId === callId);
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    otherGovernor = await api.token({ role: 'governor', office: 'AGDER' });
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    owner = await api.token({ role: 'school_owner', org: STAVANGER });
    otherOwner = await api.token({ role: 'school_owner', org: KRISTIANSAND });
    university = await api.token({ role: 'university', org: UIS });
    otherUniversity = await api.token({ role: 'university', org: UIA });
    const orgs = [
      { orgNumber: STAVANGER, name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' },
      { orgNumber: SANDNES, name: 'Sandnes kommune', kind: 'municipality', municipalityNumber: '1108' },
      { orgNumber: PRIVATE, name: 'Rogaland friskole AS', kind: 'private_owner', municipalityNumber: '1103' },
      { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
      { orgNumber: UIA, name: 'Universitetet i Agder', kind: 'university', countyNumber: '42' },
      { orgNumber: CONSULT, name: 'Kompetanse AS', kind: 'commercial', municipalityNumber: '1103' },
      { orgNumber: KRISTIANSAND, name: 'Kristiansand kommune', kind: 'municipality', municipalityNumber: '4204' },
    ];
    for (const o of orgs) expect((await post('/organisations', ministry, o)).status).toBe(201);
    for (const scheme of ['DEKOMP', 'REKOMP', 'KOMPLOFT'])
      expect((await post('/calls', governor, { scheme, year: 2027, title: `${scheme} 2027` })).status).toBe(201);
    expect((await post('/calls', governor, { scheme: 'DEKOMP', year: 2028, title: 'DEKOMP 2028' })).status).toBe(201);
    expect((await get('/calls/rogaland-dekomp-2028', governor)).status).toBe(200);
  });
  afterAll(async () => api.close());

  it('a governor creates a forum for counties of its office (reference data checked)', async () => {
    const since = await api.head();
    const wrong = await post('/forums', governor, { name: 'Forum', counties: ['42'] });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ rule: 'R11', field: 'counties[0]' })]);
    await api.expectNewEvents(since, []);
    const r = await post('/forums', governor, { name: 'Samarbeidsforum Rogaland', counties: ['11'] });
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(`/forums/${F}`);
    expect(r.headers.get('etag')).toBe('"1"');
    await api.expectNewEvents(since, ['ForumCreated']);
    const read = await get(`/forums/${F}`, governor);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toMatchObject({
      forumId: F,
      office: 'ROGALAND',
      counties: ['11'],
      members: [],
      missingCategories: ['school_owner_public', 'school_owner_private', 'university', 'ks', 'teacher_union'],
    });
  });

  it('R11: the governor records members by category with dates; its own office is never a member', async () => {
    const add = (body: Record<string, unknown>) => post(`/forums/${F}/members`, governor, { joinedOn: '2027-01-01', ...body });
    const since = await api.head();
    const ids = [];
    for (const body of [
      { orgNumber: STAVANGER, category: 'school_owner_public' },
      { orgNumber: PRIVATE, category: 'school_owner_private' },
      { orgNumber: UIS, category: 'university' },
      { name: 'KS Rogaland', category: 'ks' },
      { name: 'Utdanningsforbundet Rogaland', category: 'teacher_union' },
    ]) {
      const r = await add(body);
      expect(r.status).toBe(200);
      ids.push(r.body.memberId);
    }
    expect(ids).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    const office = await add({ orgNumber: ROGALAND_OFFICE_ORG, name: 'Statsforvalteren i Rogaland', category: 'other' });
    expect(office.status).toBe(422);
    expect(office.body.errors).toEqual([expect.objectContaining({ rule: 'R11', field: 'orgNumber' })]);
    const mismatch = await add({ orgNumber: CONSULT, category: 'school_owner_public' });
    expect(mismatch.status).toBe(422);
    const notADate = await add({ name: 'Elevorganisasjonen', category: 'other', joinedOn: '2027-02-30' });
    expect(notADate.status).toBe(400);
    await api.expectNewEvents(since, Array(5).fill('ForumMemberJoined'));

    const forum = await get(`/forums/${F}?on=2027-02-01`, ministry);
    expect(forum.body.membersByCategory).toEqual({
      school_owner_public: 1,
      school_owner_private: 1,
      university: 1,
      ks: 1,
      teacher_union: 1,
      other: 0,
    });
    expect(forum.body.missingCategories).toEqual([]);
    expect(forum.body.members[0]).toMatchObject({
      memberId: 'M1',
      name: 'Stavanger kommune',
      category: 'school_owner_public',
      joinedOn: '2027-01-01',
      leftOn: null,
    });
  });

  it('a meeting records date, agenda, minutes and the members present', async () => {
    const r = await post(`/forums/${F}/meetings`, governor, {
      date: '2027-03-10',
      agenda: ['Recommendation for DEKOMP 2027', 'Recommendation for REKOMP 2027'],
      minutesSummary: 'The forum agreed on DEKOMP and voted on REKOMP.',
      presentMemberIds: ['M1', 'M2', 'M3', 'M4', 'M5'],
    });
    expect(r.status).toBe(200);
    expect(r.body.meetingId).toBe('MT1');
    const absent = await post(`/forums/${F}/meetings`, governor, {
      date: '2026-12-01',
      agenda: ['x'],
      minutesSummary: 'x',
      presentMemberIds: ['M1'],
    });
    expect(absent.status).toBe(422);
    expect(absent.body.errors).toEqual([expect.objectContaining({ rule: 'R11', field: 'presentMemberIds[0]' })]);
    const meetings = await get(`/forums/${F}/meetings`, governor);
    expect(meetings.body).toEqual([
      expect.objectContaining({
        meetingId: 'MT1',
        date: '2027-03-10',
        present: ['M1', 'M2', 'M3', 'M4', 'M5'],
        agenda: expect.arrayContaining(['Recommendation for DEKOMP 2027']),
      }),
    ]);
  });

  it('a consensus recommendation is recorded without warnings and read back with its lines', async () => {
    const since = await api.head();
    const r = await post(`/forums/${F}/recommendations`, governor, {
      callId: 'rogaland-dekomp-2027',
      meetingId: 'MT1',
      outcome: 'consensus',
      measures: [measure('DK27-1')],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: `${F}--rogaland-dekomp-2027`, warnings: [] });
    expect(r.headers.get('location')).toBe(`/recommendations/${F}--rogaland-dekomp-2027`);
    const read = await get(`/recommendations/${F}--rogaland-dekomp-2027`, governor);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      outcome: 'consensus',
      status: 'recorded',
      published: false,
      revision: 1,
      presentMembers: 5,
      warnings: [],
      measures: [{ priority: 1, measureId: 'DK27-1', spanYears: 2 }],
    });
    const again = await post(`/forums/${F}/recommendations`, governor, {
      callId: 'rogaland-dekomp-2027',
      meetingId: 'MT1',
      outcome: 'consensus',
      measures: [measure('DK27-1')],
    });
    expect(again.status).toBe(409);
    await api.expectNewEvents(since, ['RecommendationRecorded']);
  });

  it('R12: a vote with counts by the members present; more votes than members present are refused', async () => {
    const tooMany = await post(`/forums/${F}/recommendations`, governor, {
      callId: 'rogaland-rekomp-2027',
      meetingId: 'MT1',
      outcome: 'vote',
      vote: { for: 4, against: 1, abstain: 1 },
      measures: [measure('RK27-1')],
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ rule: 'R12', field: 'vote' })]);
    const r = await post(`/forums/${F}/recommendations`, governor, {
      callId: 'rogaland-rekomp-2027',
      meetingId: 'MT1',
      outcome: 'vote',
      vote: { for: 3, against: 1, abstain: 1 },
      measures: [measure('RK27-1')],
    });
    expect(r.status).toBe(201);
    const read = await get(`/recommendations/${r.body.id}`, ministry);
    expect(read.body).toMatchObject({ outcome: 'vote', vote: { for: 3, against: 1, abstain: 1 } });
  });

  it('R12: where the forum does not agree, that is recorded and the governor decides', async () => {
    const r = await post(`/forums/${F}/recommendations`, governor, {
      callId: 'rogaland-komploft-2027',
      meetingId: 'MT1',
      outcome: 'no_agreement',
      vote: { for: 2, against: 2, abstain: 1 },
      note: 'Split between owners',
    });
    expect(r.status).toBe(201);
    const lookup = api.app.get<RecommendationLookup>(RECOMMENDATION_LOOKUP);
    await get(`/recommendations/${r.body.id}`, governor);
    expect(await lookup.forCall('rogaland-komploft-2027')).toMatchObject({ outcome: 'no_agreement', lines: [], forumId: F });
  });

  it('R13: an incomplete recommendation is refused naming every missing part; R1/R2 recipients are checked', async () => {
    const r = await post(`/forums/${F}/recommendations`, governor, {
      callId: 'rogaland-dekomp-2028',
      meetingId: 'MT1',
      outcome: 'consensus',
      measures: [{ measureId: 'DK28-1', amounts: [{ recipientOrg: STAVANGER }] }],
    });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { rule: string; field: string }) => `${e.rule} ${e.field}`)).toEqual([
      'R13 measures[0].participants',
      'R13 measures[0].startYear',
      'R13 measures[0].spanYears',
      'R13 measures[0].criteria',
      'R13 measures[0].cooperatingOwners',
      'R13 measures[0].cooperatingUniversities',
      'R13 measures[0].amounts[0].year',
      'R13 measures[0].amounts[0].amount',
    ]);
    const recipients = await post(`/forums/${F}/recommendations`, governor, {
      callId: 'rogaland-dekomp-2028',
      meetingId: 'MT1',
      outcome: 'consensus',
      measures: [
        measure('DK28-1', {
          startYear: 2028,
          amounts: [
            { recipientOrg: CONSULT, year: 2028, amount: 1000 },
            { recipientOrg: KRISTIANSAND, year: 2028, amount: 1000 },
          ],
        }),
      ],
    });
    expect(recipients.status).toBe(422);
    expect(recipients.body.errors.map((e: { rule: string; field: string }) => `${e.rule} ${e.field}`)).toEqual([
      'R2 measures[0].amounts[0].recipientOrg',
      'R13 measures[0].amounts[0].recipientOrg',
      'R1 measures[0].amounts[1].recipientOrg',
      'R13 measures[0].amounts[1].recipientOrg',
    ]);
    const measures = await post(`/forums/${F}/recommendations`, governor, {
      callId: 'rogaland-dekomp-2028',
      meetingId: 'MT1',
      outcome: 'consensus',
      measures: [measure('NOPE'), measure('DK27-1'), measure('AG27-1')].map((m) => ({
        ...m,
        startYear: 2028,
        amounts: [{ recipientOrg: STAVANGER, year: 2028, amount: 1000 }],
      })),
    });
    expect(measures.status).toBe(422);
    expect(measures.body.errors).toEqual([
      expect.objectContaining({
        rule: 'R13',
        field: 'measures[0].measureId',
        message: expect.stringMatching(/not in any needs assessment/),
      }),
      expect.objectContaining({
        rule: 'R13',
        field: 'measures[1].measureId',
        message: expect.stringMatching(/belongs to call rogaland-dekomp-2027/),
      }),
      expect.objectContaining({
        rule: 'R13',
        field: 'measures[2].measureId',
        message: expect.stringMatching(/belongs to call agder-dekomp-2027/),
      }),
    ]);
  });

  it('R11: a member leaves; a forum missing a required category gets a warning on its recommendation', async () => {
    expect(
      (await post(`/forums/${F}/members/M5/departure`, governor, { leftOn: '2027-05-01', reason: 'The union withdrew its representative' }))
        .status,
    ).toBe(200);
    const meeting = await post(`/forums/${F}/meetings`, governor, {
      date: '2027-06-01',
      agenda: ['DEKOMP 2028'],
      minutesSummary: 'Agreed',
      presentMemberIds: ['M1', 'M2', 'M3', 'M4'],
    });
    expect(meeting.body.meetingId).toBe('MT2');
    const r = await post(`/forums/${F}/recommendations`, governor, {
      callId: 'rogaland-dekomp-2028',
      meetingId: 'MT2',
      outcome: 'consensus',
      measures: [measure('DK28-1', { startYear: 2028, amounts: [{ recipientOrg: STAVANGER, year: 2028, amount: 100_000 }] })],
    });
    expect(r.status).toBe(201);
    expect(r.body.warnings).toEqual([expect.objectContaining({ rule: 'R11', field: 'forum.members.teacher_union' })]);
    const read = await get(`/recommendations/${r.body.id}`, governor);
    expect(read.body.warnings).toEqual([expect.objectContaining({ rule: 'R11', field: 'forum.members.teacher_union' })]);

    const before = await get(`/forums/${F}/members?on=2027-04-30`, governor);
    const after = await get(`/forums/${F}/members?on=2027-05-01`, governor);
    expect(before.body.map((m: { memberId: string }) => m.memberId)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    expect(after.body.map((m: { memberId: string }) => m.memberId)).toEqual(['M1', 'M2', 'M3', 'M4']);
    const all = await get(`/forums/${F}/members`, governor);
    expect(all.body[4]).toMatchObject({ memberId: 'M5', leftOn: '2027-05-01', leftReason: 'The union withdrew its representative' });
    const membership = await get('/forum-membership?year=2027', ministry);
    expect(membership.body).toEqual(
      expect.arrayContaining([
        { office: 'ROGALAND', officeName: 'Statsforvalteren i Rogaland', forumId: F, category: 'teacher_union', members: 1 },
      ]),
    );
    const today = await get('/forum-membership?on=2027-06-01', ministry);
    expect(today.body).toEqual(
      expect.arrayContaining([
        { office: 'ROGALAND', officeName: 'Statsforvalteren i Rogaland', forumId: F, category: 'teacher_union', members: 0 },
      ]),
    );
  });

  describe("R20: published to the office's school owners and the universities it names; amended and withdrawn with reasons (R21)", () => {
    const id = `${F}--rogaland-dekomp-2027`;
    let lookup: RecommendationLookup;

    it('unpublished, it is hidden from school owners', async () => {
      lookup = api.app.get<RecommendationLookup>(RECOMMENDATION_LOOKUP);
      expect((await get(`/recommendations/${id}`, owner)).status).toBe(404);
      expect((await get('/recommendations', owner)).body).toEqual([]);
    });

    it("published, the office's school owners and the universities it names read it", async () => {
      const since = await api.head();
      expect((await post(`/recommendations/${id}/publication`, governor)).status).toBe(200);
      await api.expectNewEvents(since, ['RecommendationPublished']);
      expect((await get(`/recommendations/${id}`, owner)).body).toMatchObject({ status: 'published', published: true });
      expect((await get('/recommendations', owner)).body.map((r: { recommendationId: string }) => r.recommendationId)).toEqual([id]);
      expect((await get(`/recommendations/${id}`, university)).status).toBe(200);
      expect((await get(`/recommendations/${id}`, otherUniversity)).status).toBe(404);
      expect((await get(`/recommendations/${id}`, otherOwner)).status).toBe(404);
      expect((await get('/recommendations', otherOwner)).body).toEqual([]);
    });

    it('amended with a reason: a new revision, the old one stays readable, the lookup gives the new lines', async () => {
      const amended = await post(`/recommendations/${id}/amendments`, governor, {
        meetingId: 'MT1',
        outcome: 'consensus',
        measures: [measure('DK27-1', { amounts: [{ recipientOrg: STAVANGER, year: 2027, amount: 450_000 }] })],
        reason: 'Corrected amount from the minutes',
      });
      expect(amended.status).toBe(200);
      const revisions = await get(`/recommendations/${id}/revisions`, owner);
      expect(revisions.body.map((r: { revision: number; reason: string | null }) => [r.revision, r.reason])).toEqual([
        [1, null],
        [2, 'Corrected amount from the minutes'],
      ]);
      expect(await lookup.forCall('rogaland-dekomp-2027')).toMatchObject({
        recommendationId: id,
        outcome: 'consensus',
        lines: [{ measureId: 'DK27-1', recipientOrg: STAVANGER, year: 2027, amount: 450_000 }],
      });
    });

    it('withdrawn with a reason: the lookup has none; the history and asOf show every step', async () => {
      expect((await post(`/recommendations/${id}/withdrawal`, governor, { reason: 'Recorded for the wrong call' })).status).toBe(200);
      const withdrawn = await get(`/recommendations/${id}`, owner);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'Recorded for the wrong call' });
      expect(await lookup.forCall('rogaland-dekomp-2027')).toBeNull();
      const history = await get(`/recommendations/${id}/history`, governor);
      expect(history.body.map((h: { type: string; reason: string | null }) => [h.type, h.reason])).toEqual([
        ['RecommendationRecorded', null],
        ['RecommendationPublished', null],
        ['RecommendationAmended', 'Corrected amount from the minutes'],
        ['RecommendationWithdrawn', 'Recorded for the wrong call'],
      ]);
      const asOf = history.body[2].position;
      expect((await get(`/recommendations/${id}?asOf=${asOf}`, governor)).body).toMatchObject({ status: 'published', revision: 2 });
      expect((await get(`/recommendations/${id}?asOf=${history.body[0].position}`, governor)).body).toMatchObject({
        status: 'recorded',
        revision: 1,
      });
    });
  });

  it("R20: another office's governor neither reads nor writes the forum; school owners do not write", async () => {
    expect((await post(`/forums/${F}/members`, otherGovernor, { name: 'KS Agder', category: 'ks', joinedOn: '2027-01-01' })).status).toBe(
      403,
    );
    expect(
      (await post(`/forums/${F}/meetings`, otherGovernor, { date: '2027-03-10', agenda: ['x'], minutesSummary: 'x', presentMemberIds: [] }))
        .status,
    ).toBe(403);
    expect(
      (
        await post(`/forums/${F}/recommendations`, otherGovernor, {
          callId: 'rogaland-dekomp-2028',
          meetingId: 'MT1',
          outcome: 'no_agreement',
        })
      ).status,
    ).toBe(403);
    expect((await post(`/recommendations/${F}--rogaland-rekomp-2027/publication`, otherGovernor)).status).toBe(403);
    expect((await get(`/forums/${F}`, otherGovernor)).status).toBe(403);
    expect((await get(`/forums/${F}/members`, otherGovernor)).status).toBe(403);
    expect((await get(`/forums/${F}/history`, otherGovernor)).status).toBe(403);
    expect((await get(`/recommendations/${F}--rogaland-rekomp-2027`, otherGovernor)).status).toBe(403);
    expect((await get('/forums', otherGovernor)).body).toEqual([]);
    expect((await get('/recommendations', otherGovernor)).body).toEqual([]);
    expect((await get('/forum-membership?office=ROGALAND', otherGovernor)).status).toBe(403);

    expect((await post('/forums', owner, { name: 'Mine', counties: ['11'] })).status).toBe(403);
    expect((await post(`/forums/${F}/members`, owner, { name: 'x', category: 'ks', joinedOn: '2027-01-01' })).status).toBe(403);
    expect(
      (await post(`/forums/${F}/recommendations`, owner, { callId: 'rogaland-dekomp-2028', meetingId: 'MT1', outcome: 'no_agreement' }))
        .status,
    ).toBe(403);
    expect((await post(`/recommendations/${F}--rogaland-rekomp-2027/withdrawal`, owner, { reason: 'x' })).status).toBe(403);
    expect((await get(`/forums/${F}`, owner)).status).toBe(403);
    expect((await get(`/recommendations/${F}--rogaland-rekomp-2027`, owner)).status).toBe(404);
  });

  it('history and asOf for the forum (R21); the ministry sees every forum', async () => {
    const history = await get(`/forums/${F}/history`, ministry);
    expect(history.body.map((h: { type: string }) => h.type)).toEqual([
      'ForumCreated',
      ...Array(5).fill('ForumMemberJoined'),
      'ForumMeetingRecorded',
      'ForumMemberLeft',
      'ForumMeetingRecorded',
    ]);
    expect(history.body[7]).toMatchObject({
      reason: 'The union withdrew its representative',
      actor: { role: 'governor', org: ROGALAND_OFFICE_ORG },
    });
    const early = await get(`/forums/${F}/members?asOf=${history.body[2].position}`, ministry);
    expect(early.body.map((m: { memberId: string }) => m.memberId)).toEqual(['M1', 'M2']);
    const forums = await get('/forums', ministry);
    expect(forums.body.map((f: { forumId: string }) => f.forumId)).toEqual([F]);
  });

  describe('ETags: a GET answers the version its commands check (If-Match)', () => {
    it("forum: If-Match with the GET's ETag works; a stale one is 412 and writes nothing", async () => {
      const read = await get(`/forums/${F}`, governor);
      const etag = read.headers.get('etag')!;
      expect(etag).toBe(`"${read.body.version}"`);
      const since = await api.head();
      const ok = await api.post(
        `/forums/${F}/members`,
        governor,
        { name: 'Elevorganisasjonen Rogaland', category: 'other', joinedOn: '2027-09-01' },
        { 'If-Match': etag },
      );
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe(`"${read.body.version + 1}"`);
      last = Math.max(last, ok.body.position);
      expect((await get(`/forums/${F}`, governor)).headers.get('etag')).toBe(ok.headers.get('etag'));
      const stale = await api.post(
        `/forums/${F}/meetings`,
        governor,
        { date: '2027-09-10', agenda: ['x'], minutesSummary: 'x', presentMemberIds: [] },
        { 'If-Match': etag },
      );
      expect(stale.status).toBe(412);
      await api.expectNewEvents(since, ['ForumMemberJoined']);
    });

    it("recommendation: If-Match with the GET's ETag works; a stale one is 412 and writes nothing", async () => {
      const id = `${F}--rogaland-rekomp-2027`;
      const read = await get(`/recommendations/${id}`, governor);
      const etag = read.headers.get('etag')!;
      expect(etag).toBe(`"${read.body.version}"`);
      const since = await api.head();
      const ok = await api.post(`/recommendations/${id}/publication`, governor, {}, { 'If-Match': etag });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe(`"${read.body.version + 1}"`);
      last = Math.max(last, ok.body.position);
      expect((await get(`/recommendations/${id}`, governor)).headers.get('etag')).toBe(ok.headers.get('etag'));
      const stale = await api.post(`/recommendations/${id}/withdrawal`, governor, { reason: 'x' }, { 'If-Match': etag });
      expect(stale.status).toBe(412);
      await api.expectNewEvents(since, ['RecommendationPublished']);
    });
  });

  it('every forum endpoint is in the OpenAPI document', async () => {
    const doc = await api.get('/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/forums',
        '/forums/{forumId}',
        '/forums/{forumId}/members',
        '/forums/{forumId}/members/{memberId}/departure',
        '/forums/{forumId}/meetings',
        '/forums/{forumId}/recommendations',
        '/forums/{forumId}/history',
        '/forum-membership',
        '/recommendations',
        '/recommendations/{recommendationId}',
        '/recommendations/{recommendationId}/amendments',
        '/recommendations/{recommendationId}/publication',
        '/recommendations/{recommendationId}/withdrawal',
        '/recommendations/{recommendationId}/revisions',
        '/recommendations/{recommendationId}/history',
      ]),
    );
    expect(doc.body.paths['/forums/{forumId}/recommendations'].post.responses['422']).toBeDefined();
    expect(doc.body.paths['/forums/{forumId}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['asOf', 'on']),
    );
  });
});
