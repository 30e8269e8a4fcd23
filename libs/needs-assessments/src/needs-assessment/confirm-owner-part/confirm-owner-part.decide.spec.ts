import { ForbiddenError } from '#libs/kernel';
import { A, co, CO, drafted, history, invite, lead, spec } from '../needs-assessment.fixtures.js';

describe("confirm a network owner's part", () => {
  it('R10: a network owner confirms the current revision, once', () => {
    const net = history([drafted], invite());
    spec
      .given(net)
      .when({ type: 'ConfirmOwnerPart', actor: co })
      .then([{ type: 'OwnerPartConfirmed', data: { assessmentId: A, org: CO, revision: 2 } }]);
    spec
      .given(history(net, { type: 'ConfirmOwnerPart', actor: co }))
      .when({ type: 'ConfirmOwnerPart', actor: co })
      .then([]);
  });

  it('R10/R20: the lead owner confirms by submitting, not here', () => {
    spec
      .given(history([drafted], invite()))
      .when({ type: 'ConfirmOwnerPart', actor: lead })
      .thenThrows(ForbiddenError);
  });
});
