import { addMeasure, co, CO, drafted, history, invite, lead, LEAD, lines, ready, spec, submit, UIS } from '../needs-assessment.fixtures.js';
import { ForbiddenError } from '#libs/kernel';

describe('submit a needs assessment', () => {
  it('R4/R3/R6: submitting an empty draft lists every broken rule', () => {
    spec
      .given(history([drafted], addMeasure()))
      .when(submit())
      .thenViolatesExactly([
        ['R4', 'summary'],
        ['R4', 'anchoring.staffInvolvement'],
        ['R4', 'anchoring.leaderInvolvement'],
        ['R4', 'anchoring.universityParticipation'],
        ['R4', 'anchoring.plans'],
        ['R6', 'measures[0].lines'],
      ]);
    spec.given([drafted]).when(submit()).thenViolates('measures', 'measures');
  });

  it('R10: every network owner confirms the current revision before submission; a later change needs a new confirmation', () => {
    const net = history(ready(), invite(), lines(CO, 50_000, 15_000, co));
    spec
      .given(net)
      .when(submit())
      .thenViolatesExactly([['R10', `network.${CO}`]]);
    const confirmed = history(net, { type: 'ConfirmOwnerPart', actor: co });
    expect(spec.given(confirmed).when(submit()).events()[0]).toMatchObject({
      type: 'NeedsAssessmentSubmitted',
      data: { version: 1, late: false, snapshot: { coOwners: [CO] } },
    });
    const changedAfter = history(confirmed, lines(LEAD, 90_000, 27_000));
    spec
      .given(changedAfter)
      .when(submit())
      .thenViolatesExactly([['R10', `network.${CO}`]]);
    spec.given(confirmed).when({ type: 'ConfirmOwnerPart', actor: lead }).thenThrows(ForbiddenError);
  });

  it('R14: a submission after the deadline is accepted and marked late', () => {
    const [e] = spec.given(ready()).when(submit('2027-02-02')).events();
    expect(e).toMatchObject({ type: 'NeedsAssessmentSubmitted', data: { late: true, submittedOn: '2027-02-02', deadline: '2027-02-01' } });
  });

  it('R3: a declined partner blocks submission', () => {
    spec
      .given(ready())
      .when(submit('2027-01-15', [`m-1:${UIS}`]))
      .thenViolatesExactly([['R3', 'measures[0].university']]);
  });
});
