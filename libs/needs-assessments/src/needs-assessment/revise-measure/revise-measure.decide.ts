import { DomainError, ruleSetFor } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, MeasureFields, NeedsAssessmentState } from '../needs-assessment.types.js';
import { asLead, editable, measureOf, replaceMeasure } from '../guards.js';
import { linesViolations, measureViolations } from '../needs-assessment.rules.js';
import { warningsOf } from '../submission.rules.js';

export interface ReviseMeasure {
  type: 'ReviseMeasure';
  actor: ActorFacts;
  measureId: string;
  measure: MeasureFields;
}

/** R9: the revised measure's span must still hold every organisation's lines. */
export function decideReviseMeasure(c: ReviseMeasure, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = asLead(s, c.actor, 'revises measures');
  editable(s);
  const rules = ruleSetFor(s.scheme, s.year || 2000);
  const current = measureOf(s, c.measureId);
  const revised = { ...current, ...c.measure };
  const linesV = Object.entries(current.lines).flatMap(([org, l]) =>
    linesViolations(revised, l, current.university?.org === org).map((x) => ({ ...x, field: `lines.${org}.${x.field}` })),
  );
  const v = [...measureViolations(c.measure, s.year, rules), ...linesV];
  if (v.length) throw new DomainError(v);
  const warnings = warningsOf(
    replaceMeasure(s, c.measureId, () => revised),
    rules,
  );
  return [
    { type: 'MeasureRevised', data: { assessmentId, measureId: c.measureId, measure: c.measure, revision: s.revision + 1, warnings } },
  ];
}
