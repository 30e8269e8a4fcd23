import { AccessPolicy } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, NeedsAssessmentState } from '../needs-assessment.types.js';
import { editable, loaded } from '../guards.js';

export interface ConfirmOwnerPart {
  type: 'ConfirmOwnerPart';
  actor: ActorFacts;
}

/** R10: a network owner confirms its own part of the current revision; the lead confirms by submitting. */
export function decideConfirmOwnerPart(c: ConfirmOwnerPart, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = loaded(s, c.actor);
  editable(s);
  // R20: only the network owners confirm (a member that is not the lead is one of them).
  AccessPolicy.assertActsForOneOf(
    c.actor,
    s.coOwners,
    'confirm their own part of a network assessment (the lead owner confirms by submitting)',
  );
  if (s.confirmations[c.actor.org] === s.revision) return [];
  return [{ type: 'OwnerPartConfirmed', data: { assessmentId, org: c.actor.org, revision: s.revision } }];
}
