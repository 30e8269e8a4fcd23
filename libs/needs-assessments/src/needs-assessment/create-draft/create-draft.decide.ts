import { AccessPolicy, ConflictError, DomainError, ruleSetFor } from '#libs/kernel';
import type { NeedsAssessmentEvent } from '../needs-assessment.events.js';
import type { ActorFacts, CallFacts, NeedsAssessmentState, OrgFacts } from '../needs-assessment.types.js';
import { isSchoolOwner } from '../needs-assessment.rules.js';

export interface CreateDraft {
  type: 'CreateDraft';
  assessmentId: string;
  actor: ActorFacts;
  call: CallFacts;
  lead: OrgFacts | null;
  title: string;
  summary: string;
}

/** R1, R19, R20: a registered school owner of the call's office drafts, as the lead owner. */
export function decideCreateDraft(c: CreateDraft, s: NeedsAssessmentState): NeedsAssessmentEvent[] {
  if (s.assessmentId) throw new ConflictError(`needs assessment ${c.assessmentId} exists already`);
  AccessPolicy.assertRole(c.actor, ['school_owner'], 'drafts a needs assessment');
  const rules = ruleSetFor(c.call.scheme, c.call.year);
  if (!rules.governorRole) throw DomainError.of('scheme', 'callId', `${c.call.scheme} has no needs assessments to a governor`);
  const lead = c.lead;
  if (!lead) throw DomainError.of('R19', 'leadOwner', `organisation ${c.actor.org} is not registered`);
  if (!isSchoolOwner(lead))
    throw DomainError.of('R1', 'leadOwner', `only school owners submit needs assessments; ${lead.orgNumber} is a ${lead.kind}`);
  if (lead.office !== c.call.office) {
    throw DomainError.of(
      'R19',
      'callId',
      `owner ${lead.orgNumber} belongs to governor office ${lead.office ?? '(none)'}, the call to ${c.call.office}`,
    );
  }
  const { callId, office, scheme, year } = c.call;
  return [
    {
      type: 'NeedsAssessmentDrafted',
      data: {
        assessmentId: c.assessmentId,
        callId,
        office,
        scheme,
        year,
        leadOwner: lead.orgNumber,
        title: c.title,
        summary: c.summary,
        ruleSetVersion: rules.version,
      },
    },
  ];
}
