import { GOVERNOR, MINISTRY, OWNER, UNIVERSITY } from '../subscriptions/webhook.spec-fixtures.js';
import { audienceOf, matches, type Subscriber, type SubscriptionFilter } from './audience.js';

const sub = (subscriber: Subscriber, kinds: string[], over: Partial<SubscriptionFilter> = {}): SubscriptionFilter => ({
  subscriber,
  kinds,
  scope: { office: null },
  status: 'active',
  ...over,
});
const ALL = ['call.opened', 'recommendation.published', 'grant.decided', 'payment.recorded', 'report.submitted', 'repayment.claimed'];

const callOpened = { type: 'CallOpened', data: { callId: 'rogaland-dekomp-2027', office: 'ROGALAND', scheme: 'DEKOMP', year: 2027 } };
const agderCall = { type: 'CallOpened', data: { callId: 'agder-dekomp-2027', office: 'AGDER' } };
const decided = { type: 'AllocationDecided', data: { grantId: 'ROGALAND.1', office: 'ROGALAND', recipientOrg: '964965226' } };
const amended = { type: 'AllocationAmended', data: { grantId: 'ROGALAND.1', office: 'ROGALAND' } };
const paidUis = { type: 'GrantPaymentRecorded', data: { grantId: 'ROGALAND.2', office: 'ROGALAND', recipientOrg: '971564679' } };
const published = { type: 'RecommendationPublished', data: { recommendationId: 'r1', office: 'ROGALAND', revision: 1 } };

describe('audienceOf', () => {
  it('a call: its office, public to the office', () => {
    expect(audienceOf(callOpened)).toEqual({ kind: 'call.opened', audience: { office: 'ROGALAND', orgs: [], public: true } });
  });

  it('grant events: office and recipient; an amendment takes the recipient from the decision', () => {
    expect(audienceOf(decided)).toEqual({ kind: 'grant.decided', audience: { office: 'ROGALAND', orgs: ['964965226'] } });
    expect(audienceOf(amended, { grantRecipient: '964965226' })).toEqual({
      kind: 'grant.decided',
      audience: { office: 'ROGALAND', orgs: ['964965226'] },
    });
    expect(audienceOf({ type: 'AllocationRevoked', data: { office: 'ROGALAND', recipientOrg: '964965226' } })?.kind).toBe('grant.decided');
    expect(audienceOf(paidUis)).toEqual({ kind: 'payment.recorded', audience: { office: 'ROGALAND', orgs: ['971564679'] } });
    expect(audienceOf({ type: 'GrantReportSubmitted', data: { office: 'AGDER', recipientOrg: '1' } })?.kind).toBe('report.submitted');
    expect(audienceOf({ type: 'RepaymentClaimed', data: { office: 'AGDER', recipientOrg: '1' } })?.kind).toBe('repayment.claimed');
  });

  it('R26: a report reminder is `report.due` or `report.overdue` by its kind: the recipient and its office (none for YRKESFAG)', () => {
    const reminder = (kind: string, office: string | null) => ({
      type: 'ReportReminderSent',
      data: { reportId: 'x.2028', kind, office, recipientOrg: '964965226', deadline: '2029-01-15' },
    });
    expect(audienceOf(reminder('due', 'ROGALAND'))).toEqual({ kind: 'report.due', audience: { office: 'ROGALAND', orgs: ['964965226'] } });
    expect(audienceOf(reminder('overdue', 'ROGALAND'))?.kind).toBe('report.overdue');
    const yrkesfag = audienceOf(reminder('overdue', null))!;
    expect(yrkesfag).toEqual({ kind: 'report.overdue', audience: { office: null, orgs: ['964965226'] } });
    expect(matches(sub(MINISTRY, ['report.overdue']), yrkesfag.kind, yrkesfag.audience)).toBe(true);
    expect(matches(sub(GOVERNOR, ['report.overdue']), yrkesfag.kind, yrkesfag.audience)).toBe(false);
  });

  it('a published recommendation: public to the office and naming its parties', () => {
    expect(audienceOf(published, { recommendationParties: ['964965226', '971564679', '964965226'] })).toEqual({
      kind: 'recommendation.published',
      audience: { office: 'ROGALAND', orgs: ['964965226', '971564679'], public: true },
    });
  });

  it('events that are not published: null', () => {
    expect(audienceOf({ type: 'CallDeadlineExtended', data: {} })).toBeNull();
    expect(audienceOf({ type: 'WebhookSubscribed', data: {} })).toBeNull();
  });
});

describe('matches (R20)', () => {
  const see = (s: SubscriptionFilter, e: { type: string; data: unknown }, facts = {}) => {
    const n = audienceOf(e, facts)!;
    return matches(s, n.kind, n.audience);
  };

  it('the ministry sees everything, narrowed by scope', () => {
    expect([callOpened, agderCall, decided, paidUis].map((e) => see(sub(MINISTRY, ALL), e))).toEqual([true, true, true, true]);
    expect([callOpened, agderCall].map((e) => see(sub(MINISTRY, ALL, { scope: { office: 'AGDER' } }), e))).toEqual([false, true]);
  });

  it('a governor its office only', () => {
    expect([callOpened, agderCall, decided, paidUis].map((e) => see(sub(GOVERNOR, ALL), e))).toEqual([true, false, true, true]);
  });

  it("a school owner: its office's calls and published recommendations, its own grants", () => {
    expect([callOpened, agderCall, decided, paidUis, published].map((e) => see(sub(OWNER, ALL), e))).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(see(sub(OWNER, ALL), amended, { grantRecipient: '964965226' })).toBe(true);
    expect(see(sub(OWNER, ALL), amended, { grantRecipient: '920000002' })).toBe(false);
  });

  it('a university: what names it, never public events alone', () => {
    expect([decided, paidUis].map((e) => see(sub(UNIVERSITY, ALL), e))).toEqual([false, true]);
    expect(see(sub(UNIVERSITY, ALL), published, { recommendationParties: [] })).toBe(false);
    expect(see(sub(UNIVERSITY, ALL), published, { recommendationParties: ['971564679'] })).toBe(true);
  });

  it('only the kinds subscribed, only while active', () => {
    expect(see(sub(OWNER, ['grant.decided']), callOpened)).toBe(false);
    expect(see(sub(OWNER, ALL, { status: 'paused' }), callOpened)).toBe(false);
    expect(see(sub(OWNER, ALL, { status: 'deleted' }), decided)).toBe(false);
  });
});
