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
const kindsOf = (e: { type: string; data: unknown }, facts = {}) => audienceOf(e, facts).map((n) => n.kind);

describe('audienceOf', () => {
  it('a call: its office, public to the office', () => {
    expect(audienceOf(callOpened)).toEqual([{ kind: 'call.opened', audience: { office: 'ROGALAND', orgs: [], public: true } }]);
  });

  it('grant events: office and recipient; an amendment takes the recipient from the decision', () => {
    expect(audienceOf(decided)).toEqual([{ kind: 'grant.decided', audience: { office: 'ROGALAND', orgs: ['964965226'] } }]);
    expect(audienceOf(amended, { grantRecipient: '964965226' })).toEqual([
      {
        kind: 'grant.decided',
        audience: { office: 'ROGALAND', orgs: ['964965226'] },
      },
    ]);
    expect(kindsOf({ type: 'AllocationRevoked', data: { office: 'ROGALAND', recipientOrg: '964965226' } })).toEqual(['grant.decided']);
    expect(audienceOf(paidUis)).toEqual([{ kind: 'payment.recorded', audience: { office: 'ROGALAND', orgs: ['971564679'] } }]);
    expect(kindsOf({ type: 'GrantReportSubmitted', data: { office: 'AGDER', recipientOrg: '1' } })).toEqual(['report.submitted']);
    expect(kindsOf({ type: 'RepaymentClaimed', data: { office: 'AGDER', recipientOrg: '1' } })).toEqual(['repayment.claimed']);
  });

  it('R26: a report reminder is `report.due` or `report.overdue` by its kind: the recipient and its office (none for YRKESFAG)', () => {
    const reminder = (kind: string, office: string | null) => ({
      type: 'ReportReminderSent',
      data: { reportId: 'x.2028', kind, office, recipientOrg: '964965226', deadline: '2029-01-15' },
    });
    expect(audienceOf(reminder('due', 'ROGALAND'))).toEqual([
      { kind: 'report.due', audience: { office: 'ROGALAND', orgs: ['964965226'] } },
    ]);
    expect(kindsOf(reminder('overdue', 'ROGALAND'))).toEqual(['report.overdue']);
    const [yrkesfag] = audienceOf(reminder('overdue', null));
    expect(yrkesfag).toEqual({ kind: 'report.overdue', audience: { office: null, orgs: ['964965226'] } });
    expect(matches(sub(MINISTRY, ['report.overdue']), yrkesfag.kind, yrkesfag.audience)).toBe(true);
    expect(matches(sub(GOVERNOR, ['report.overdue']), yrkesfag.kind, yrkesfag.audience)).toBe(false);
  });

  it('a published recommendation: public to the office and naming its parties', () => {
    expect(audienceOf(published, { recommendationParties: ['964965226', '971564679', '964965226'] })).toEqual([
      {
        kind: 'recommendation.published',
        audience: { office: 'ROGALAND', orgs: ['964965226', '971564679'], public: true },
      },
    ]);
  });

  it('R22: a grant event that made a letter is also `letter.issued` (the recipient and office); one that made none is not', () => {
    const letter = (n: number | null) => ({ grantRecipient: '964965226', letterN: n });
    expect(audienceOf(decided, letter(1))).toEqual([
      { kind: 'grant.decided', audience: { office: 'ROGALAND', orgs: ['964965226'] } },
      { kind: 'letter.issued', audience: { office: 'ROGALAND', orgs: ['964965226'] } },
    ]);
    expect(audienceOf(amended, letter(2))[1]).toEqual({ kind: 'letter.issued', audience: { office: 'ROGALAND', orgs: ['964965226'] } });
    expect(kindsOf({ type: 'AllocationRevoked', data: { office: 'ROGALAND', recipientOrg: '964965226' } }, letter(3))).toEqual([
      'grant.decided',
      'letter.issued',
    ]);
    expect(kindsOf({ type: 'RepaymentClaimed', data: { office: 'AGDER', recipientOrg: '1' } }, letter(4))).toEqual([
      'repayment.claimed',
      'letter.issued',
    ]);
    expect(kindsOf(amended, letter(null))).toEqual(['grant.decided']);
    expect(kindsOf(paidUis, letter(5))).toEqual(['payment.recorded']);
    const [, issued] = audienceOf(decided, letter(1));
    expect([OWNER, GOVERNOR, MINISTRY, UNIVERSITY].map((s) => matches(sub(s, ['letter.issued']), issued.kind, issued.audience))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(matches(sub(OWNER, ['grant.decided']), issued.kind, issued.audience)).toBe(false);
  });

  it("R23: an appeal's outcome (the governor's or Udir's): the appellant, the grant's recipient and the office", () => {
    const appeal = { appeal: { grantId: 'ROGALAND.DEKOMP.m2.971564679', recipientOrg: '971564679', appellantOrg: '964965226' } };
    const reconsidered = { type: 'AppealReconsidered', data: { appealId: 'a', office: 'ROGALAND', outcome: 'upheld' } };
    const udir = { type: 'AppealDecided', data: { appealId: 'a', office: 'ROGALAND', by: 'UDIR', outcome: 'reversed' } };
    expect(audienceOf(reconsidered, appeal)).toEqual([
      { kind: 'appeal.outcome', audience: { office: 'ROGALAND', orgs: ['964965226', '971564679'] } },
    ]);
    expect(audienceOf(udir, appeal)).toEqual(audienceOf(reconsidered, appeal));
    const [n] = audienceOf(udir, appeal);
    const others = { ...OWNER, org: '920000002' };
    expect([OWNER, UNIVERSITY, GOVERNOR, MINISTRY, others].map((s) => matches(sub(s, ['appeal.outcome']), n.kind, n.audience))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    const [agder] = audienceOf({ ...udir, data: { ...udir.data, office: 'AGDER' } }, appeal);
    expect(matches(sub(GOVERNOR, ['appeal.outcome']), agder.kind, agder.audience)).toBe(false);
  });

  it('events that are not published: no notice', () => {
    expect(audienceOf({ type: 'CallDeadlineExtended', data: {} })).toEqual([]);
    expect(audienceOf({ type: 'WebhookSubscribed', data: {} })).toEqual([]);
    expect(audienceOf({ type: 'AppealForwarded', data: { appealId: 'x', office: 'ROGALAND' } })).toEqual([]);
  });
});

describe('matches (R20)', () => {
  const see = (s: SubscriptionFilter, e: { type: string; data: unknown }, facts = {}) => {
    const [n] = audienceOf(e, facts);
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
