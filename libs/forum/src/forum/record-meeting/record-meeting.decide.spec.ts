import { created, joined, PRIVATE, STAVANGER, spec } from '../forum.spec-fixtures.js';

describe('record a forum meeting', () => {
  const events = [created, joined('M1', STAVANGER, 'school_owner_public'), joined('M2', PRIVATE, 'school_owner_private', '2027-05-01')];

  it('R12: a meeting records who was present; only members on that date', () => {
    spec
      .given(events)
      .when({
        type: 'RecordForumMeeting',
        date: '2027-03-10',
        agenda: ['Innstilling 2027'],
        minutesSummary: 'Agreed.',
        presentMemberIds: ['M1'],
      })
      .then([
        {
          type: 'ForumMeetingRecorded',
          data: {
            forumId: 'rogaland-11',
            meetingId: 'MT1',
            date: '2027-03-10',
            agenda: ['Innstilling 2027'],
            minutesSummary: 'Agreed.',
            present: ['M1'],
          },
        },
      ]);
    spec
      .given(events)
      .when({ type: 'RecordForumMeeting', date: '2027-03-10', agenda: [], minutesSummary: ' ', presentMemberIds: ['M1', 'M2', 'M7'] })
      .thenViolatesExactly([
        ['R12', 'agenda'],
        ['R12', 'minutesSummary'],
        ['R11', 'presentMemberIds[1]'],
        ['R12', 'presentMemberIds[2]'],
      ]);
  });
});
