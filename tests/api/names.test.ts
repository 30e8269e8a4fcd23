import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { appendLedger, decided } from './webhooks.fixture.js';

const backends = await testBackends('api names');

const STAVANGER = '964965226';
const UIS = '971564679';
const OLD_NAME = 'Stavanger kommune';
const NEW_NAME = 'Stavanger bykommune';
const OFFICE_NAME = 'Statsforvalteren i Rogaland';
const TITLE = 'Lesing i alle fag';

describe.each(backends)('names beside the numbers, as of the time asked for, on %s', (backend: BackendName) => {
  let api: TestApi;
  let governor: string;
  let ministry: string;
  let stavanger: string;
  let uis: string;
  let measureId: string;
  let assessmentId: string;
  let grantId: string;
  /** The last position before the amendment of Stavanger's name, and the amendment's. */
  let beforeRename: number;
  let renamed: number;
  const read = (path: string, token: string, asOf?: number) =>
    api.get(`${path}${path.includes('?') ? '&' : '?'}${asOf === undefined ? `minPosition=${renamed}` : `asOf=${asOf}`}`, token);

  beforeAll(async () => {
    api = await startTestApi(backend);
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    stavanger = await api.token({ role: 'school_owner', org: STAVANGER });
    uis = await api.token({ role: 'university', org: UIS });
    // Given Stavanger and UiS, a call, and Stavanger's assessment with a measure naming UiS as partner
    for (const o of [
      { orgNumber: STAVANGER, name: OLD_NAME, kind: 'municipality', municipalityNumber: '1103' },
      { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
    ])
      expect((await api.post('/organisations', ministry, o)).status).toBe(201);
    expect((await api.post('/calls', governor, { scheme: 'DEKOMP', year: 2027, title: 'Behovsmelding 2027' })).status).toBe(201);
    const draft = await api.post('/needs-assessments', stavanger, { callId: 'rogaland-dekomp-2027', title: 'Behovsmelding' });
    expect(draft.status).toBe(201);
    const added = await api.post(`/needs-assessments/${draft.body.id}/measures`, stavanger, {
      title: TITLE,
      description: 'School-based development of reading across subjects',
      targetGroup: 'teachers 1–10',
      schools: ['Hundvåg skole'],
      participants: { teachers: 60, leaders: 6, otherStaff: 4 },
      startYear: 2027,
      spanYears: 1,
      universityOrg: UIS,
    });
    expect(added.status).toBe(200);
    measureId = added.body.measureId;
    assessmentId = draft.body.id;
    // and the governor's decision for Stavanger's measure (the ledger's published fact)
    grantId = `ROGALAND.DEKOMP.${measureId}.${STAVANGER}`;
    const decision = decided(grantId, 'ROGALAND', STAVANGER);
    await appendLedger(api.store, 'ROGALAND', [{ ...decision, data: { ...decision.data, measureId } }]);
    beforeRename = await api.head();
    // When Stavanger's name is amended
    const amended = await api.post(`/organisations/${STAVANGER}/amendments`, ministry, {
      name: NEW_NAME,
      reason: 'New name after a merger',
    });
    expect(amended.status).toBe(200);
    renamed = amended.body.position;
  });
  afterAll(async () => api.close());

  it("the governor's overview names the recipient, the measure and the office; asOf before the amendment gives the old name", async () => {
    const path = '/governor/overview?scheme=DEKOMP&year=2027';
    const today = await read(path, governor);
    expect(today.status).toBe(200);
    expect(today.body.officeName).toBe(OFFICE_NAME);
    expect(today.body.lines).toEqual([
      expect.objectContaining({ grantId, recipientOrg: STAVANGER, recipientName: NEW_NAME, measureId, measureTitle: TITLE }),
    ]);
    const then = await read(path, governor, beforeRename);
    expect(then.status).toBe(200);
    expect(then.body.lines).toEqual([expect.objectContaining({ grantId, recipientName: OLD_NAME, measureTitle: TITLE })]);
  });

  it("a university's partnership list names the lead owner, the university, the measure and the office, as of then", async () => {
    const today = await read('/partnerships', uis);
    expect(today.status).toBe(200);
    expect(today.body).toEqual([
      expect.objectContaining({
        measureId,
        measureTitle: TITLE,
        leadOwner: STAVANGER,
        leadOwnerName: NEW_NAME,
        university: UIS,
        universityName: 'Universitetet i Stavanger',
        office: 'ROGALAND',
        officeName: OFFICE_NAME,
      }),
    ]);
    const then = await read('/partnerships', uis, beforeRename);
    expect(then.body).toEqual([expect.objectContaining({ measureId, leadOwnerName: OLD_NAME })]);
  });

  it('the grant list, the recipient overview and the needs assessments name them too', async () => {
    const grants = await read('/grants', ministry);
    expect(grants.body).toEqual([
      expect.objectContaining({ grantId, recipientName: NEW_NAME, measureTitle: TITLE, officeName: OFFICE_NAME }),
    ]);
    expect((await read('/grants', ministry, beforeRename)).body).toEqual([expect.objectContaining({ grantId, recipientName: OLD_NAME })]);
    const recipient = await read(`/recipients/${STAVANGER}/grants`, stavanger);
    expect(recipient.body).toMatchObject({ org: STAVANGER, orgName: NEW_NAME });
    const assessments = await read('/needs-assessments', stavanger);
    expect(assessments.body).toEqual([expect.objectContaining({ leadOwner: STAVANGER, leadOwnerName: NEW_NAME, officeName: OFFICE_NAME })]);
    expect((await read('/needs-assessments', stavanger, beforeRename)).body).toEqual([
      expect.objectContaining({ leadOwnerName: OLD_NAME }),
    ]);
    const detail = await read(`/needs-assessments/${assessmentId}`, stavanger);
    expect(detail.body.members).toEqual([expect.objectContaining({ org: STAVANGER, name: NEW_NAME, role: 'lead' })]);
    expect(detail.body.measures).toEqual([
      expect.objectContaining({ measureId, title: TITLE, universityName: 'Universitetet i Stavanger' }),
    ]);
  });

  it('organisations and calls show their office and county by name', async () => {
    const orgs = await read('/organisations', ministry);
    expect(orgs.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ orgNumber: UIS, countyNumber: '11', countyName: 'Rogaland' })]),
    );
    const calls = await read('/calls', governor);
    expect(calls.body).toEqual([expect.objectContaining({ callId: 'rogaland-dekomp-2027', officeName: OFFICE_NAME })]);
  });
});
