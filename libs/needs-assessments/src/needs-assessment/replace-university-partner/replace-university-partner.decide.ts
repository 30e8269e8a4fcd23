import { ConflictError, DomainError, ruleSetFor } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, NeedsAssessmentState, OrgFacts } from '../needs-assessment.types.js';
import { asLead, editable, measureOf, replaceMeasure } from '../guards.js';
import { partnerViolations } from '../needs-assessment.rules.js';
import { warningsOf } from '../submission.rules.js';

export interface ReplaceUniversityPartner {
  type: 'ReplaceUniversityPartner';
  actor: ActorFacts;
  measureId: string;
  university: OrgFacts | null;
  universityOrg: string;
  /** Looked up by the handler (PARTNERSHIP_STATUS): whether the current partner declined. */
  currentPartnerDeclined: boolean;
  reason: string;
}

/** R3: the local partner comes first; it is replaced only after it declined, by another university (never R2 commercial). */
export function decideReplaceUniversityPartner(c: ReplaceUniversityPartner, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  const assessmentId = asLead(s, c.actor, 'names the university partner');
  editable(s);
  const m = measureOf(s, c.measureId);
  if (!m.university) throw new ConflictError('the measure has no partner to replace');
  if (!c.currentPartnerDeclined) {
    throw DomainError.of(
      'R3',
      'university',
      `university ${m.university.org} has not declined: the local partner comes first, and is replaced only when it lacks competence or capacity`,
    );
  }
  if (c.universityOrg === m.university.org || m.replacedUniversities.some((u) => u.org === c.universityOrg)) {
    throw DomainError.of('R3', 'universityOrg', `university ${c.universityOrg} declined this measure already`);
  }
  const v = partnerViolations(c.university, c.universityOrg, 'universityOrg');
  if (v.length) throw new DomainError(v);
  const university = { org: c.universityOrg, local: c.university!.office === s.office };
  const { [m.university.org]: _dropped, ...lines } = m.lines;
  const warnings = warningsOf(
    replaceMeasure(s, c.measureId, (x) => ({ ...x, university, lines })),
    ruleSetFor(s.scheme, s.year || 2000),
  );
  return [
    {
      type: 'UniversityPartnerReplaced',
      data: {
        assessmentId,
        measureId: c.measureId,
        previous: m.university,
        university,
        reason: c.reason,
        revision: s.revision + 1,
        warnings,
      },
    },
  ];
}
