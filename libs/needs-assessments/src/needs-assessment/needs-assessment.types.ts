import type { Actor, OrgKind, RuleViolation, Scheme } from '#libs/kernel';
import type { Warning } from '#libs/platform';

/** The national goals a needs assessment's themes name (besides free tags). */
export const NATIONAL_GOALS = ['learning_environment', 'basic_skills', 'completion'] as const;
export type NationalGoal = (typeof NATIONAL_GOALS)[number];

/** R6: the allowed uses of money in a measure. */
export const BUDGET_CATEGORIES = ['needs_assessment', 'planning', 'implementation', 'evaluation', 'coordinator'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/** R7: how an owner pays its co-financing (egenandel). */
export const CO_FINANCING_FORMS = ['money', 'salary', 'released_time'] as const;
export type CoFinancingForm = (typeof CO_FINANCING_FORMS)[number];

export type AssessmentStatus = 'draft' | 'submitted' | 'amended' | 'withdrawn';

/** Facts about an organisation, looked up by the handler in the organisation directory (null: not registered). */
export interface OrgFacts {
  orgNumber: string;
  kind: OrgKind;
  office: string | null;
}

/** Facts about the call, looked up by the handler from the call's stream. */
export interface CallFacts {
  callId: string;
  office: string;
  scheme: Scheme;
  year: number;
  deadline: string;
}

/** R4: local anchoring of the analysis. */
export interface Anchoring {
  staffInvolvement: string;
  leaderInvolvement: string;
  universityParticipation: string;
  plans: string[];
}

export interface Themes {
  goals: string[];
  tags: string[];
}

export interface AssessmentContent {
  title: string;
  summary: string;
  anchoring: Anchoring;
  themes: Themes;
}

export interface Participants {
  teachers: number;
  leaders: number;
  otherStaff: number;
}

/** What the lead describes of a measure (tiltak); money lines are each owner's own (R10). */
export interface MeasureFields {
  title: string;
  description: string;
  targetGroup: string;
  schools: string[];
  participants: Participants;
  /** R9: first school year (autumn of this year) and the number of school years, 1–3. */
  startYear: number;
  spanYears: number;
}

export interface BudgetLine {
  year: number;
  category: string;
  amount: number;
  description?: string;
  /** R5: a line marked credit-bearing (videreutdanning) or individual is refused. */
  creditBearing?: boolean;
  individual?: boolean;
}

export interface CoFinancingLine {
  year: number;
  amount: number;
  form: string;
}

export interface OrgLines {
  budget: BudgetLine[];
  coFinancing: CoFinancingLine[];
}

export interface UniversityPartner {
  org: string;
  /** R3: the local university (same governor office) comes first; outside the region is a warning. */
  local: boolean;
}

export interface Measure extends MeasureFields {
  measureId: string;
  university: UniversityPartner | null;
  /** Partners that declined and were replaced (R3). */
  replacedUniversities: UniversityPartner[];
  /** Money lines per organisation: each network owner's own, and the university's line (R10). */
  lines: Record<string, OrgLines>;
}

/** A frozen, readable version of a submitted or amended assessment. */
export interface AssessmentSnapshot {
  content: AssessmentContent;
  leadOwner: string;
  coOwners: string[];
  measures: Measure[];
}

export interface NeedsAssessmentState {
  assessmentId: string | null;
  callId: string;
  office: string;
  scheme: Scheme;
  year: number;
  ruleSetVersion: string;
  leadOwner: string;
  coOwners: string[];
  /** The revision of the working copy each co-owner confirmed (R10). */
  confirmations: Record<string, number>;
  status: AssessmentStatus | null;
  /** Bumped by every change to the working copy; confirmations are for one revision. */
  revision: number;
  /** Submitted versions so far (1 after submission, +1 per amendment). */
  versions: number;
  late: boolean;
  content: AssessmentContent;
  measures: Measure[];
  warnings: Warning[];
}

/** Who sends a command (the decider checks membership and roles of R10/R20 with AccessPolicy). */
export type ActorFacts = Actor;

export type Violations = RuleViolation[];
