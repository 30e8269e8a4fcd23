import { ConflictError, DomainError, type MeasureInfo, type Organisation } from '#libs/kernel';
import { fold } from '#libs/platform';
import { forumDecider, type ForumEvent, type ForumState } from './forum.decider.js';
import { recommendationDecider, type MeasureInput, type RecommendationCommand, type RecommendationContent, type RecommendationEvent, type RecommendationFacts } from './recommendation.decider.js';

const org = (orgNumber: string, kind: Organisation['kind'], office: string | null = 'ROGALAND'): Organisation => ({ orgNumber, name: `Org ${orgNumber}`, kind, municipalityNumber: null, countyNumber: '11', office });
const STAVANGER = org('964965226', 'municipality');
const SANDNES = org('964965137', 'municipality');
const PRIVATE = org('912345679', 'private_owner');
const UIS = org('971564679', 'university');
const CONSULT = org('998877665', 'commercial');
const BERGEN = org('964338531', 'municipality', 'VESTLAND');
const ORGS = Object.fromEntries([STAVANGER, SANDNES, PRIVATE, UIS, CONSULT, BERGEN].map((o) => [o.orgNumber, o]));

const F = 'rogaland-11';
const joined = (memberId: string, orgNumber: string | null, category: string): ForumEvent => ({ type: 'ForumMemberJoined', data: { forumId: F, memberId, orgNumber, name: memberId, category: category as never, joinedOn: '2027-01-01', warnings: [] } });
const forumEvents = (categories: string[], present: string[]): ForumEvent[] => [
  { type: 'ForumCreated', data: { forumId: F, office: 'ROGALAND', name: 'Forum', counties: ['11'] } },
  ...categories.map((c, i) => joined(`M${i + 1}`, null, c)),
  { type: 'ForumMeetingRecorded', data: { forumId: F, meetingId: 'MT1', date: '2027-03-10', agenda: ['Innstilling'], minutesSummary: 'x', present } },
];
const FULL = ['school_owner_public', 'school_owner_private', 'university', 'ks', 'teacher_union'];
const fullForum: ForumState = fold(forumDecider, forumEvents(FULL, ['M1', 'M2', 'M3', 'M4', 'M5']));

const measureInfo = (measureId: string, extra: Partial<MeasureInfo> = {}): MeasureInfo => ({
  assessmentId: 'NA1', measureId, callId: 'rogaland-dekomp-2027', office: 'ROGALAND', scheme: 'DEKOMP', year: 2027, title: measureId, themes: [],
  leadOwner: STAVANGER.orgNumber, owners: [STAVANGER.orgNumber, SANDNES.orgNumber], network: true,
  universities: [{ org: UIS.orgNumber, status: 'committed', local: true }], startYear: 2027, spanYears: 2, requested: [], status: 'submitted', late: false, ...extra,
});

const facts = (forum: ForumState = fullForum, extra: Partial<RecommendationFacts> = {}): RecommendationFacts => ({
  forum,
  call: { callId: 'rogaland-dekomp-2027', office: 'ROGALAND', scheme: 'DEKOMP', year: 2027 },
  maxSpanYears: 3,
  universityPartnerRequired: true,
  measures: { 'ME-1': measureInfo('ME-1'), 'ME-2': measureInfo('ME-2', { callId: 'rogaland-dekomp-2026' }) },
  organisations: ORGS,
  ...extra,
});

const measure: MeasureInput = {
  measureId: 'ME-1',
  participants: 'All teachers at 12 schools',
  startYear: 2027,
  spanYears: 2,
  criteria: 'Collective, school-based, anchored in the owners\' plans',
  cooperatingOwners: [STAVANGER.orgNumber, SANDNES.orgNumber],
  cooperatingUniversities: [UIS.orgNumber],
  amounts: [
    { recipientOrg: STAVANGER.orgNumber, year: 2027, amount: 400_000 },
    { recipientOrg: UIS.orgNumber, year: 2027, amount: 250_000 },
    { recipientOrg: STAVANGER.orgNumber, year: 2028, amount: 300_000 },
  ],
};
const consensus: RecommendationContent = { meetingId: 'MT1', outcome: 'consensus', measures: [measure] };
const record = (content: RecommendationContent, f = facts()): RecommendationCommand => ({ type: 'RecordRecommendation', recommendationId: `${F}--rogaland-dekomp-2027`, callId: 'rogaland-dekomp-2027', content, facts: f });

function given(events: RecommendationEvent[], when: RecommendationCommand) {
  return () => recommendationDecider.decide(when, fold(recommendationDecider, events));
}
function violationsOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.violations.map((v) => [v.rule, v.field]);
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('recommendation decider', () => {
  const recorded = () => given([], record(consensus))();

  it('Given a full forum, When a consensus is recorded, Then RecommendationRecorded with prioritised measures and no warnings', () => {
    const [e] = recorded();
    expect(e).toEqual({
      type: 'RecommendationRecorded',
      data: {
        recommendationId: 'rogaland-11--rogaland-dekomp-2027', forumId: F, office: 'ROGALAND', callId: 'rogaland-dekomp-2027', revision: 1,
        meetingId: 'MT1', meetingDate: '2027-03-10', presentMembers: 5, outcome: 'consensus', vote: null, note: null, warnings: [],
        measures: [{ priority: 1, ...measure }],
      },
    });
  });

  it('R13: an incomplete recommendation is refused naming every missing part', () => {
    const incomplete = { meetingId: 'MT1', outcome: 'consensus' as const, measures: [{ measureId: 'ME-1', amounts: [{ recipientOrg: STAVANGER.orgNumber }] }] };
    expect(violationsOf(given([], record(incomplete)))).toEqual([
      ['R13', 'measures[0].participants'],
      ['R13', 'measures[0].startYear'],
      ['R13', 'measures[0].spanYears'],
      ['R13', 'measures[0].criteria'],
      ['R13', 'measures[0].cooperatingOwners'],
      ['R13', 'measures[0].cooperatingUniversities'],
      ['R13', 'measures[0].amounts[0].year'],
      ['R13', 'measures[0].amounts[0].amount'],
    ]);
    expect(violationsOf(given([], record({ meetingId: 'MT1', outcome: 'consensus' })))).toEqual([['R13', 'measures']]);
  });

  it('R13/R1/R2/R9: measures of another call, unknown measures, commercial and ineligible recipients, years outside the span', () => {
    const bad: MeasureInput[] = [
      { ...measure, measureId: 'ME-2' },
      { ...measure, measureId: 'ME-9' },
      {
        ...measure,
        measureId: 'ME-1',
        amounts: [
          { recipientOrg: CONSULT.orgNumber, year: 2027, amount: 1 },
          { recipientOrg: BERGEN.orgNumber, year: 2027, amount: 1 },
          { recipientOrg: STAVANGER.orgNumber, year: 2030, amount: 1.5 },
          { recipientOrg: PRIVATE.orgNumber, year: 2027, amount: 1 },
        ],
      },
    ];
    expect(violationsOf(given([], record({ ...consensus, measures: bad })))).toEqual([
      ['R13', 'measures[0].measureId'],
      ['R13', 'measures[1].measureId'],
      ['R2', 'measures[2].amounts[0].recipientOrg'],
      ['R13', 'measures[2].amounts[0].recipientOrg'],
      ['R1', 'measures[2].amounts[1].recipientOrg'],
      ['R13', 'measures[2].amounts[1].recipientOrg'],
      ['R13', 'measures[2].amounts[2].amount'],
      ['R9', 'measures[2].amounts[2].year'],
      ['R13', 'measures[2].amounts[3].recipientOrg'],
    ]);
  });

  it('without a measure catalog the measures are taken as given', () => {
    expect(given([], record({ ...consensus, measures: [{ ...measure, measureId: 'ME-9' }] }, facts(fullForum, { measures: undefined })))()).toHaveLength(1);
  });

  it('R13: the call must be of the forum\'s office; the meeting must be the forum\'s', () => {
    expect(violationsOf(given([], record({ ...consensus, meetingId: 'MT9' }, facts(fullForum, { call: { callId: 'rogaland-dekomp-2027', office: 'AGDER', scheme: 'DEKOMP', year: 2027 } }))))).toEqual([
      ['R13', 'callId'],
      ['R12', 'meetingId'],
    ]);
  });

  it('R12: a vote with counts per option by the members present', () => {
    const [e] = given([], record({ ...consensus, outcome: 'vote', vote: { for: 3, against: 1, abstain: 1 } }))();
    expect(e.data).toMatchObject({ outcome: 'vote', vote: { for: 3, against: 1, abstain: 1 }, presentMembers: 5 });
  });

  it("R12: more votes than members present are refused (the governor's office has no vote), as is a vote that did not carry", () => {
    expect(violationsOf(given([], record({ ...consensus, outcome: 'vote', vote: { for: 4, against: 1, abstain: 1 } })))).toEqual([['R12', 'vote']]);
    expect(violationsOf(given([], record({ ...consensus, outcome: 'vote', vote: { for: 2, against: 2, abstain: 1 } })))).toEqual([['R12', 'vote']]);
    expect(violationsOf(given([], record({ ...consensus, outcome: 'vote' })))).toEqual([['R12', 'vote']]);
    expect(violationsOf(given([], record({ ...consensus, vote: { for: 1, against: 0, abstain: 0 } })))).toEqual([['R12', 'vote']]);
  });

  it('R12: where the forum does not agree, that is recorded without measures, and the governor decides', () => {
    const [e] = given([], record({ meetingId: 'MT1', outcome: 'no_agreement', vote: { for: 2, against: 2, abstain: 1 }, note: 'Split on the split between owners' }))();
    expect(e.data).toMatchObject({ outcome: 'no_agreement', measures: [], note: 'Split on the split between owners' });
    expect(violationsOf(given([], record({ meetingId: 'MT1', outcome: 'no_agreement', measures: [measure] })))).toEqual([['R12', 'measures']]);
  });

  it('R11: a forum missing required categories gets a warning on the recommendation, per missing category', () => {
    const thin = fold(forumDecider, forumEvents(['school_owner_public', 'university'], ['M1', 'M2']));
    const [e] = given([], record(consensus, facts(thin)))();
    expect(e.data).toMatchObject({ warnings: [{ rule: 'R11', field: 'forum.members.school_owner_private' }, { rule: 'R11', field: 'forum.members.ks' }, { rule: 'R11', field: 'forum.members.teacher_union' }] });
  });

  it('R21: amend with a reason makes a new revision; withdraw with a reason; a withdrawn one is not amended, but a new one may be recorded', () => {
    const events = recorded();
    const [amended] = given(events, { type: 'AmendRecommendation', content: { ...consensus, note: 'corrected' }, facts: facts(), reason: 'typo in amount' })();
    expect(amended).toMatchObject({ type: 'RecommendationAmended', data: { revision: 2, reason: 'typo in amount', note: 'corrected' } });
    expect(given(events, record(consensus))).toThrow(ConflictError);
    const [published] = given([...events, amended], { type: 'PublishRecommendation' })();
    expect(published).toEqual({ type: 'RecommendationPublished', data: { recommendationId: 'rogaland-11--rogaland-dekomp-2027', office: 'ROGALAND', revision: 2 } });
    expect(given([...events, amended, published], { type: 'PublishRecommendation' })()).toEqual([]);
    const [withdrawn] = given([...events, amended, published], { type: 'WithdrawRecommendation', reason: 'wrong call' })();
    expect(withdrawn).toEqual({ type: 'RecommendationWithdrawn', data: { recommendationId: 'rogaland-11--rogaland-dekomp-2027', revision: 2, reason: 'wrong call' } });
    const all = [...events, amended, published, withdrawn];
    expect(given(all, { type: 'AmendRecommendation', content: consensus, facts: facts(), reason: 'x' })).toThrow(ConflictError);
    expect(given(all, record(consensus))()[0].data).toMatchObject({ revision: 3 });
  });
});
