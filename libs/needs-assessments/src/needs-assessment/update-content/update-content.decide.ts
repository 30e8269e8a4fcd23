import { DomainError } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, AssessmentContent, NeedsAssessmentState } from '../needs-assessment.types.js';
import { asLead, editable } from '../guards.js';
import { contentViolations } from '../needs-assessment.rules.js';

export interface UpdateContent {
  type: 'UpdateContent';
  actor: ActorFacts;
  content: AssessmentContent;
}

/** The lead owner edits title, summary, anchoring (R4) and themes. */
export function decideUpdateContent(c: UpdateContent, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = asLead(s, c.actor, 'edits the content');
  editable(s);
  const v = contentViolations(c.content);
  if (v.length) throw new DomainError(v);
  return [{ type: 'NeedsAssessmentContentUpdated', data: { assessmentId, content: c.content, revision: s.revision + 1 } }];
}
