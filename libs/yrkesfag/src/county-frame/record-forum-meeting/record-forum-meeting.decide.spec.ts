import type { YrkesfagEvent } from '../county-frame.aggregate.js';
import { COUNTY, frameSet, spec } from '../county-frame.spec-fixtures.js';

const joined: YrkesfagEvent = {
  type: 'YrkesfagForumMemberJoined',
  data: {
    county: COUNTY,
    memberId: 'F1',
    orgNumber: null,
    name: 'Opplæringskontoret',
    category: 'training_offices',
    joinedOn: '2027-01-10',
  },
};

describe("a meeting of the county's forum (R24)", () => {
  it('Given a member, When a meeting is recorded with it present, Then YrkesfagForumMeetingRecorded', () => {
    spec
      .given([frameSet(), joined])
      .when({ type: 'RecordCountyForumMeeting', date: '2027-02-10', agenda: ['Plan 2027'], minutesSummary: 'Agreed', present: ['F1'] })
      .then([
        {
          type: 'YrkesfagForumMeetingRecorded',
          data: { county: COUNTY, meetingId: 'MT1', date: '2027-02-10', agenda: ['Plan 2027'], minutesSummary: 'Agreed', present: ['F1'] },
        },
      ]);
  });

  it('R24: those present were members on the day', () => {
    spec
      .given([frameSet(), joined])
      .when({ type: 'RecordCountyForumMeeting', date: '2027-01-09', agenda: [], minutesSummary: '', present: ['F1'] })
      .thenViolatesExactly([['R24', 'present[0]']]);
  });
});
