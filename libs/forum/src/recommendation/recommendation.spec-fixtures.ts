import type { MeasureInfo, Organisation } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { Forum, type ForumEvent, type ForumState } from '../forum/forum.aggregate.js';
import type { MeasureInput, RecommendationContent, RecommendationFacts } from './content/content.js';
import type { RecordRecommendation } from './record-recommendation/record-recommendation.decide.js';
import { Recommendation, type RecommendationEvent } from './recommendation.aggregate.js';

/** Shared Given-events and facts of the recommendation's decide specs. */
export const spec = deciderSpec(Recommendation.decider);

const org = (orgNumber: string, kind: Organisation['kind'], office: string | null = 'ROGALAND'): Organisation => ({
  orgNumber,
  name: `Org ${orgNumber}`,
  kind,
  municipalityNumber: null,
  countyNumber: '11',
  office,
});
export const STAVANGER = org('964965226', 'municipality');
export const SANDNES = org('964965137', 'municipality');
export const PRIVATE = org('912345679', 'private_owner');
export const UIS = org('971564679', 'university');
export const CONSULT = org('998877665', 'commercial');
export const BERGEN = org('964338531', 'municipality', 'VESTLAND');
const ORGS = Object.fromEntries([STAVANGER, SANDNES, PRIVATE, UIS, CONSULT, BERGEN].map((o) => [o.orgNumber, o]));

export const F = 'rogaland-11';
const joined = (memberId: string, orgNumber: string | null, category: string): ForumEvent => ({
  type: 'ForumMemberJoined',
  data: { forumId: F, memberId, orgNumber, name: memberId, category: category as never, joinedOn: '2027-01-01', warnings: [] },
});
const forumEvents = (categories: string[], present: string[]): ForumEvent[] => [
  { type: 'ForumCreated', data: { forumId: F, office: 'ROGALAND', name: 'Forum', counties: ['11'] } },
  ...categories.map((c, i) => joined(`M${i + 1}`, null, c)),
  {
    type: 'ForumMeetingRecorded',
    data: { forumId: F, meetingId: 'MT1', date: '2027-03-10', agenda: ['Innstilling'], minutesSummary: 'x', present },
  },
];
/** A forum with these member categories, all present at meeting MT1. */
export const forumWith = (categories: string[], present: string[]): ForumState =>
  deciderSpec(Forum.decider).given(forumEvents(categories, present)).state;
const FULL = ['school_owner_public', 'school_owner_private', 'university', 'ks', 'teacher_union'];
export const fullForum: ForumState = forumWith(FULL, ['M1', 'M2', 'M3', 'M4', 'M5']);

const measureInfo = (measureId: string, extra: Partial<MeasureInfo> = {}): MeasureInfo => ({
  assessmentId: 'NA1',
  measureId,
  callId: 'rogaland-dekomp-2027',
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  year: 2027,
  title: measureId,
  themes: [],
  leadOwner: STAVANGER.orgNumber,
  owners: [STAVANGER.orgNumber, SANDNES.orgNumber],
  network: true,
  universities: [{ org: UIS.orgNumber, status: 'committed', local: true }],
  startYear: 2027,
  spanYears: 2,
  requested: [],
  status: 'submitted',
  late: false,
  ...extra,
});

export const facts = (forum: ForumState = fullForum, extra: Partial<RecommendationFacts> = {}): RecommendationFacts => ({
  forum,
  call: { callId: 'rogaland-dekomp-2027', office: 'ROGALAND', scheme: 'DEKOMP', year: 2027 },
  maxSpanYears: 3,
  universityPartnerRequired: true,
  measures: { 'ME-1': measureInfo('ME-1'), 'ME-2': measureInfo('ME-2', { callId: 'rogaland-dekomp-2026' }) },
  organisations: ORGS,
  ...extra,
});

export const measure: MeasureInput = {
  measureId: 'ME-1',
  participants: 'All teachers at 12 schools',
  startYear: 2027,
  spanYears: 2,
  criteria: "Collective, school-based, anchored in the owners' plans",
  cooperatingOwners: [STAVANGER.orgNumber, SANDNES.orgNumber],
  cooperatingUniversities: [UIS.orgNumber],
  amounts: [
    { recipientOrg: STAVANGER.orgNumber, year: 2027, amount: 400_000 },
    { recipientOrg: UIS.orgNumber, year: 2027, amount: 250_000 },
    { recipientOrg: STAVANGER.orgNumber, year: 2028, amount: 300_000 },
  ],
};
export const consensus: RecommendationContent = { meetingId: 'MT1', outcome: 'consensus', measures: [measure] };
export const record = (content: RecommendationContent, f = facts()): RecordRecommendation => ({
  type: 'RecordRecommendation',
  recommendationId: `${F}--rogaland-dekomp-2027`,
  callId: 'rogaland-dekomp-2027',
  content,
  facts: f,
});

/** R21: recorded, amended (revision 2), published, withdrawn — the life of one recommendation. */
export function lifecycle() {
  const recorded = spec.given([]).when(record(consensus)).events();
  const [amended] = spec
    .given(recorded)
    .when({ type: 'AmendRecommendation', content: { ...consensus, note: 'corrected' }, facts: facts(), reason: 'typo in amount' })
    .events();
  const [published] = spec
    .given([...recorded, amended])
    .when({ type: 'PublishRecommendation' })
    .events();
  const [withdrawn] = spec
    .given([...recorded, amended, published])
    .when({ type: 'WithdrawRecommendation', reason: 'wrong call' })
    .events();
  return { recorded, amended, published, withdrawn, all: [...recorded, amended, published, withdrawn] as RecommendationEvent[] };
}
