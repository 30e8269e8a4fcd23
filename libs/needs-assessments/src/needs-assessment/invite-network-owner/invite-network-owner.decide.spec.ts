import { A, CO, drafted, lead, owner, spec } from '../needs-assessment.fixtures.js';

describe('invite a network owner', () => {
  it('R10: the lead invites owners of the same office into a network; others may not', () => {
    spec
      .given([drafted])
      .when({ type: 'InviteNetworkOwner', actor: lead, owner: owner(CO), orgNumber: CO })
      .then([{ type: 'NetworkOwnerInvited', data: { assessmentId: A, org: CO, revision: 2 } }]);
    spec
      .given([drafted])
      .when({ type: 'InviteNetworkOwner', actor: lead, owner: { orgNumber: CO, kind: 'university', office: 'ROGALAND' }, orgNumber: CO })
      .thenViolatesExactly([['R1', 'orgNumber']]);
    spec
      .given([drafted])
      .when({ type: 'InviteNetworkOwner', actor: lead, owner: owner(CO, 'AGDER'), orgNumber: CO })
      .thenViolatesExactly([['R19', 'orgNumber']]);
  });
});
