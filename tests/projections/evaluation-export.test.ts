import { evaluationExportProjection } from '#libs/exports';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec, type GivenEvent } from '../support/projection-spec.js';

const backends = await testBackends('projection evaluation export');

const STAVANGER = '964965226';
const UIS = '971564679';
const CALL = 'rogaland-dekomp-2027';
const GRANT = `ROGALAND.DEKOMP.m1.${STAVANGER}`;

const stavanger = {
  orgNumber: STAVANGER,
  name: 'Stavanger kommune',
  kind: 'municipality',
  municipalityNumber: '1103',
  countyNumber: '11',
  office: 'ROGALAND',
};
const lines = (amount: number) => ({
  budget: [
    { year: 2027, category: 'implementation', amount },
    { year: 2027, category: 'coordinator', amount: 20_000 },
  ],
  coFinancing: [{ year: 2027, amount: 66_000, form: 'salary' }],
});
const measure = {
  measureId: 'm1',
  title: 'Lesing i alle fag',
  description: 'Reading across subjects',
  targetGroup: 'teachers',
  schools: ['Hundvåg skole', 'Lura skole'],
  participants: { teachers: 60, leaders: 6, otherStaff: 4 },
  startYear: 2027,
  spanYears: 2,
  university: { org: UIS, local: true },
  replacedUniversities: [],
  lines: { [STAVANGER]: lines(200_000) },
};
const snapshot = {
  content: { title: 'Kompetanseløft', summary: 's', anchoring: {}, themes: { goals: ['basic_skills'], tags: ['lesing'] } },
  leadOwner: STAVANGER,
  coOwners: [],
  measures: [measure],
};
const decidedLine = (year: number, amount: number) => ({ year, amount, reportDeadline: `${year + 1}-01-15`, recommended: amount });

const history: GivenEvent[] = [
  { type: 'OrganisationRegistered', data: stavanger, streamId: `Organisation-${STAVANGER}` },
  {
    type: 'CallOpened',
    data: {
      callId: CALL,
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      year: 2027,
      title: 'x',
      deadline: '2027-02-01',
      decisionDate: '2027-04-30',
      ruleSetVersion: 'dekomp-2021.1',
    },
    streamId: `Call-${CALL}`,
  },
  {
    type: 'NeedsAssessmentDrafted',
    data: {
      assessmentId: 'a1',
      callId: CALL,
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      year: 2027,
      leadOwner: STAVANGER,
      title: 'Behovsmelding',
      summary: '',
      ruleSetVersion: 'dekomp-2021.1',
    },
    streamId: 'NeedsAssessment-a1',
  },
  {
    type: 'NeedsAssessmentSubmitted',
    data: { assessmentId: 'a1', version: 1, late: false, submittedOn: '2027-01-30', deadline: '2027-02-01', snapshot, warnings: [] },
    streamId: 'NeedsAssessment-a1',
  },
  {
    type: 'PartnershipCommitted',
    data: { measureId: 'm1', assessmentId: 'a1', university: UIS, office: 'ROGALAND' },
    streamId: `Partnership-m1-${UIS}`,
  },
  {
    type: 'RecommendationRecorded',
    data: {
      recommendationId: 'r1',
      forumId: 'rogaland-11',
      office: 'ROGALAND',
      callId: CALL,
      meetingDate: '2027-03-10',
      measures: [{ measureId: 'm1', amounts: [{ recipientOrg: STAVANGER, year: 2027, amount: 200_000 }] }],
    },
    streamId: 'Recommendation-r1',
  },
  {
    type: 'FrameSet',
    data: { office: 'ROGALAND', scheme: 'DEKOMP', year: 2027, amount: 1_000_000 },
    streamId: 'FrameLedger-ROGALAND-DEKOMP',
  },
  {
    type: 'AllocationDecided',
    data: {
      grantId: GRANT,
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      decisionYear: 2027,
      callId: CALL,
      measureId: 'm1',
      recipientOrg: STAVANGER,
      recipientKind: 'municipality',
      lines: [decidedLine(2027, 200_000), decidedLine(2028, 150_000)],
      basis: 'recommendation',
      recommendationId: 'r1',
      deviates: false,
      deviationReason: null,
      decidedOn: '2027-04-20',
      decisionDate: '2027-04-30',
      ruleSetVersion: 'dekomp-2021.1',
      warnings: [],
    },
    streamId: 'FrameLedger-ROGALAND-DEKOMP',
  },
  {
    type: 'GrantPaymentRecorded',
    data: {
      grantId: GRANT,
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      recipientOrg: STAVANGER,
      paymentId: 'p1',
      year: 2027,
      amount: 120_000,
      paidOn: '2027-06-01',
    },
    streamId: `Grant-${GRANT}`,
  },
  {
    type: 'AllocationAmended',
    data: {
      grantId: GRANT,
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      previousLines: [decidedLine(2027, 200_000), decidedLine(2028, 150_000)],
      lines: [decidedLine(2027, 200_000), { ...decidedLine(2028, 120_000), recommended: null }],
      basis: 'recommendation',
      recommendationId: 'r1',
      deviates: true,
      reason: 'Fewer schools',
      amendedOn: '2027-09-01',
      ruleSetVersion: 'dekomp-2021.1',
      warnings: [],
    },
    streamId: 'FrameLedger-ROGALAND-DEKOMP',
  },
];

const ROWS = `SELECT measure_id, recipient_org, year, office, scheme, requested::int, coordinator::int, planned_co_financing::int, recommended::int,
  to_char(recommended_on, 'YYYY-MM-DD') AS recommended_on, grant_id, decision_status, granted::int, to_char(decided_on, 'YYYY-MM-DD') AS decided_on,
  deviates, deviation_reason, co_fin_required::int, paid::int, amendments, report_status
  FROM ex_rows ORDER BY measure_id, recipient_org, year`;

describe.each(backends)('evaluation export read model on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(evaluationExportProjection, backend);
  });
  afterAll(async () => spec.close());

  it('Given a measure from assessment to amended decision, Then one row per recipient and year with money from every capability', async () => {
    const row = {
      measure_id: 'm1',
      recipient_org: STAVANGER,
      office: 'ROGALAND',
      scheme: 'DEKOMP',
      grant_id: GRANT,
      decision_status: 'active',
      decided_on: '2027-04-20',
      amendments: 1,
      report_status: 'due',
    };
    await spec.given(history).then(
      ROWS,
      [],
      [
        {
          ...row,
          year: 2027,
          requested: 220_000,
          coordinator: 20_000,
          planned_co_financing: 66_000,
          recommended: 200_000,
          recommended_on: '2027-03-10',
          granted: 200_000,
          deviates: true,
          deviation_reason: 'Fewer schools',
          co_fin_required: 60_000,
          paid: 120_000,
        },
        {
          ...row,
          year: 2028,
          requested: 0,
          coordinator: 0,
          planned_co_financing: 0,
          recommended: null,
          recommended_on: null,
          granted: 120_000,
          deviates: true,
          deviation_reason: 'Fewer schools',
          co_fin_required: 36_000,
          paid: 0,
        },
      ],
    );
  });

  it('Given the facts the rows join with, Then the assessment, measure, partnership, call and frame are there', async () => {
    await spec.given(history).then(
      `SELECT a.title, a.themes, a.status, m.schools, m.university_org, p.status AS partnership, c.rule_set_version, f.amount::int AS frame
       FROM ex_assessments a JOIN ex_measures m USING (assessment_id) JOIN ex_partnerships p USING (measure_id) JOIN ex_calls c USING (call_id)
       JOIN ex_frames f ON f.office = a.office AND f.scheme = a.scheme AND f.year = a.year`,
      [],
      [
        {
          title: 'Kompetanseløft',
          themes: 'basic_skills;lesing',
          status: 'submitted',
          schools: 2,
          university_org: UIS,
          partnership: 'committed',
          rule_set_version: 'dekomp-2021.1',
          frame: 1_000_000,
        },
      ],
    );
  });

  it('Given a run of organisation events, Then per organisation the last one wins (one by one and as a batch)', async () => {
    await spec
      .given([
        { type: 'OrganisationRegistered', data: stavanger, streamId: `Organisation-${STAVANGER}` },
        {
          type: 'OrganisationRegistered',
          data: {
            orgNumber: UIS,
            name: 'Universitetet i Stavanger',
            kind: 'university',
            municipalityNumber: null,
            countyNumber: '11',
            office: 'ROGALAND',
          },
          streamId: `Organisation-${UIS}`,
        },
        {
          type: 'OrganisationAmended',
          data: { ...stavanger, name: 'Stavanger kommune oppvekst', reason: 'name' },
          streamId: `Organisation-${STAVANGER}`,
        },
      ])
      .then(
        'SELECT org_number, name, kind, county_number FROM ex_orgs ORDER BY org_number',
        [],
        [
          { org_number: STAVANGER, name: 'Stavanger kommune oppvekst', kind: 'municipality', county_number: '11' },
          { org_number: UIS, name: 'Universitetet i Stavanger', kind: 'university', county_number: '11' },
        ],
      );
  });

  it('Given a withdrawn recommendation and a revoked decision, Then the row keeps its money lines but loses the recommendation and is revoked', async () => {
    await spec
      .given([
        ...history.slice(0, 8),
        { type: 'RecommendationWithdrawn', data: { recommendationId: 'r1', revision: 1, reason: 'x' }, streamId: 'Recommendation-r1' },
        {
          type: 'AllocationRevoked',
          data: {
            grantId: GRANT,
            office: 'ROGALAND',
            scheme: 'DEKOMP',
            recipientOrg: STAVANGER,
            reason: 'x',
            revokedOn: '2027-05-01',
            warnings: [],
          },
          streamId: 'FrameLedger-ROGALAND-DEKOMP',
        },
      ])
      .then(
        `SELECT year, recommended::int, recommendation_id, decision_status, granted::int FROM ex_rows ORDER BY year`,
        [],
        [
          { year: 2027, recommended: null, recommendation_id: null, decision_status: 'revoked', granted: 200_000 },
          { year: 2028, recommended: null, recommendation_id: null, decision_status: 'revoked', granted: 150_000 },
        ],
      );
  });
});
