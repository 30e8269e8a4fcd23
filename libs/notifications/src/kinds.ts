import type { Role } from '#libs/kernel';

/**
 * The event kinds a webhook subscription can name: the published facts of Dekomp, in the subscriber's words.
 * A kind marked `emitted: false` would be reserved for a fact a later issue adds: a subscription may name it
 * and starts receiving it when it exists (every kind is emitted today).
 */
export const WEBHOOK_KINDS = [
  'call.opened',
  'recommendation.published',
  'grant.decided',
  'payment.recorded',
  'report.submitted',
  'repayment.claimed',
  'letter.issued',
  'report.due',
  'report.overdue',
  'appeal.outcome',
] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

const EVERYONE: readonly Role[] = ['ministry', 'governor', 'school_owner', 'university'];

export interface KindInfo {
  kind: WebhookKind;
  /** The event types of the log it is made from. */
  eventTypes: readonly string[];
  /** R20: the roles that may see events of this kind at all (which ones, decides the audience). */
  roles: readonly Role[];
  emitted: boolean;
  /**
   * Made from events another kind is published from too (a letter of every grant decision): its delivery id is
   * that of the event id with the kind appended, so both notices of one event are distinct and stable.
   */
  secondary?: boolean;
  description: string;
}

export const KIND_INFO: Readonly<Record<WebhookKind, KindInfo>> = {
  'call.opened': {
    kind: 'call.opened',
    eventTypes: ['CallOpened'],
    roles: ['ministry', 'governor', 'school_owner'],
    emitted: true,
    description: 'A governor office opened its call for needs assessments (every school owner of the office)',
  },
  'recommendation.published': {
    kind: 'recommendation.published',
    eventTypes: ['RecommendationPublished'],
    roles: EVERYONE,
    emitted: true,
    description: "The forum's recommendation was published (the office's school owners; universities named in it)",
  },
  'grant.decided': {
    kind: 'grant.decided',
    eventTypes: ['AllocationDecided', 'AllocationAmended', 'AllocationRevoked'],
    roles: EVERYONE,
    emitted: true,
    description: 'A grant was decided, amended or revoked (the recipient); `event` tells which',
  },
  'payment.recorded': {
    kind: 'payment.recorded',
    eventTypes: ['GrantPaymentRecorded'],
    roles: EVERYONE,
    emitted: true,
    description: 'A payment of a grant was recorded (the recipient)',
  },
  'report.submitted': {
    kind: 'report.submitted',
    eventTypes: ['GrantReportSubmitted'],
    roles: EVERYONE,
    emitted: true,
    description: "A recipient submitted a year's report",
  },
  'repayment.claimed': {
    kind: 'repayment.claimed',
    eventTypes: ['RepaymentClaimed'],
    roles: EVERYONE,
    emitted: true,
    description: 'The governor claimed money back (the recipient)',
  },
  'letter.issued': {
    kind: 'letter.issued',
    eventTypes: ['AllocationDecided', 'AllocationAmended', 'AllocationRevoked', 'RepaymentClaimed'],
    roles: EVERYONE,
    emitted: true,
    secondary: true,
    description:
      "R22: a grant's letter (vedtaksbrev) was issued: its decision, each amendment, revocation and repayment claim (the recipient); `data.link` is the letter",
  },
  'report.due': {
    kind: 'report.due',
    eventTypes: ['ReportReminderSent'],
    roles: EVERYONE,
    emitted: true,
    description:
      'R26: a report falls due within the reminder days (the recipient and its governor office; the ministry for YRKESFAG); once per deadline',
  },
  'report.overdue': {
    kind: 'report.overdue',
    eventTypes: ['ReportReminderSent'],
    roles: EVERYONE,
    emitted: true,
    description: 'R26: a report is past its deadline (the recipient and its governor office; the ministry for YRKESFAG); once per deadline',
  },
  'appeal.outcome': {
    kind: 'appeal.outcome',
    eventTypes: ['AppealReconsidered', 'AppealDecided'],
    roles: EVERYONE,
    emitted: true,
    description:
      "R23: an appeal's outcome: the governor's reconsideration or Udir's decision (the appellant, the grant's recipient, the office); `event` tells which",
  },
};

const BY_EVENT_TYPE = new Map<string, WebhookKind[]>();
for (const k of Object.values(KIND_INFO)) for (const t of k.eventTypes) BY_EVENT_TYPE.set(t, [...(BY_EVENT_TYPE.get(t) ?? []), k.kind]);

/**
 * The kinds an event type is published as (none when it is not published). An event may give two notices (a
 * decision is `grant.decided` and `letter.issued`), and ReportReminderSent is `report.due` or `report.overdue`
 * by its data's `kind` (see audienceOf).
 */
export const kindsOfEventType = (type: string): readonly WebhookKind[] => BY_EVENT_TYPE.get(type) ?? [];

/** Every event type some kind is made from. */
export const PUBLISHED_EVENT_TYPES: readonly string[] = [...BY_EVENT_TYPE.keys()];
