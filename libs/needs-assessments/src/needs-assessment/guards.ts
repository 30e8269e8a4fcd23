import { AccessPolicy, ConflictError, NotFoundError } from '#libs/kernel';
import type { ActorFacts, AssessmentSnapshot, Measure, NeedsAssessmentState } from './needs-assessment.types.js';

export const isMember = (s: NeedsAssessmentState, org: string) => s.leadOwner === org || s.coOwners.includes(org);

export function snapshotOf(s: NeedsAssessmentState): AssessmentSnapshot {
  return { content: s.content, leadOwner: s.leadOwner, coOwners: s.coOwners, measures: s.measures };
}

/** R20: an organisation outside the assessment learns nothing of it (404, not 403). */
export function loaded(s: NeedsAssessmentState, actor: ActorFacts): string {
  if (!s.assessmentId || !isMember(s, actor.org)) throw new NotFoundError('needs assessment', '(this id)');
  return s.assessmentId;
}

/** R20: a member of the assessment acting as its lead owner. */
export function asLead(s: NeedsAssessmentState, actor: ActorFacts, what: string): string {
  const id = loaded(s, actor);
  AccessPolicy.assertActsFor(actor, s.leadOwner, what);
  return id;
}

export function editable(s: NeedsAssessmentState): void {
  if (s.status === 'withdrawn') throw new ConflictError('the needs assessment was withdrawn');
}

export function measureOf(s: NeedsAssessmentState, measureId: string): Measure {
  const m = s.measures.find((x) => x.measureId === measureId);
  if (!m) throw new NotFoundError('measure', measureId);
  return m;
}

export const replaceMeasure = (s: NeedsAssessmentState, measureId: string, f: (m: Measure) => Measure) =>
  s.measures.map((m) => (m.measureId === measureId ? f(m) : m));
