import { ForbiddenError } from '#libs/kernel';
import type { OrgFacts } from '../needs-assessment.types.js';
import { A, call, drafted, lead, LEAD, owner, spec } from '../needs-assessment.fixtures.js';
import type { CreateDraft } from './create-draft.decide.js';

const create = (o: OrgFacts | null): CreateDraft => ({
  type: 'CreateDraft',
  assessmentId: A,
  actor: lead,
  call,
  lead: o,
  title: 't',
  summary: '',
});

describe('draft a needs assessment', () => {
  it('Given nothing, When an owner of the office drafts for the call, Then NeedsAssessmentDrafted with the rule-set version', () => {
    spec
      .given([])
      .when(create(owner(LEAD)))
      .then([drafted]);
  });

  it("R1/R19: the lead must be a registered school owner of the call's office", () => {
    spec
      .given([])
      .when(create(null))
      .thenViolatesExactly([['R19', 'leadOwner']]);
    spec
      .given([])
      .when(create({ orgNumber: LEAD, kind: 'commercial', office: 'ROGALAND' }))
      .thenViolatesExactly([['R1', 'leadOwner']]);
    spec
      .given([])
      .when(create(owner(LEAD, 'AGDER')))
      .thenViolatesExactly([['R19', 'callId']]);
  });

  it('R20: only a school owner drafts', () => {
    spec
      .given([])
      .when({ ...create(owner(LEAD)), actor: { role: 'university', org: LEAD, subject: 'u' } })
      .thenThrows(ForbiddenError);
  });
});
