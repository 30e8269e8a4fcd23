import type { OfficeCode } from '#libs/reference-data';
import type { Theme } from './texts.js';
import type { YrkesfagCountyPlan } from './plan-yrkesfag.types.js';

/**
 * The seed plan's shape: every organisation, call, needs assessment, partnership answer, forum, recommendation and grant
 * step of the seeded years, decided up front from the seed alone (a pure function of the options). The runner only
 * sends it; ids the service makes (needs assessments, measures, payments, claims) are filled in as answers arrive.
 */

export interface SeedOptions {
  /** The PRNG seed: the same seed (and date) gives the same plan. */
  seed: number;
  /** Seeded years: the current year and the following ones (see `seedYears`). */
  years: number;
  offices: OfficeCode[];
  /** Multiplies the number of needs assessments per office and year (40–250 at 1). */
  scale: number;
  /** Today in Norway (YYYY-MM-DD): the service decides lateness on its own clock, and the plan must agree. */
  today: string;
}

export type OrgKind = 'municipality' | 'county_municipality' | 'private_owner' | 'university' | 'commercial';

export interface OrgPlan {
  orgNumber: string;
  name: string;
  kind: OrgKind;
  municipalityNumber?: string;
  countyNumber?: string;
  /** The office of an owner (registered by that office's governor); universities and others by the ministry. */
  office: OfficeCode | null;
}

export interface CallPlan {
  office: OfficeCode;
  year: number;
  callId: string;
  title: string;
  deadline: string;
  decisionDate: string;
  /** R14: opened with a deadline already past, so the first submissions are late; then extended for the rest. */
  extendTo: string | null;
}

export interface BudgetLine {
  year: number;
  category: 'needs_assessment' | 'planning' | 'implementation' | 'evaluation' | 'coordinator';
  amount: number;
}
export interface CoFinancingLine {
  year: number;
  amount: number;
  form: 'money' | 'salary' | 'released_time';
}
export interface LinesPlan {
  budget: BudgetLine[];
  coFinancing: CoFinancingLine[];
}

export interface MeasurePlan {
  key: string;
  theme: Theme;
  fields: {
    title: string;
    description: string;
    targetGroup: string;
    schools: string[];
    participants: { teachers: number; leaders: number; otherStaff: number };
    startYear: number;
    spanYears: number;
  };
  /** The university first named (R3). */
  university: string;
  /** Money lines per owner (R10: each its own) and the university's line (set by the lead), where it has one. */
  ownerLines: Record<string, LinesPlan>;
  universityLines: LinesPlan | null;
  /** The named university's answer. */
  answer: 'commit' | 'decline' | 'none';
  declineReason?: 'capacity' | 'competence';
  declineExplanation?: string;
  /** R3: after a decline the lead names another university, which commits. */
  replacement?: { university: string; lines: LinesPlan | null };
  commitment: { competenceAreas: string[]; capacityHoursPerYear: number; contactRole: string };
  /** R2: a subcontractor under the committed university's line. */
  subcontractor?: { orgNumber: string; name: string; sharePercent: number; task: string };
}

export interface AssessmentPlan {
  key: string;
  office: OfficeCode;
  year: number;
  callId: string;
  lead: string;
  coOwners: string[];
  title: string;
  content: {
    title: string;
    summary: string;
    anchoring: { staffInvolvement: string; leaderInvolvement: string; universityParticipation: string; plans: string[] };
    themes: { goals: string[]; tags: string[] };
  };
  measures: MeasurePlan[];
  /** 'draft': never submitted; 'late': submitted before the deadline extension (R14). */
  submission: 'draft' | 'late' | 'on_time';
  /** After submission, before the deadline: the lead changes its lines and amends (R21). */
  amendment?: { measureKey: string; lines: LinesPlan; reason: string };
  withdrawal?: string;
}

export interface ForumMemberPlan {
  key: string;
  orgNumber?: string;
  name: string;
  category: 'school_owner_public' | 'school_owner_private' | 'university' | 'ks' | 'teacher_union' | 'other';
  joinedOn: string;
  /** R11: leaves (with a reason), replaced by `replacedBy`. */
  leftOn?: string;
}

export interface MeetingPlan {
  key: string;
  date: string;
  agenda: string[];
  minutesSummary: string;
  /** Member keys present. */
  present: string[];
}

export interface AmountPlan {
  recipientOrg: string;
  year: number;
  amount: number;
}

export interface RecommendedMeasurePlan {
  measure: { assessmentKey: string; measureKey: string };
  participants: string;
  startYear: number;
  spanYears: number;
  criteria: string;
  cooperatingOwners: string[];
  cooperatingUniversities: string[];
  amounts: AmountPlan[];
}

export interface RecommendationPlan {
  office: OfficeCode;
  year: number;
  callId: string;
  meetingKey: string;
  outcome: 'consensus' | 'vote' | 'no_agreement';
  vote?: { for: number; against: number; abstain: number };
  measures: RecommendedMeasurePlan[];
  /** Recorded first without the last measure, then amended with it (R21). */
  amendWithLast: boolean;
  note: string;
}

export interface GrantPlan {
  key: string;
  office: OfficeCode;
  year: number;
  measure: { assessmentKey: string; measureKey: string };
  recipientOrg: string;
  recipientKind: OrgKind;
  recommended: Array<{ year: number; amount: number }>;
  decided: Array<{ year: number; amount: number }>;
  deviationReason?: string;
  /** Later change of the decision (R21), in the ledger after all decisions of the office. */
  amendment?: { amounts: Array<{ year: number; amount: number }>; reason: string };
  revocation?: string;
  accept: boolean;
  coFinancing: Array<{ year: number; money: number; salary: number; releasedTime: number }>;
  payments: Array<{ year: number; amount: number }>;
  report?: {
    year: number;
    spent: number;
    unspent: number;
    coFinancingProvided: { money: number; salary: number; releasedTime: number };
    participants: Array<{ role: string; count: number }>;
    evaluation: string;
    teacherEducationFeedback?: string;
  };
  approve: boolean;
  claims: Array<{ year: number; amount: number; reason: string; settle: number }>;
}

export interface FramePlan {
  office: OfficeCode;
  year: number;
  amount: number;
  adjustTo?: number;
}

export interface SeedPlan {
  options: SeedOptions;
  years: number[];
  organisations: OrgPlan[];
  frames: FramePlan[];
  calls: CallPlan[];
  forums: Array<{
    office: OfficeCode;
    forumId: string;
    name: string;
    counties: string[];
    members: ForumMemberPlan[];
    meetings: Array<MeetingPlan & { year: number }>;
  }>;
  assessments: AssessmentPlan[];
  recommendations: RecommendationPlan[];
  grants: GrantPlan[];
  /** R24: YRKESFAG for every county municipality (plan-yrkesfag.ts). */
  yrkesfag: YrkesfagCountyPlan[];
}

export const SCHEME = 'DEKOMP';
export const MINISTRY_ORG = '972417750';
