import { AccessPolicy, type Role } from '#libs/kernel';
import { kindsOfEventType, type WebhookKind } from '../kinds.js';

/**
 * Who may see one published event (R20), decided from the event's data alone (plus what earlier events said:
 * a recommendation's parties, an amended grant's recipient, an appeal's parties): its governor office, the organisations it is about,
 * and whether it is public to every school owner of the office.
 */
export interface Audience {
  office?: string | null;
  orgs: string[];
  /** Every school owner of `office` may see it (a call, a published recommendation). */
  public?: boolean;
}

/** What earlier events said, for events whose own data does not name everyone. */
export interface AudienceFacts {
  /** The organisations a recommendation names (owners, universities, recipients). */
  recommendationParties?: readonly string[];
  /** The recipient of a grant whose amendment does not name it. */
  grantRecipient?: string | null;
  /** R22: the number of the letter a grant event made (the grant's letter count then); none: it made no letter. */
  letterN?: number | null;
  /** R23: the appealed grant, its recipient and the appellant of an appeal (from AppealLodged). */
  appeal?: { grantId: string; recipientOrg: string; appellantOrg: string } | null;
}

export interface Notice {
  kind: WebhookKind;
  audience: Audience;
}

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const orgsOf = (...orgs: unknown[]): string[] => [...new Set(orgs.map(str).filter((o): o is string => o !== null))];

/** The notices of a stored event: one per kind it is published as (none when it is not published). */
export function audienceOf(event: { type: string; data: unknown }, facts: AudienceFacts = {}): Notice[] {
  return kindsOfEventType(event.type).flatMap((kind) => noticeOf(kind, event, facts) ?? []);
}

function noticeOf(kind: WebhookKind, event: { type: string; data: unknown }, facts: AudienceFacts): Notice | null {
  const d = (event.data ?? {}) as Data;
  const office = str(d.office);
  switch (kind) {
    case 'call.opened':
      return { kind, audience: { office, orgs: [], public: true } };
    case 'recommendation.published':
      return { kind, audience: { office, orgs: orgsOf(...(facts.recommendationParties ?? [])), public: true } };
    case 'report.due':
    case 'report.overdue':
      // R26: the recipient and its governor office (office null for YRKESFAG: the ministry, which sees everything).
      if ((d.kind === 'overdue') !== (kind === 'report.overdue')) return null;
      return { kind, audience: { office, orgs: orgsOf(d.recipientOrg) } };
    case 'appeal.outcome':
      return { kind, audience: { office, orgs: orgsOf(facts.appeal?.appellantOrg, facts.appeal?.recipientOrg) } };
    default:
      // R22: an event that made no letter (an amendment of a grant never decided) is no letter.issued.
      if (kind === 'letter.issued' && facts.letterN == null) return null;
      // The grant's recipient (an amendment does not name it: the decision did).
      return { kind, audience: { office, orgs: orgsOf(d.recipientOrg ?? facts.grantRecipient) } };
  }
}

/** The subscriber as it was when it subscribed (role, organisation, a governor's office, its own office). */
export interface Subscriber {
  role: Role;
  org: string;
  /** A governor's office. */
  office: string | null;
  /** The office the organisation belongs to (R19), for office-wide kinds; null for the ministry or unknown. */
  homeOffice: string | null;
}

export interface SubscriptionFilter {
  subscriber: Subscriber;
  kinds: readonly string[];
  /** Narrows to one governor office. */
  scope: { office: string | null };
  status: 'active' | 'paused' | 'deleted';
}

/**
 * Whether an active subscription gets an event of this kind and audience: R20 as AccessPolicy.canSee decides it
 * (the ministry everything, a governor its office, an organisation what names it), plus public events of a
 * school owner's own office; narrowed by the subscription's scope.
 */
export function matches(subscription: SubscriptionFilter, kind: WebhookKind, audience: Audience): boolean {
  if (subscription.status !== 'active' || !subscription.kinds.includes(kind)) return false;
  const scope = subscription.scope.office;
  if (scope && audience.office !== scope) return false;
  const s = subscription.subscriber;
  const actor = { role: s.role, org: s.org, subject: 'webhook', ...(s.office ? { office: s.office } : {}) };
  if (AccessPolicy.canSee(actor, { orgs: audience.orgs, office: audience.office ?? null })) return true;
  return s.role === 'school_owner' && !!audience.public && !!audience.office && audience.office === s.homeOffice;
}
