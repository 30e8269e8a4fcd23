import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import type { ForumEvent } from '../../forum/forum.aggregate.js';

/** Forums, their members over time and their meetings. `version` is the forum stream's version (the ETag). */
export const forumsSchema = `
    CREATE TABLE forum_forums (
      forum_id text PRIMARY KEY,
      office text NOT NULL,
      name text NOT NULL,
      counties jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      version integer NOT NULL
    );
    CREATE INDEX forum_forums_by_office ON forum_forums (office);
    CREATE TABLE forum_members (
      forum_id text NOT NULL,
      member_id text NOT NULL,
      org_number text,
      name text NOT NULL,
      category text NOT NULL,
      joined_on date NOT NULL,
      left_on date,
      left_reason text,
      warnings jsonb NOT NULL,
      PRIMARY KEY (forum_id, member_id)
    );
    CREATE TABLE forum_meetings (
      forum_id text NOT NULL,
      meeting_id text NOT NULL,
      date date NOT NULL,
      agenda jsonb NOT NULL,
      minutes_summary text NOT NULL,
      present jsonb NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (forum_id, meeting_id)
    );`;

export async function applyForumEvent(e: ForumEvent, stored: StoredEvent, sql: Sql): Promise<void> {
  const at = stored.metadata.recordedAt;
  const v = stored.streamVersion;
  const touchForum = (forumId: string) => sql.query(`UPDATE forum_forums SET version = $2 WHERE forum_id = $1`, [forumId, v]);
  switch (e.type) {
    case 'ForumCreated':
      await sql.query(`INSERT INTO forum_forums (forum_id, office, name, counties, created_at, version) VALUES ($1, $2, $3, $4, $5, $6)`, [
        e.data.forumId,
        e.data.office,
        e.data.name,
        JSON.stringify(e.data.counties),
        at,
        v,
      ]);
      return;
    case 'ForumMemberJoined':
      await sql.query(
        `INSERT INTO forum_members (forum_id, member_id, org_number, name, category, joined_on, warnings) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [e.data.forumId, e.data.memberId, e.data.orgNumber, e.data.name, e.data.category, e.data.joinedOn, JSON.stringify(e.data.warnings)],
      );
      await touchForum(e.data.forumId);
      return;
    case 'ForumMemberLeft':
      await sql.query(`UPDATE forum_members SET left_on = $3, left_reason = $4 WHERE forum_id = $1 AND member_id = $2`, [
        e.data.forumId,
        e.data.memberId,
        e.data.leftOn,
        e.data.reason,
      ]);
      await touchForum(e.data.forumId);
      return;
    case 'ForumMeetingRecorded':
      await sql.query(
        `INSERT INTO forum_meetings (forum_id, meeting_id, date, agenda, minutes_summary, present, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          e.data.forumId,
          e.data.meetingId,
          e.data.date,
          JSON.stringify(e.data.agenda),
          e.data.minutesSummary,
          JSON.stringify(e.data.present),
          at,
        ],
      );
      await touchForum(e.data.forumId);
      return;
  }
}
