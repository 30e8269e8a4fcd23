import type { DomainEvent } from '#libs/platform';
import type { ForumCategory, NeedSource, Participants, ProgrammeArea, ProviderKind, TargetGroup } from './reference.js';

/** The events of a county municipality's YRKESFAG stream (`YrkesfagFrame-<orgNumber>`): the published language. */

// ---------- Udir (the ministry): the frame, its payments, deadlines and repayments ----------
export type YrkesfagFrameSet = DomainEvent<
  'YrkesfagFrameSet',
  { county: string; countyName: string; year: number; amount: number; reportDeadline: string; ruleSetVersion: string }
>;
export type YrkesfagFrameAdjusted = DomainEvent<
  'YrkesfagFrameAdjusted',
  { county: string; year: number; previousAmount: number; amount: number; reason: string }
>;
export type YrkesfagPaymentMade = DomainEvent<
  'YrkesfagPaymentMade',
  { county: string; year: number; paymentId: string; amount: number; paidOn: string }
>;
export type YrkesfagReportDeadlineExtended = DomainEvent<
  'YrkesfagReportDeadlineExtended',
  { county: string; year: number; previousDeadline: string; deadline: string; reason: string }
>;
export type YrkesfagRepaymentClaimed = DomainEvent<
  'YrkesfagRepaymentClaimed',
  { county: string; year: number; claimId: string; amount: number; claimedOn: string; reason: string }
>;
export type YrkesfagRepaymentSettled = DomainEvent<
  'YrkesfagRepaymentSettled',
  { county: string; year: number; claimId: string; amount: number; settledOn: string }
>;

// ---------- The county municipality: its forum, needs, measures, plan, spending and report ----------
export type YrkesfagForumMemberJoined = DomainEvent<
  'YrkesfagForumMemberJoined',
  { county: string; memberId: string; orgNumber: string | null; name: string; category: ForumCategory; joinedOn: string }
>;
export type YrkesfagForumMemberLeft = DomainEvent<
  'YrkesfagForumMemberLeft',
  { county: string; memberId: string; leftOn: string; reason: string }
>;
export type YrkesfagForumMeetingRecorded = DomainEvent<
  'YrkesfagForumMeetingRecorded',
  { county: string; meetingId: string; date: string; agenda: string[]; minutesSummary: string; present: string[] }
>;
export type YrkesfagNeedRecorded = DomainEvent<
  'YrkesfagNeedRecorded',
  {
    county: string;
    needId: string;
    year: number;
    fromOrg: string;
    source: NeedSource;
    targetGroups: TargetGroup[];
    programmeAreas: ProgrammeArea[];
    description: string;
  }
>;
export interface Provider {
  kind: ProviderKind;
  /** Null only when the county municipality provides the measure itself. */
  orgNumber: string | null;
  name: string;
}
export type YrkesfagMeasureRecorded = DomainEvent<
  'YrkesfagMeasureRecorded',
  {
    county: string;
    measureId: string;
    year: number;
    title: string;
    provider: Provider;
    targetGroups: TargetGroup[];
    programmeAreas: ProgrammeArea[];
    needIds: string[];
    amount: number;
  }
>;
export interface PlanLine {
  measureId: string;
  priority: number;
  amount: number;
}
export type YrkesfagPlanAdopted = DomainEvent<
  'YrkesfagPlanAdopted',
  { county: string; year: number; revision: number; adoptedOn: string; lines: PlanLine[]; plannedTotal: number; reason: string | null }
>;
export type YrkesfagSpendingRecorded = DomainEvent<
  'YrkesfagSpendingRecorded',
  { county: string; spendingId: string; year: number; measureId: string; amount: number; spentOn: string; participants: Participants }
>;
export type YrkesfagReportSubmitted = DomainEvent<
  'YrkesfagReportSubmitted',
  {
    county: string;
    year: number;
    submittedOn: string;
    deadline: string;
    late: boolean;
    evaluation: string;
    paid: number;
    spent: number;
    unspent: number;
  }
>;

export type YrkesfagEvent =
  | YrkesfagFrameSet
  | YrkesfagFrameAdjusted
  | YrkesfagPaymentMade
  | YrkesfagReportDeadlineExtended
  | YrkesfagRepaymentClaimed
  | YrkesfagRepaymentSettled
  | YrkesfagForumMemberJoined
  | YrkesfagForumMemberLeft
  | YrkesfagForumMeetingRecorded
  | YrkesfagNeedRecorded
  | YrkesfagMeasureRecorded
  | YrkesfagPlanAdopted
  | YrkesfagSpendingRecorded
  | YrkesfagReportSubmitted;

/** Every event type with the schema version it is written at. */
export const YRKESFAG_EVENT_TYPES = {
  YrkesfagFrameSet: 1,
  YrkesfagFrameAdjusted: 1,
  YrkesfagPaymentMade: 1,
  YrkesfagReportDeadlineExtended: 1,
  YrkesfagRepaymentClaimed: 1,
  YrkesfagRepaymentSettled: 1,
  YrkesfagForumMemberJoined: 1,
  YrkesfagForumMemberLeft: 1,
  YrkesfagForumMeetingRecorded: 1,
  YrkesfagNeedRecorded: 1,
  YrkesfagMeasureRecorded: 1,
  YrkesfagPlanAdopted: 1,
  YrkesfagSpendingRecorded: 1,
  YrkesfagReportSubmitted: 1,
} as const satisfies { [T in YrkesfagEvent['type']]: number };
