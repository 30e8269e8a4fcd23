import type { Measure } from '#libs/needs-assessments';
import { partnershipsProjection } from '#libs/partnerships';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec } from '../support/projection-spec.js';

const backends = await testBackends('projection partnerships');

const UIS = '971564679';
const UIA = '970546200';
const NA = 'NeedsAssessment-a-1';
const drafted = {
  assessmentId: 'a-1',
  callId: 'rogaland-dekomp-2027',
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  year: 2027,
  leadOwner: '964965226',
  title: 't',
  summary: '',
  ruleSetVersion: 'dekomp-2021.1',
};
const fields = {
  title: 'Lesing',
  description: 'd',
  targetGroup: 'lærere',
  schools: ['Hundvåg skole'],
  participants: { teachers: 40, leaders: 4, otherStaff: 2 },
  startYear: 2027,
  spanYears: 2,
};
const measure: Measure = { ...fields, measureId: 'm-1', university: { org: UIS, local: true }, replacedUniversities: [], lines: {} };
const ROWS = `SELECT m.measure_id, a.status AS assessment_status, a.lead_owner, m.university_org, m.university_local, m.brief->>'title' AS title,
  (SELECT string_agg(p.university_org || ':' || p.status || ':' || p.version, ',') FROM pt_partnerships p WHERE p.measure_id = m.measure_id) AS answers
  FROM pt_measures m JOIN pt_assessments a ON a.assessment_id = m.assessment_id`;

describe.each(backends)('partnerships read model on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(partnershipsProjection, backend);
  });
  afterAll(async () => spec.close());

  it('Given a measure naming a university, Then the request with the measure and its assessment from the needs-assessment events', async () => {
    await spec
      .given([
        { type: 'NeedsAssessmentDrafted', data: drafted, streamId: NA },
        { type: 'MeasureAdded', data: { assessmentId: 'a-1', measure, revision: 2, warnings: [] }, streamId: NA },
        {
          type: 'MeasureRevised',
          data: { assessmentId: 'a-1', measureId: 'm-1', measure: { ...fields, title: 'Lesing i alle fag' }, revision: 3, warnings: [] },
          streamId: NA,
        },
      ])
      .then(
        ROWS,
        [],
        [
          {
            measure_id: 'm-1',
            assessment_status: 'draft',
            lead_owner: '964965226',
            university_org: UIS,
            university_local: true,
            title: 'Lesing i alle fag',
            answers: null,
          },
        ],
      );
  });

  it('Given a decline, a replacement and a submission, Then the new partner, the answer kept, and the status', async () => {
    await spec
      .given([
        { type: 'NeedsAssessmentDrafted', data: drafted, streamId: NA },
        { type: 'MeasureAdded', data: { assessmentId: 'a-1', measure, revision: 2, warnings: [] }, streamId: NA },
        {
          type: 'PartnershipDeclined',
          data: { measureId: 'm-1', assessmentId: 'a-1', university: UIS, office: 'ROGALAND', reason: 'capacity', explanation: 'full' },
          streamId: `Partnership-m-1-${UIS}`,
        },
        {
          type: 'UniversityPartnerReplaced',
          data: {
            assessmentId: 'a-1',
            measureId: 'm-1',
            previous: { org: UIS, local: true },
            university: { org: UIA, local: false },
            reason: 'x',
            revision: 3,
            warnings: [],
          },
          streamId: NA,
        },
        {
          type: 'NeedsAssessmentSubmitted',
          data: {
            assessmentId: 'a-1',
            version: 1,
            late: false,
            submittedOn: '2027-01-20',
            deadline: '2027-02-01',
            snapshot: {},
            warnings: [],
          },
          streamId: NA,
        },
      ])
      .then(
        ROWS,
        [],
        [
          {
            measure_id: 'm-1',
            assessment_status: 'submitted',
            lead_owner: '964965226',
            university_org: UIA,
            university_local: false,
            title: 'Lesing',
            answers: `${UIS}:declined:1`,
          },
        ],
      );
  });

  it('Given organisations registered and one amended, Then its own names table holds the latest name of each', async () => {
    const org = (orgNumber: string, name: string, kind: string) => ({
      orgNumber,
      name,
      kind,
      municipalityNumber: null,
      countyNumber: null,
      office: 'ROGALAND',
    });
    await spec
      .given([
        { type: 'OrganisationRegistered', data: org('964965226', 'Stavanger kommune', 'municipality'), streamId: 'Organisation-964965226' },
        { type: 'OrganisationRegistered', data: org(UIS, 'Universitetet i Stavanger', 'university'), streamId: `Organisation-${UIS}` },
        {
          type: 'OrganisationAmended',
          data: { ...org('964965226', 'Stavanger bykommune', 'municipality'), reason: 'merger' },
          streamId: 'Organisation-964965226',
        },
      ])
      .then(
        'SELECT key, name FROM pt_org_names ORDER BY key',
        [],
        [
          { key: '964965226', name: 'Stavanger bykommune' },
          { key: UIS, name: 'Universitetet i Stavanger' },
        ],
      );
  });
});
