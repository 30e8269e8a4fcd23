import { ConflictError } from '#libs/kernel';
import { A, history, lead, LEAD, lines, ready, spec, submit } from '../needs-assessment.fixtures.js';

describe('withdraw a needs assessment', () => {
  it('R21: withdrawal keeps the reason; a withdrawn assessment takes no more changes', () => {
    const submitted = history(ready(), submit());
    const withdrawn = history(submitted, { type: 'Withdraw', actor: lead, reason: 'merged with the network' });
    expect(withdrawn.at(-1)).toEqual({ type: 'NeedsAssessmentWithdrawn', data: { assessmentId: A, reason: 'merged with the network' } });
    spec
      .given(withdrawn)
      .when(lines(LEAD, 1, 1))
      .thenThrows(ConflictError);
    spec.given(history(ready())).when({ type: 'Withdraw', actor: lead, reason: 'x' }).thenThrows(ConflictError);
  });
});
