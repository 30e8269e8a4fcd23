import type { Sql } from '#libs/db';
import { Forum, Recommendation, type RecommendationEvent } from '#libs/forum';
import { ensureRow } from './rows.js';
import { sourceOf } from './source.js';

type Recommendation = Extract<RecommendationEvent, { type: 'RecommendationRecorded' | 'RecommendationAmended' }>;

const clear = (sql: Sql, recommendationId: string) =>
  sql.query(`UPDATE ex_rows SET recommended = NULL, recommendation_id = NULL, recommended_on = NULL WHERE recommendation_id = $1`, [
    recommendationId,
  ]);

/** The forum's latest recommendation replaces the earlier one's amounts; recommended_on is the meeting's date (R13). */
async function recommend({ data: d }: Recommendation, sql: Sql): Promise<void> {
  await sql.query(
    `INSERT INTO ex_recommendations (recommendation_id, office, call_id, meeting_date) VALUES ($1, $2, $3, $4)
     ON CONFLICT (recommendation_id) DO UPDATE SET meeting_date = $4`,
    [d.recommendationId, d.office, d.callId, d.meetingDate],
  );
  await clear(sql, d.recommendationId);
  const scheme =
    (await sql.query<{ scheme: string }>('SELECT scheme FROM ex_calls WHERE call_id = $1', [d.callId])).rows[0]?.scheme ?? null;
  for (const m of d.measures) {
    for (const a of m.amounts) {
      await ensureRow(sql, m.measureId, a.recipientOrg, a.year, d.office, scheme);
      await sql.query(
        `UPDATE ex_rows SET recommended = COALESCE(recommended, 0) + $4, recommendation_id = $5, recommended_on = $6 WHERE measure_id = $1 AND recipient_org = $2 AND year = $3`,
        [m.measureId, a.recipientOrg, a.year, a.amount, d.recommendationId, d.meetingDate],
      );
    }
  }
}

/** The forums and their members by category (R11), for the per-office figures. */
export const forumEvents = sourceOf(Forum, {
  async ForumCreated({ data }, sql) {
    await sql.query(`INSERT INTO ex_forums (forum_id, office) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [data.forumId, data.office]);
  },
  async ForumMemberJoined({ data }, sql) {
    await sql.query(
      `INSERT INTO ex_forum_members (forum_id, member_id, office, category, joined_on) SELECT $1, $2, office, $3, $4 FROM ex_forums WHERE forum_id = $1
       ON CONFLICT DO NOTHING`,
      [data.forumId, data.memberId, data.category, data.joinedOn],
    );
  },
  async ForumMemberLeft({ data }, sql) {
    await sql.query(`UPDATE ex_forum_members SET left_on = $3 WHERE forum_id = $1 AND member_id = $2`, [
      data.forumId,
      data.memberId,
      data.leftOn,
    ]);
  },
});

/** The forum's recommendations (R12, R13): recorded, amended, withdrawn. */
export const recommendationEvents = sourceOf(Recommendation, {
  RecommendationRecorded: recommend,
  RecommendationAmended: recommend,
  async RecommendationWithdrawn({ data }, sql) {
    await clear(sql, data.recommendationId);
  },
});
