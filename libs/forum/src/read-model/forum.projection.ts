import type { Projection } from '#libs/projections';
import type { ForumEvent } from '../domain/forum.decider.js';
import type { RecommendationBody, RecommendationEvent } from '../domain/recommendation.decider.js';

/**
 * Forums, their members over time, meetings, and recommendations with every revision (R21). One projection, so
 * an as-of query rebuilds them together.
 */
export const forumProjection: Projection = {
  name: 'forum',
  version: 1,
  schema: `
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
    );
    CREATE TABLE forum_recommendations (
      recommendation_id text PRIMARY KEY,
      forum_id text NOT NULL,
      office text NOT NULL,
      call_id text NOT NULL,
      revision integer NOT NULL,
      status text NOT NULL,
      published boolean NOT NULL DEFAULT false,
      outcome text NOT NULL,
      meeting_id text NOT NULL,
      meeting_date date NOT NULL,
      present_members integer NOT NULL,
      vote jsonb,
      measures jsonb NOT NULL,
      note text,
      warnings jsonb NOT NULL,
      first_recorded_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      published_at timestamptz,
      withdrawn_at timestamptz,
      withdrawal_reason text,
      version integer NOT NULL
    );
    CREATE INDEX forum_recommendations_by_call ON forum_recommendations (call_id, recorded_at);
    CREATE INDEX forum_recommendations_by_office ON forum_recommendations (office);
    CREATE TABLE forum_recommendation_revisions (
      recommendation_id text NOT NULL,
      revision integer NOT NULL,
      kind text NOT NULL,
      outcome text NOT NULL,
      meeting_id text NOT NULL,
      meeting_date date NOT NULL,
      present_members integer NOT NULL,
      vote jsonb,
      measures jsonb NOT NULL,
      note text,
      warnings jsonb NOT NULL,
      reason text,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (recommendation_id, revision)
    );
    CREATE TABLE forum_recommendation_parties (
      recommendation_id text NOT NULL,
      org text NOT NULL,
      PRIMARY KEY (recommendation_id, org)
    );
    CREATE INDEX forum_recommendation_parties_by_org ON forum_recommendation_parties (org);`,
  handles: [
    'ForumCreated',
    'ForumMemberJoined',
    'ForumMemberLeft',
    'ForumMeetingRecorded',
    'RecommendationRecorded',
    'RecommendationAmended',
    'RecommendationPublished',
    'RecommendationWithdrawn',
  ],
  async apply(stored, sql) {
    const e = { type: stored.type, data: stored.data } as ForumEvent | RecommendationEvent;
    const at = stored.metadata.recordedAt;
    const v = stored.streamVersion;
    const touchForum = (forumId: string) => sql.query(`UPDATE forum_forums SET version = $2 WHERE forum_id = $1`, [forumId, v]);
    switch (e.type) {
      case 'ForumCreated':
        await sql.query(`INSERT INTO forum_forums (forum_id, office, name, counties, created_at, version) VALUES ($1, $2, $3, $4, $5, $6)`, [
          e.data.forumId, e.data.office, e.data.name, JSON.stringify(e.data.counties), at, v,
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
        await sql.query(`UPDATE forum_members SET left_on = $3, left_reason = $4 WHERE forum_id = $1 AND member_id = $2`, [e.data.forumId, e.data.memberId, e.data.leftOn, e.data.reason]);
        await touchForum(e.data.forumId);
        return;
      case 'ForumMeetingRecorded':
        await sql.query(
          `INSERT INTO forum_meetings (forum_id, meeting_id, date, agenda, minutes_summary, present, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [e.data.forumId, e.data.meetingId, e.data.date, JSON.stringify(e.data.agenda), e.data.minutesSummary, JSON.stringify(e.data.present), at],
        );
        await touchForum(e.data.forumId);
        return;
      case 'RecommendationRecorded':
      case 'RecommendationAmended': {
        const d: RecommendationBody = e.data;
        const reason = e.type === 'RecommendationAmended' ? e.data.reason : null;
        const content = [d.outcome, d.meetingId, d.meetingDate, d.presentMembers, d.vote ? JSON.stringify(d.vote) : null, JSON.stringify(d.measures), d.note, JSON.stringify(d.warnings)];
        if (e.type === 'RecommendationRecorded') {
          // A new recording (also after a withdrawal) starts unpublished.
          await sql.query(
            `INSERT INTO forum_recommendations (recommendation_id, forum_id, office, call_id, revision, status, published, outcome, meeting_id, meeting_date, present_members, vote, measures, note, warnings, first_recorded_at, recorded_at, version)
             VALUES ($1, $2, $3, $4, $5, 'recorded', false, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
             ON CONFLICT (recommendation_id) DO UPDATE SET revision = EXCLUDED.revision, status = 'recorded', published = false, outcome = EXCLUDED.outcome,
               meeting_id = EXCLUDED.meeting_id, meeting_date = EXCLUDED.meeting_date, present_members = EXCLUDED.present_members, vote = EXCLUDED.vote,
               measures = EXCLUDED.measures, note = EXCLUDED.note, warnings = EXCLUDED.warnings, recorded_at = EXCLUDED.recorded_at,
               published_at = NULL, withdrawn_at = NULL, withdrawal_reason = NULL, version = EXCLUDED.version`,
            [d.recommendationId, d.forumId, d.office, d.callId, d.revision, ...content, at, v],
          );
        } else {
          await sql.query(
            `UPDATE forum_recommendations SET revision = $2, outcome = $3, meeting_id = $4, meeting_date = $5, present_members = $6, vote = $7, measures = $8, note = $9,
               warnings = $10, recorded_at = $11, version = $12 WHERE recommendation_id = $1`,
            [d.recommendationId, d.revision, ...content, at, v],
          );
        }
        await sql.query(
          `INSERT INTO forum_recommendation_revisions (recommendation_id, revision, kind, outcome, meeting_id, meeting_date, present_members, vote, measures, note, warnings, reason, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [d.recommendationId, d.revision, e.type === 'RecommendationRecorded' ? 'recorded' : 'amended', ...content, reason, at],
        );
        await sql.query(`DELETE FROM forum_recommendation_parties WHERE recommendation_id = $1`, [d.recommendationId]);
        const parties = new Set(d.measures.flatMap((m) => [...m.cooperatingOwners, ...m.cooperatingUniversities, ...m.amounts.map((a) => a.recipientOrg)]));
        for (const org of parties) {
          await sql.query(`INSERT INTO forum_recommendation_parties (recommendation_id, org) VALUES ($1, $2)`, [d.recommendationId, org]);
        }
        return;
      }
      case 'RecommendationPublished':
        await sql.query(`UPDATE forum_recommendations SET status = 'published', published = true, published_at = $2, version = $3 WHERE recommendation_id = $1`, [e.data.recommendationId, at, v]);
        return;
      case 'RecommendationWithdrawn':
        await sql.query(`UPDATE forum_recommendations SET status = 'withdrawn', withdrawn_at = $2, withdrawal_reason = $3, version = $4 WHERE recommendation_id = $1`, [
          e.data.recommendationId, at, e.data.reason, v,
        ]);
        return;
    }
  },
};
