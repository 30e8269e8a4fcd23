import { ConflictError } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.aggregate.js';
import { COUNTY, frameSet, spec } from '../county-frame.spec-fixtures.js';

const joined: YrkesfagEvent = {
  type: 'YrkesfagForumMemberJoined',
  data: { county: COUNTY, memberId: 'F1', orgNumber: null, name: 'Fagforbundet', category: 'teacher_unions', joinedOn: '2027-01-10' },
};
const left: YrkesfagEvent = {
  type: 'YrkesfagForumMemberLeft',
  data: { county: COUNTY, memberId: 'F1', leftOn: '2027-06-30', reason: 'withdrew' },
};

describe("a member leaves the county's forum (R24, R21)", () => {
  it('Given a member, When it leaves with a reason, Then YrkesfagForumMemberLeft', () => {
    spec
      .given([frameSet(), joined])
      .when({ type: 'RecordCountyMemberLeft', memberId: 'F1', leftOn: '2027-06-30', reason: 'withdrew' })
      .then([left]);
  });

  it('not before joining, and not twice', () => {
    spec
      .given([frameSet(), joined])
      .when({ type: 'RecordCountyMemberLeft', memberId: 'F1', leftOn: '2027-01-10', reason: 'x' })
      .thenViolates('R24', 'leftOn');
    spec
      .given([frameSet(), joined, left])
      .when({ type: 'RecordCountyMemberLeft', memberId: 'F1', leftOn: '2027-07-30', reason: 'x' })
      .thenThrows(ConflictError);
  });
});
