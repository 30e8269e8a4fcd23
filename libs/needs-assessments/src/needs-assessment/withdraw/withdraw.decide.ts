import { ConflictError } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, NeedsAssessmentState } from '../needs-assessment.types.js';
import { asLead } from '../guards.js';

export interface Withdraw {
  type: 'Withdraw';
  actor: ActorFacts;
  reason: string;
}

/** R21: a submitted assessment is withdrawn with a reason. */
export function decideWithdraw(c: Withdraw, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = asLead(s, c.actor, 'withdraws');
  if (s.status !== 'submitted' && s.status !== 'amended') throw new ConflictError(`a ${s.status} needs assessment cannot be withdrawn`);
  return [{ type: 'NeedsAssessmentWithdrawn', data: { assessmentId, reason: c.reason } }];
}
