import { AccessPolicy, DomainError, ruleSetFor } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, NeedsAssessmentState, OrgLines } from '../needs-assessment.types.js';
import { editable, loaded, measureOf, replaceMeasure } from '../guards.js';
import { linesViolations } from '../needs-assessment.rules.js';
import { warningsOf } from '../submission.rules.js';

export interface SetMeasureLines {
  type: 'SetMeasureLines';
  actor: ActorFacts;
  measureId: string;
  org: string;
  lines: OrgLines;
}

/** R5, R6, R7, R9, R10: each owner sets its own lines; the lead also sets the university partner's line. */
export function decideSetMeasureLines(c: SetMeasureLines, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = loaded(s, c.actor);
  editable(s);
  const m = measureOf(s, c.measureId);
  const isUniversity = m.university?.org === c.org;
  const leadForUniversity = isUniversity && c.actor.org === s.leadOwner;
  if (!leadForUniversity)
    AccessPolicy.assertActsFor(c.actor, c.org, `sets the money lines of ${c.org}: each network owner keeps its own (R10)`);
  const v = linesViolations(m, c.lines, isUniversity);
  if (v.length) throw new DomainError(v);
  const warnings = warningsOf(
    replaceMeasure(s, c.measureId, (x) => ({ ...x, lines: { ...x.lines, [c.org]: c.lines } })),
    ruleSetFor(s.scheme, s.year || 2000),
  );
  return [
    {
      type: 'MeasureLinesSet',
      data: { assessmentId, measureId: c.measureId, org: c.org, lines: c.lines, revision: s.revision + 1, warnings },
    },
  ];
}
