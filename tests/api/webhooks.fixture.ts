import type { EventStore } from '#libs/event-store';
import { Recommendation, type RecommendationPublished, type RecommendationRecorded } from '#libs/forum';
import {
  Appeal,
  appealIdOf,
  FrameLedger,
  Grant,
  ledgerIdOf,
  type AppealDecided,
  type AppealForwarded,
  type AppealLodged,
  type AppealReconsidered,
  type AllocationAmended,
  type AllocationDecided,
  type AllocationRevoked,
  type GrantPaymentRecorded,
  type GrantReportSubmitted,
  type RepaymentClaimed,
} from '#libs/grants';
import { SYSTEM_ACTOR } from '#libs/kernel';
import type { DomainEvent } from '#libs/platform';

/**
 * The published facts of the other capabilities, in their full shapes (typed by their owners' event types), written
 * straight to their streams: the webhook test is about what the outbox makes of the published language, not about
 * driving a whole year through forums and grants (tests/api/full-year.test.ts does that).
 */
export const STAVANGER = '964965226';
export const UIS = '971564679';
export const KRISTIANSAND = '944496394';

const line = (year: number, amount: number) => ({
  year,
  amount,
  reportDeadline: `${year + 1}-03-01`,
  recommended: null,
  coFinancingRequired: Math.floor((30 * amount + 99) / 100),
});

export function decided(
  grantId: string,
  office: string,
  recipientOrg: string,
  recipientKind: 'municipality' | 'university' = 'municipality',
): AllocationDecided {
  return {
    type: 'AllocationDecided',
    data: {
      grantId,
      office,
      scheme: 'DEKOMP',
      decisionYear: 2027,
      callId: `${office.toLowerCase()}-dekomp-2027`,
      measureId: `m-${grantId}`,
      recipientOrg,
      recipientKind,
      lines: [line(2027, 400_000)],
      basis: 'no_recommendation',
      recommendationId: null,
      deviates: false,
      deviationReason: null,
      decidedOn: '2027-04-20',
      decisionDate: '2027-04-30',
      ruleSetVersion: 'dekomp-2021.1',
      warnings: [],
    },
  };
}

export const amended = (grantId: string, office: string): AllocationAmended => ({
  type: 'AllocationAmended',
  data: {
    grantId,
    office,
    scheme: 'DEKOMP',
    previousLines: [line(2027, 400_000)],
    lines: [line(2027, 350_000)],
    basis: 'no_recommendation',
    recommendationId: null,
    deviates: false,
    reason: 'Lower cost',
    amendedOn: '2027-05-02',
    ruleSetVersion: 'dekomp-2021.1',
    warnings: [],
  },
});

export const revoked = (grantId: string, office: string, recipientOrg: string): AllocationRevoked => ({
  type: 'AllocationRevoked',
  data: { grantId, office, scheme: 'DEKOMP', recipientOrg, reason: 'Measure cancelled', revokedOn: '2027-09-01', warnings: [] },
});

const base = (grantId: string, office: string, recipientOrg: string) => ({ grantId, office, scheme: 'DEKOMP' as const, recipientOrg });

export const paid = (grantId: string, office: string, recipientOrg: string): GrantPaymentRecorded => ({
  type: 'GrantPaymentRecorded',
  data: { ...base(grantId, office, recipientOrg), paymentId: `p-${grantId}`, year: 2027, amount: 100_000, paidOn: '2027-06-01' },
});

export const reported = (grantId: string, office: string, recipientOrg: string): GrantReportSubmitted => ({
  type: 'GrantReportSubmitted',
  data: {
    ...base(grantId, office, recipientOrg),
    year: 2027,
    spent: 100_000,
    unspent: 0,
    coFinancingProvided: { money: 30_000, salary: 0, releasedTime: 0, total: 30_000 },
    coFinancingRequired: 30_000,
    coFinancingShortfall: null,
    participants: [{ role: 'teacher', count: 12 }],
    evaluation: 'Went well',
    teacherEducationFeedback: null,
    submittedOn: '2028-02-01',
    deadline: '2028-03-01',
    late: false,
    warnings: [],
  },
});

export const claimed = (grantId: string, office: string, recipientOrg: string): RepaymentClaimed => ({
  type: 'RepaymentClaimed',
  data: {
    ...base(grantId, office, recipientOrg),
    claimId: `c-${grantId}`,
    year: 2027,
    amount: 10_000,
    reason: 'Unspent',
    claimedOn: '2028-03-10',
  },
});

/** R23: an appeal of `appellantOrg` against the grant's first letter (its decision). */
export function lodged(grantId: string, office: string, recipientOrg: string, appellantOrg: string): AppealLodged {
  return {
    type: 'AppealLodged',
    data: {
      appealId: appealIdOf(grantId, 1, appellantOrg),
      grantId,
      office,
      scheme: 'DEKOMP',
      callId: `${office.toLowerCase()}-dekomp-2027`,
      measureId: `m-${grantId}`,
      recipientOrg,
      appellantOrg,
      standing: appellantOrg === recipientOrg ? 'recipient' : 'owner',
      requested: 500_000,
      granted: 400_000,
      letter: { n: 1, kind: 'decision', date: '2027-04-20', caseNumber: `2027/${grantId}` },
      grounds: 'The measure needs the full amount',
      lodgedOn: '2027-05-03',
      deadline: '2027-05-11',
      late: false,
    },
  };
}

export const reconsidered = (appealId: string, office: string, outcome: 'upheld' | 'reversed'): AppealReconsidered => ({
  type: 'AppealReconsidered',
  data: { appealId, office, outcome, reason: 'Reconsidered', lateReason: null, remedy: null, reconsideredOn: '2027-05-20' },
});

export const forwarded = (appealId: string, office: string): AppealForwarded => ({
  type: 'AppealForwarded',
  data: { appealId, office, to: 'UDIR', forwardedOn: '2027-05-21' },
});

export const decidedByUdir = (appealId: string, office: string): AppealDecided => ({
  type: 'AppealDecided',
  data: { appealId, office, by: 'UDIR', outcome: 'upheld', reason: 'The decision stands', remedy: null, decidedOn: '2027-06-15' },
});

export const recommendationId = 'rogaland-11--rogaland-dekomp-2027';

export const recorded: RecommendationRecorded = {
  type: 'RecommendationRecorded',
  data: {
    recommendationId,
    forumId: 'rogaland-11',
    office: 'ROGALAND',
    callId: 'rogaland-dekomp-2027',
    revision: 1,
    meetingId: 'MT1',
    meetingDate: '2027-03-10',
    presentMembers: 5,
    outcome: 'consensus',
    vote: null,
    note: null,
    warnings: [],
    measures: [
      {
        priority: 1,
        measureId: 'DK27-1',
        participants: 'All teachers',
        startYear: 2027,
        spanYears: 1,
        criteria: 'School-based',
        cooperatingOwners: [STAVANGER],
        cooperatingUniversities: [UIS],
        amounts: [{ recipientOrg: STAVANGER, year: 2027, amount: 400_000 }],
      },
    ],
  },
};

export const published: RecommendationPublished = {
  type: 'RecommendationPublished',
  data: { recommendationId, office: 'ROGALAND', revision: 1 },
};

const META = { actor: SYSTEM_ACTOR, correlationId: 'webhooks-test', causationId: null, idempotencyKey: null };

async function append(store: EventStore, stream: string, events: DomainEvent[], versions: Record<string, number>): Promise<number> {
  const r = await store.append(
    stream,
    events.map((e) => ({ type: e.type, schemaVersion: versions[e.type] ?? 1, data: e.data, metadata: META })),
    'any',
  );
  return r.lastPosition;
}

export const appendLedger = (store: EventStore, office: string, events: DomainEvent[]) =>
  append(store, FrameLedger.streamOf(ledgerIdOf(office, 'DEKOMP')), events, FrameLedger.eventTypes);
export const appendGrant = (store: EventStore, grantId: string, events: DomainEvent[]) =>
  append(store, Grant.streamOf(grantId), events, Grant.eventTypes);
export const appendRecommendation = (store: EventStore, events: DomainEvent[]) =>
  append(store, Recommendation.streamOf(recommendationId), events, Recommendation.eventTypes);
export const appendAppeal = (store: EventStore, appealId: string, events: DomainEvent[]) =>
  append(store, Appeal.streamOf(appealId), events, Appeal.eventTypes);
