import { ConflictError, DomainError, ruleSetFor } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, NeedsAssessmentState } from '../needs-assessment.types.js';
import { asLead, snapshotOf } from '../guards.js';
import { submissionViolations, warningsOf } from '../submission.rules.js';

export interface Submit {
  type: 'Submit';
  actor: ActorFacts;
  /** Today in Norway (CLOCK), and the call's current deadline (CALL_CATALOG). */
  today: string;
  deadline: string;
  /** `${measureId}:${university}` pairs whose university declined (PARTNERSHIP_STATUS). */
  declinedPartners: string[];
}

/** R3, R4, R9, R10 all reported together; R14: after the deadline a submission is accepted and marked late. */
export function decideSubmit(c: Submit, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = asLead(s, c.actor, 'submits');
  if (s.status !== 'draft') throw new ConflictError(`the needs assessment is ${s.status}: amend it instead`);
  const rules = ruleSetFor(s.scheme, s.year || 2000);
  const v = submissionViolations(s, rules, c.declinedPartners);
  if (v.length) throw new DomainError(v);
  const late = c.today > c.deadline;
  return [
    {
      type: 'NeedsAssessmentSubmitted',
      data: {
        assessmentId,
        version: 1,
        late,
        submittedOn: c.today,
        deadline: c.deadline,
        snapshot: snapshotOf(s),
        warnings: warningsOf(s.measures, rules),
      },
    },
  ];
}
