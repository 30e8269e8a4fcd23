import { ConflictError } from '#libs/kernel';
import type { MeasureInput } from '../content/content.js';
import {
  BERGEN,
  CONSULT,
  consensus,
  F,
  facts,
  forumWith,
  fullForum,
  lifecycle,
  measure,
  PRIVATE,
  record,
  spec,
  STAVANGER,
} from '../recommendation.spec-fixtures.js';

describe("record the forum's recommendation", () => {
  it('Given a full forum, When a consensus is recorded, Then RecommendationRecorded with prioritised measures and no warnings', () => {
    spec
      .given([])
      .when(record(consensus))
      .then([
        {
          type: 'RecommendationRecorded',
          data: {
            recommendationId: 'rogaland-11--rogaland-dekomp-2027',
            forumId: F,
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
            measures: [{ priority: 1, ...measure } as never],
          },
        },
      ]);
  });

  it('R13: an incomplete recommendation is refused naming every missing part', () => {
    const incomplete = {
      meetingId: 'MT1',
      outcome: 'consensus' as const,
      measures: [{ measureId: 'ME-1', amounts: [{ recipientOrg: STAVANGER.orgNumber }] }],
    };
    spec
      .given([])
      .when(record(incomplete))
      .thenViolatesExactly([
        ['R13', 'measures[0].participants'],
        ['R13', 'measures[0].startYear'],
        ['R13', 'measures[0].spanYears'],
        ['R13', 'measures[0].criteria'],
        ['R13', 'measures[0].cooperatingOwners'],
        ['R13', 'measures[0].cooperatingUniversities'],
        ['R13', 'measures[0].amounts[0].year'],
        ['R13', 'measures[0].amounts[0].amount'],
      ]);
    spec
      .given([])
      .when(record({ meetingId: 'MT1', outcome: 'consensus' }))
      .thenViolatesExactly([['R13', 'measures']]);
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
    spec
      .given([])
      .when(record({ ...consensus, measures: bad }))
      .thenViolatesExactly([
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
    expect(
      spec
        .given([])
        .when(record({ ...consensus, measures: [{ ...measure, measureId: 'ME-9' }] }, facts(fullForum, { measures: undefined })))
        .events(),
    ).toHaveLength(1);
  });

  it("R13: the call must be of the forum's office; the meeting must be the forum's", () => {
    spec
      .given([])
      .when(
        record(
          { ...consensus, meetingId: 'MT9' },
          facts(fullForum, { call: { callId: 'rogaland-dekomp-2027', office: 'AGDER', scheme: 'DEKOMP', year: 2027 } }),
        ),
      )
      .thenViolatesExactly([
        ['R13', 'callId'],
        ['R12', 'meetingId'],
      ]);
  });

  it('R12: a vote with counts per option by the members present', () => {
    const [e] = spec
      .given([])
      .when(record({ ...consensus, outcome: 'vote', vote: { for: 3, against: 1, abstain: 1 } }))
      .events();
    expect(e.data).toMatchObject({ outcome: 'vote', vote: { for: 3, against: 1, abstain: 1 }, presentMembers: 5 });
  });

  it("R12: more votes than members present are refused (the governor's office has no vote), as is a vote that did not carry", () => {
    spec
      .given([])
      .when(record({ ...consensus, outcome: 'vote', vote: { for: 4, against: 1, abstain: 1 } }))
      .thenViolatesExactly([['R12', 'vote']]);
    spec
      .given([])
      .when(record({ ...consensus, outcome: 'vote', vote: { for: 2, against: 2, abstain: 1 } }))
      .thenViolatesExactly([['R12', 'vote']]);
    spec
      .given([])
      .when(record({ ...consensus, outcome: 'vote' }))
      .thenViolatesExactly([['R12', 'vote']]);
    spec
      .given([])
      .when(record({ ...consensus, vote: { for: 1, against: 0, abstain: 0 } }))
      .thenViolatesExactly([['R12', 'vote']]);
  });

  it('R12: where the forum does not agree, that is recorded without measures, and the governor decides', () => {
    const [e] = spec
      .given([])
      .when(
        record({
          meetingId: 'MT1',
          outcome: 'no_agreement',
          vote: { for: 2, against: 2, abstain: 1 },
          note: 'Split on the split between owners',
        }),
      )
      .events();
    expect(e.data).toMatchObject({ outcome: 'no_agreement', measures: [], note: 'Split on the split between owners' });
    spec
      .given([])
      .when(record({ meetingId: 'MT1', outcome: 'no_agreement', measures: [measure] }))
      .thenViolatesExactly([['R12', 'measures']]);
  });

  it('R11: a forum missing required categories gets a warning on the recommendation, per missing category', () => {
    const thin = forumWith(['school_owner_public', 'university'], ['M1', 'M2']);
    const [e] = spec
      .given([])
      .when(record(consensus, facts(thin)))
      .events();
    expect(e.data).toMatchObject({
      warnings: [
        { rule: 'R11', field: 'forum.members.school_owner_private' },
        { rule: 'R11', field: 'forum.members.ks' },
        { rule: 'R11', field: 'forum.members.teacher_union' },
      ],
    });
  });

  it('Given a recorded recommendation, When recorded again, Then a conflict; after a withdrawal a new one may be recorded (R21)', () => {
    const { recorded, all } = lifecycle();
    spec.given(recorded).when(record(consensus)).thenThrows(ConflictError);
    expect(spec.given(all).when(record(consensus)).events()[0].data).toMatchObject({ revision: 3 });
  });
});
