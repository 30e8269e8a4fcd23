import { ConflictError, NotFoundError } from '#libs/kernel';
import { created, joined, PRIVATE, STAVANGER, spec } from '../forum.spec-fixtures.js';
import { membersOn } from '../membership.js';

describe('a member leaves the forum', () => {
  const events = [created, joined('M1', STAVANGER, 'school_owner_public'), joined('M2', PRIVATE, 'school_owner_private')];

  it('R11: a member leaves with a date after joining and a reason; membership as of a date follows', () => {
    spec
      .given(events)
      .when({ type: 'RecordMemberLeft', memberId: 'M1', leftOn: '2026-12-01', reason: 'x' })
      .thenViolatesExactly([['R11', 'leftOn']]);
    spec.given(events).when({ type: 'RecordMemberLeft', memberId: 'M9', leftOn: '2027-12-01', reason: 'x' }).thenThrows(NotFoundError);
    const [left] = spec
      .given(events)
      .when({ type: 'RecordMemberLeft', memberId: 'M1', leftOn: '2027-09-01', reason: 'merged municipalities' })
      .events();
    expect(left).toEqual({
      type: 'ForumMemberLeft',
      data: { forumId: 'rogaland-11', memberId: 'M1', leftOn: '2027-09-01', reason: 'merged municipalities' },
    });
    const state = spec.given([...events, left]).state;
    expect(membersOn(state, '2027-08-31').map((m) => m.memberId)).toEqual(['M1', 'M2']);
    expect(membersOn(state, '2027-09-01').map((m) => m.memberId)).toEqual(['M2']);
    spec
      .given([...events, left])
      .when({ type: 'RecordMemberLeft', memberId: 'M1', leftOn: '2027-10-01', reason: 'x' })
      .thenThrows(ConflictError);
  });

  it('R11: a member does not leave before a meeting it attended', () => {
    const meeting = {
      type: 'ForumMeetingRecorded' as const,
      data: { forumId: 'rogaland-11', meetingId: 'MT1', date: '2027-03-10', agenda: ['x'], minutesSummary: 'x', present: ['M1'] },
    };
    spec
      .given([...events, meeting])
      .when({ type: 'RecordMemberLeft', memberId: 'M1', leftOn: '2027-03-10', reason: 'x' })
      .thenViolates('R11', 'leftOn');
  });
});
