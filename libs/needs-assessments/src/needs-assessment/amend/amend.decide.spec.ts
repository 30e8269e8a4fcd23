import { ConflictError } from '#libs/kernel';
import { call, history, lead, LEAD, lines, ready, spec, submit } from '../needs-assessment.fixtures.js';

describe('amend a submitted needs assessment', () => {
  it('R14/R21: amending before the deadline creates version 2 with its reason; after the deadline it is refused', () => {
    const submitted = history(ready(), submit());
    const edited = history(submitted, lines(LEAD, 120_000, 36_000));
    const [amended] = spec
      .given(edited)
      .when({ type: 'Amend', actor: lead, today: '2027-01-20', deadline: call.deadline, declinedPartners: [], reason: 'more schools' })
      .events();
    expect(amended).toMatchObject({
      type: 'NeedsAssessmentAmended',
      data: { version: 2, reason: 'more schools', snapshot: { measures: [{ lines: { [LEAD]: { budget: [{ amount: 120_000 }] } } }] } },
    });
    spec
      .given(edited)
      .when({ type: 'Amend', actor: lead, today: '2027-02-02', deadline: call.deadline, declinedPartners: [], reason: 'x' })
      .thenViolatesExactly([['R14', 'deadline']]);
    spec.given(submitted).when(submit()).thenThrows(ConflictError);
  });
});
