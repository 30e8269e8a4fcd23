import { forumProjection } from '#libs/forum';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec } from '../support/projection-spec.js';

const backends = await testBackends('forum projection: forums');
const S = 'Forum-rogaland-11';

const created = {
  type: 'ForumCreated',
  streamId: S,
  data: { forumId: 'rogaland-11', office: 'ROGALAND', name: 'Samarbeidsforum Rogaland', counties: ['11'] },
};
const joined = (memberId: string, category: string, joinedOn: string) => ({
  type: 'ForumMemberJoined',
  streamId: S,
  data: { forumId: 'rogaland-11', memberId, orgNumber: null, name: `Member ${memberId}`, category, joinedOn, warnings: [] },
});

describe.each(backends)('forum read model: forums, members, meetings on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(forumProjection, backend);
  });
  afterAll(async () => spec.close());

  it("a forum's version follows its stream (the ETag its commands check)", async () => {
    await spec
      .given([created, joined('M1', 'ks', '2027-01-01'), joined('M2', 'teacher_union', '2027-02-01')])
      .then(
        `SELECT forum_id, office, counties, version FROM forum_forums`,
        [],
        [{ forum_id: 'rogaland-11', office: 'ROGALAND', counties: ['11'], version: 3 }],
      );
  });

  it('members over time: a departure sets leftOn and the reason (R11, R21)', async () => {
    await spec
      .given([
        created,
        joined('M1', 'ks', '2027-01-01'),
        joined('M2', 'teacher_union', '2027-02-01'),
        {
          type: 'ForumMemberLeft',
          streamId: S,
          data: { forumId: 'rogaland-11', memberId: 'M2', leftOn: '2027-05-01', reason: 'withdrew' },
        },
      ])
      .then(
        `SELECT member_id, category, to_char(joined_on, 'YYYY-MM-DD') AS joined_on, to_char(left_on, 'YYYY-MM-DD') AS left_on, left_reason FROM forum_members ORDER BY member_id`,
        [],
        [
          { member_id: 'M1', category: 'ks', joined_on: '2027-01-01', left_on: null, left_reason: null },
          { member_id: 'M2', category: 'teacher_union', joined_on: '2027-02-01', left_on: '2027-05-01', left_reason: 'withdrew' },
        ],
      );
  });

  it('a meeting with its agenda and the members present; the forum version moves on', async () => {
    await spec
      .given([
        created,
        joined('M1', 'ks', '2027-01-01'),
        {
          type: 'ForumMeetingRecorded',
          streamId: S,
          data: {
            forumId: 'rogaland-11',
            meetingId: 'MT1',
            date: '2027-03-10',
            agenda: ['Innstilling'],
            minutesSummary: 'Agreed',
            present: ['M1'],
          },
        },
      ])
      .then(
        `SELECT m.meeting_id, to_char(m.date, 'YYYY-MM-DD') AS date, m.agenda, m.present, f.version FROM forum_meetings m JOIN forum_forums f USING (forum_id)`,
        [],
        [{ meeting_id: 'MT1', date: '2027-03-10', agenda: ['Innstilling'], present: ['M1'], version: 3 }],
      );
  });
});
