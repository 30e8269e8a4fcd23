import { NotFoundError } from '#libs/kernel';
import { COUNTY, frameSet, spec } from '../county-frame.spec-fixtures.js';
import type { AddCountyForumMember } from './add-forum-member.decide.js';

const add = (extra: Partial<AddCountyForumMember> = {}): AddCountyForumMember => ({
  type: 'AddCountyForumMember',
  orgNumber: '974600951',
  name: 'NHO Rogaland',
  category: 'employer_organisations',
  joinedOn: '2027-01-10',
  ...extra,
});

describe("the county's own forum: a member joins (R24)", () => {
  it('Given a frame, When the county adds a member, Then YrkesfagForumMemberJoined', () => {
    spec
      .given([frameSet()])
      .when(add())
      .then([
        {
          type: 'YrkesfagForumMemberJoined',
          data: {
            county: COUNTY,
            memberId: 'F1',
            orgNumber: '974600951',
            name: 'NHO Rogaland',
            category: 'employer_organisations',
            joinedOn: '2027-01-10',
          },
        },
      ]);
  });

  it("R24: the governor's office is never a member; an organisation is a member once at a time; R19 org numbers", () => {
    spec
      .given([frameSet()])
      .when(add({ orgNumber: '974763230', category: 'other_invited' }))
      .thenViolatesExactly([['R24', 'orgNumber']]);
    const joined = spec.given([frameSet()]).when(add()).events();
    spec
      .given([frameSet(), ...joined])
      .when(add({ joinedOn: '2027-05-01' }))
      .thenViolatesExactly([['R24', 'orgNumber']]);
    spec
      .given([frameSet()])
      .when(add({ orgNumber: '974600952' }))
      .thenViolatesExactly([['R19', 'orgNumber']]);
  });

  it('Given no frame (not a YRKESFAG grant holder), Then not found', () => {
    spec.given([]).when(add()).thenThrows(NotFoundError);
  });
});
