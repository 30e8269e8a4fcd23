import { needsAssessmentsProjection, type NeedsAssessmentEvent } from '#libs/needs-assessments';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec } from '../support/projection-spec.js';

const backends = await testBackends('projection needs assessments');

const CALL = 'rogaland-dekomp-2027';
const STREAM = 'NeedsAssessment-a-1';
const opened = {
  callId: CALL,
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  year: 2027,
  title: 'Behovsmelding 2027',
  deadline: '2027-02-01',
  decisionDate: '2027-04-30',
  ruleSetVersion: 'dekomp-2021.1',
};
const drafted: NeedsAssessmentEvent = {
  type: 'NeedsAssessmentDrafted',
  data: {
    assessmentId: 'a-1',
    callId: CALL,
    office: 'ROGALAND',
    scheme: 'DEKOMP',
    year: 2027,
    leadOwner: '964965226',
    title: 'Behovsmelding',
    summary: '',
    ruleSetVersion: 'dekomp-2021.1',
  },
};
const ROWS = `SELECT a.assessment_id, a.status, a.version, (SELECT to_char(c.deadline, 'YYYY-MM-DD') FROM na_calls c WHERE c.call_id = a.call_id) AS deadline,
  (SELECT string_agg(n.org || ':' || n.role, ',' ORDER BY n.org) FROM na_members n WHERE n.assessment_id = a.assessment_id) AS members FROM na_assessments a`;

describe.each(backends)('needs-assessments read model on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(needsAssessmentsProjection, backend);
  });
  afterAll(async () => spec.close());

  it("Given a call and a draft, Then the assessment with its lead and the call's deadline from the calls' own events", async () => {
    await spec
      .given([
        { type: 'CallOpened', data: opened, streamId: `Call-${CALL}` },
        { ...drafted, streamId: STREAM },
      ])
      .then(ROWS, [], [{ assessment_id: 'a-1', status: 'draft', version: 1, deadline: '2027-02-01', members: '964965226:lead' }]);
  });

  it('Given a deadline extension and a network owner, Then the current deadline and both members', async () => {
    await spec
      .given([
        { type: 'CallOpened', data: opened, streamId: `Call-${CALL}` },
        { ...drafted, streamId: STREAM },
        {
          type: 'CallDeadlineExtended',
          data: { callId: CALL, previousDeadline: '2027-02-01', deadline: '2027-02-15', reason: 'storm' },
          streamId: `Call-${CALL}`,
        },
        { type: 'NetworkOwnerInvited', data: { assessmentId: 'a-1', org: '910000004', revision: 2 }, streamId: STREAM },
      ])
      .then(
        ROWS,
        [],
        [{ assessment_id: 'a-1', status: 'draft', version: 2, deadline: '2027-02-15', members: '910000004:network,964965226:lead' }],
      );
  });

  it('Given a withdrawal, Then its status and reason', async () => {
    await spec
      .given([
        { ...drafted, streamId: STREAM },
        { type: 'NeedsAssessmentWithdrawn', data: { assessmentId: 'a-1', reason: 'merged' }, streamId: STREAM },
      ])
      .then('SELECT status, withdrawn_reason FROM na_assessments', [], [{ status: 'withdrawn', withdrawn_reason: 'merged' }]);
  });
});
