import { ConflictError, DomainError, ruleSetFor } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, Measure, MeasureFields, NeedsAssessmentState, OrgFacts } from '../needs-assessment.types.js';
import { asLead, editable } from '../guards.js';
import { measureViolations, partnerViolations } from '../needs-assessment.rules.js';
import { warningsOf } from '../submission.rules.js';

export interface AddMeasure {
  type: 'AddMeasure';
  actor: ActorFacts;
  measureId: string;
  measure: MeasureFields;
  university: OrgFacts | null;
  universityOrg: string;
}

/** R2, R3, R9: a measure with its university partner; one outside the region is a warning. */
export function decideAddMeasure(c: AddMeasure, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = asLead(s, c.actor, 'adds measures');
  editable(s);
  if (s.measures.some((m) => m.measureId === c.measureId)) throw new ConflictError(`measure ${c.measureId} exists already`);
  const rules = ruleSetFor(s.scheme, s.year || 2000);
  const v = [...measureViolations(c.measure, s.year, rules), ...partnerViolations(c.university, c.universityOrg, 'university')];
  if (v.length) throw new DomainError(v);
  const measure: Measure = {
    ...c.measure,
    measureId: c.measureId,
    university: { org: c.universityOrg, local: c.university!.office === s.office },
    replacedUniversities: [],
    lines: {},
  };
  const warnings = warningsOf([...s.measures, measure], rules);
  return [{ type: 'MeasureAdded', data: { assessmentId, measure, revision: s.revision + 1, warnings } }];
}
