import type { ForumCategory, NeedSource, ProgrammeArea, ProviderKind, TargetGroup } from '#libs/yrkesfag';

/**
 * The YRKESFAG part of the seed plan (R24): per county municipality, its forum, and per year the frame Udir sets,
 * the needs, measures and plan the county records, and for the current year Udir's payments, the county's
 * spending and report, and Udir's repayment claim.
 */

export type YrkesfagParticipants = Record<TargetGroup, number>;

export interface YrkesfagMemberPlan {
  /** M1…: the first members; R<year>: a replacement that year. */
  key: string;
  orgNumber?: string;
  name: string;
  category: ForumCategory;
  joinedOn: string;
  leftOn?: string;
}

export interface YrkesfagNeedPlan {
  key: string;
  fromOrg: string;
  source: NeedSource;
  targetGroups: TargetGroup[];
  programmeAreas: ProgrammeArea[];
  description: string;
}

export interface YrkesfagMeasurePlan {
  key: string;
  title: string;
  /** The county municipality itself has no org number or name here: the service uses its registered ones. */
  provider: { kind: ProviderKind; orgNumber?: string; name?: string };
  targetGroups: TargetGroup[];
  programmeAreas: ProgrammeArea[];
  needKeys: string[];
  amount: number;
}

export interface YrkesfagYearPlan {
  year: number;
  frame: number;
  /** R18/R21: Udir adjusts the frame with a reason. */
  adjustTo?: number;
  meetings: Array<{ key: string; date: string; agenda: string[]; minutesSummary: string; present: string[] }>;
  needs: YrkesfagNeedPlan[];
  measures: YrkesfagMeasurePlan[];
  /** The yearly plan: every measure once, by priority; the sum never above the frame (R18). */
  plan: Array<{ measureKey: string; priority: number; amount: number }>;
  payments: Array<{ amount: number; paidOn: string }>;
  spending: Array<{ measureKey: string; amount: number; spentOn: string; participants: YrkesfagParticipants }>;
  /** R26: a later deadline, with a reason. */
  deadlineExtension?: { deadline: string; reason: string };
  report?: { evaluation: string };
  /** R16: unspent money claimed back, settled in parts (or not yet). */
  claim?: { amount: number; claimedOn: string; reason: string; settlements: Array<{ amount: number; settledOn: string }> };
}

export interface YrkesfagCountyPlan {
  county: string;
  name: string;
  countyNumber: string;
  members: YrkesfagMemberPlan[];
  years: YrkesfagYearPlan[];
}
