import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import type { RecommendationBody } from '../../recommendation/content/content.js';
import type { RecommendationEvent } from '../../recommendation/recommendation.aggregate.js';

/**
 * Recommendations with every revision (R21) and the organisations each names (for R20 visibility).
 * `version` is the recommendation stream's version (the ETag).
 */
export const recommendationsSchema = `
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
    CREATE INDEX forum_recommendation_parties_by_org ON forum_recommendation_parties (org);`;

const contentColumns = (d: RecommendationBody) => [
  d.outcome,
  d.meetingId,
  d.meetingDate,
  d.presentMembers,
  d.vote ? JSON.stringify(d.vote) : null,
  JSON.stringify(d.measures),
  d.note,
  JSON.stringify(d.warnings),
];

/** A new recording (also after a withdrawal) starts unpublished. */
async function insertRecorded(sql: Sql, d: RecommendationBody, at: string, v: number) {
  await sql.query(
    `INSERT INTO forum_recommendations (recommendation_id, forum_id, office, call_id, revision, status, published, outcome, meeting_id, meeting_date, present_members, vote, measures, note, warnings, first_recorded_at, recorded_at, version)
     VALUES ($1, $2, $3, $4, $5, 'recorded', false, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
     ON CONFLICT (recommendation_id) DO UPDATE SET revision = EXCLUDED.revision, status = 'recorded', published = false, outcome = EXCLUDED.outcome,
       meeting_id = EXCLUDED.meeting_id, meeting_date = EXCLUDED.meeting_date, present_members = EXCLUDED.present_members, vote = EXCLUDED.vote,
       measures = EXCLUDED.measures, note = EXCLUDED.note, warnings = EXCLUDED.warnings, recorded_at = EXCLUDED.recorded_at,
       published_at = NULL, withdrawn_at = NULL, withdrawal_reason = NULL, version = EXCLUDED.version`,
    [d.recommendationId, d.forumId, d.office, d.callId, d.revision, ...contentColumns(d), at, v],
  );
}

async function updateAmended(sql: Sql, d: RecommendationBody, at: string, v: number) {
  await sql.query(
    `UPDATE forum_recommendations SET revision = $2, outcome = $3, meeting_id = $4, meeting_date = $5, present_members = $6, vote = $7, measures = $8, note = $9,
       warnings = $10, recorded_at = $11, version = $12 WHERE recommendation_id = $1`,
    [d.recommendationId, d.revision, ...contentColumns(d), at, v],
  );
}

/** The revision (R21) and the organisations the recommendation names now. */
async function recordRevision(sql: Sql, d: RecommendationBody, kind: 'recorded' | 'amended', reason: string | null, at: string) {
  await sql.query(
    `INSERT INTO forum_recommendation_revisions (recommendation_id, revision, kind, outcome, meeting_id, meeting_date, present_members, vote, measures, note, warnings, reason, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [d.recommendationId, d.revision, kind, ...contentColumns(d), reason, at],
  );
  await sql.query(`DELETE FROM forum_recommendation_parties WHERE recommendation_id = $1`, [d.recommendationId]);
  const parties = new Set(
    d.measures.flatMap((m) => [...m.cooperatingOwners, ...m.cooperatingUniversities, ...m.amounts.map((a) => a.recipientOrg)]),
  );
  for (const org of parties) {
    await sql.query(`INSERT INTO forum_recommendation_parties (recommendation_id, org) VALUES ($1, $2)`, [d.recommendationId, org]);
  }
}

export async function applyRecommendationEvent(e: RecommendationEvent, stored: StoredEvent, sql: Sql): Promise<void> {
  const at = stored.metadata.recordedAt;
  const v = stored.streamVersion;
  switch (e.type) {
    case 'RecommendationRecorded':
      await insertRecorded(sql, e.data, at, v);
      await recordRevision(sql, e.data, 'recorded', null, at);
      return;
    case 'RecommendationAmended':
      await updateAmended(sql, e.data, at, v);
      await recordRevision(sql, e.data, 'amended', e.data.reason, at);
      return;
    case 'RecommendationPublished':
      await sql.query(
        `UPDATE forum_recommendations SET status = 'published', published = true, published_at = $2, version = $3 WHERE recommendation_id = $1`,
        [e.data.recommendationId, at, v],
      );
      return;
    case 'RecommendationWithdrawn':
      await sql.query(
        `UPDATE forum_recommendations SET status = 'withdrawn', withdrawn_at = $2, withdrawal_reason = $3, version = $4 WHERE recommendation_id = $1`,
        [e.data.recommendationId, at, e.data.reason, v],
      );
      return;
  }
}
