import type { Scheme } from '#libs/kernel';
import type { DomainEvent, Warning } from '#libs/platform';
import type {
  AssessmentContent,
  AssessmentSnapshot,
  Measure,
  MeasureFields,
  OrgLines,
  UniversityPartner,
} from './needs-assessment.types.js';

type E<T extends string, D> = DomainEvent<T, D & { assessmentId: string }>;

export type NeedsAssessmentDrafted = E<
  'NeedsAssessmentDrafted',
  {
    callId: string;
    office: string;
    scheme: Scheme;
    year: number;
    leadOwner: string;
    title: string;
    summary: string;
    ruleSetVersion: string;
  }
>;
export type NeedsAssessmentContentUpdated = E<'NeedsAssessmentContentUpdated', { content: AssessmentContent; revision: number }>;
export type NetworkOwnerInvited = E<'NetworkOwnerInvited', { org: string; revision: number }>;
export type MeasureAdded = E<'MeasureAdded', { measure: Measure; revision: number; warnings: Warning[] }>;
export type MeasureRevised = E<'MeasureRevised', { measureId: string; measure: MeasureFields; revision: number; warnings: Warning[] }>;
export type MeasureLinesSet = E<
  'MeasureLinesSet',
  { measureId: string; org: string; lines: OrgLines; revision: number; warnings: Warning[] }
>;
export type UniversityPartnerReplaced = E<
  'UniversityPartnerReplaced',
  { measureId: string; previous: UniversityPartner; university: UniversityPartner; reason: string; revision: number; warnings: Warning[] }
>;
export type OwnerPartConfirmed = E<'OwnerPartConfirmed', { org: string; revision: number }>;
export type NeedsAssessmentSubmitted = E<
  'NeedsAssessmentSubmitted',
  { version: number; late: boolean; submittedOn: string; deadline: string; snapshot: AssessmentSnapshot; warnings: Warning[] }
>;
export type NeedsAssessmentAmended = E<
  'NeedsAssessmentAmended',
  { version: number; submittedOn: string; deadline: string; snapshot: AssessmentSnapshot; reason: string; warnings: Warning[] }
>;
export type NeedsAssessmentWithdrawn = E<'NeedsAssessmentWithdrawn', { reason: string }>;

export type NeedsAssessmentEvent =
  | NeedsAssessmentDrafted
  | NeedsAssessmentContentUpdated
  | NetworkOwnerInvited
  | MeasureAdded
  | MeasureRevised
  | MeasureLinesSet
  | UniversityPartnerReplaced
  | OwnerPartConfirmed
  | NeedsAssessmentSubmitted
  | NeedsAssessmentAmended
  | NeedsAssessmentWithdrawn;
