import { ConflictError, DomainError } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, NeedsAssessmentState, OrgFacts } from '../needs-assessment.types.js';
import { asLead, isMember } from '../guards.js';
import { isSchoolOwner } from '../needs-assessment.rules.js';

export interface InviteNetworkOwner {
  type: 'InviteNetworkOwner';
  actor: ActorFacts;
  owner: OrgFacts | null;
  orgNumber: string;
}

/** R10: the lead invites school owners of the same office into a network, while the assessment is a draft. */
export function decideInviteNetworkOwner(c: InviteNetworkOwner, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = asLead(s, c.actor, 'invites owners into its network');
  if (s.status !== 'draft') throw new ConflictError('owners join a network while the assessment is a draft');
  if (isMember(s, c.orgNumber)) throw new ConflictError(`${c.orgNumber} is in the network already`);
  const o = c.owner;
  if (!o) throw DomainError.of('R19', 'orgNumber', `organisation ${c.orgNumber} is not registered`);
  if (!isSchoolOwner(o)) throw DomainError.of('R1', 'orgNumber', `a network is of school owners (R10); ${o.orgNumber} is a ${o.kind}`);
  if (o.office !== s.office)
    throw DomainError.of(
      'R19',
      'orgNumber',
      `owner ${o.orgNumber} belongs to governor office ${o.office ?? '(none)'}, this call to ${s.office}`,
    );
  return [{ type: 'NetworkOwnerInvited', data: { assessmentId, org: o.orgNumber, revision: s.revision + 1 } }];
}
