import type { Role } from '#libs/kernel';

/**
 * The event kinds a webhook subscription can name: the published facts of Dekomp, in the subscriber's words.
 * `emitted: false` kinds are reserved for facts later issues add (letters, appeal outcomes): a
 * subscription may name them today and starts receiving them when they exist.
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
    eventTypes: [],
    roles: EVERYONE,
    emitted: false,
    description: 'Reserved: a decision letter was issued',
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
    eventTypes: [],
    roles: EVERYONE,
    emitted: false,
    description: 'Reserved: an appeal was decided',
  },
};

const BY_EVENT_TYPE = new Map<string, WebhookKind>(Object.values(KIND_INFO).flatMap((k) => k.eventTypes.map((t) => [t, k.kind] as const)));

/**
 * The kind an event type is published as, or undefined when it is not published. One event type is two kinds:
 * a ReportReminderSent is `report.due` or `report.overdue` by its data's `kind` (see audienceOf).
 */
export const kindOfEventType = (type: string): WebhookKind | undefined => BY_EVENT_TYPE.get(type);

/** Every event type some kind is made from. */
export const PUBLISHED_EVENT_TYPES: readonly string[] = [...BY_EVENT_TYPE.keys()];
