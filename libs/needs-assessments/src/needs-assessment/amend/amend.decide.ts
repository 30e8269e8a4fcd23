import { ConflictError, DomainError, ruleSetFor } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, NeedsAssessmentState } from '../needs-assessment.types.js';
import { asLead, snapshotOf } from '../guards.js';
import { submissionViolations, warningsOf } from '../submission.rules.js';

export interface Amend {
  type: 'Amend';
  actor: ActorFacts;
  today: string;
  deadline: string;
  declinedPartners: string[];
  reason: string;
}

/** R14, R21: the working copy becomes a new version, with its reason, until the call's deadline. */
export function decideAmend(c: Amend, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = asLead(s, c.actor, 'amends');
  if (s.status !== 'submitted' && s.status !== 'amended') throw new ConflictError(`a ${s.status} needs assessment cannot be amended`);
  if (c.today > c.deadline)
    throw DomainError.of('R14', 'deadline', `the call's deadline ${c.deadline} has passed: amendments are no longer accepted`);
  const rules = ruleSetFor(s.scheme, s.year || 2000);
  const v = submissionViolations(s, rules, c.declinedPartners);
  if (v.length) throw new DomainError(v);
  return [
    {
      type: 'NeedsAssessmentAmended',
      data: {
        assessmentId,
        version: s.versions + 1,
        submittedOn: c.today,
        deadline: c.deadline,
        snapshot: snapshotOf(s),
        reason: c.reason,
        warnings: warningsOf(s.measures, rules),
      },
    },
  ];
}
