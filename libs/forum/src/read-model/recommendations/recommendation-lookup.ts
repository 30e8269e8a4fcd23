import { Injectable } from '@nestjs/common';
import type { RecommendationInfo, RecommendationLookup } from '#libs/kernel';
import { ReadModels } from '#libs/platform';
import type { Outcome, RecommendedMeasure } from '../../recommendation/content/content.js';
import { iso, json } from '../sql-values.js';

/**
 * RECOMMENDATION_LOOKUP over the forum read model: a call's latest recommendation that is not withdrawn (recorded or
 * published; an office with several forums has one per forum, and the latest recorded or amended wins), with one
 * line per measure × recipient × year. 'no_agreement' comes with no lines: the governor decides (R12).
 */
@Injectable()
export class ReadModelRecommendationLookup implements RecommendationLookup {
  constructor(private readonly readModels: ReadModels) {}

  async forCall(callId: string): Promise<RecommendationInfo | null> {
    const row = await this.readModels.caughtUp(
      ['forum'],
      async (sql) =>
        (
          await sql.query<{
            recommendation_id: string;
            forum_id: string;
            call_id: string;
            outcome: Outcome;
            measures: unknown;
            recorded_at: unknown;
          }>(
            `SELECT recommendation_id, forum_id, call_id, outcome, measures, recorded_at FROM forum_recommendations
           WHERE call_id = $1 AND status <> 'withdrawn' ORDER BY recorded_at DESC, recommendation_id LIMIT 1`,
            [callId],
          )
        ).rows[0],
    );
    if (!row) return null;
    const measures = json<RecommendedMeasure[]>(row.measures);
    return {
      recommendationId: row.recommendation_id,
      forumId: row.forum_id,
      callId: row.call_id,
      outcome: row.outcome,
      lines: measures.flatMap((m) =>
        m.amounts.map((a) => ({ measureId: m.measureId, recipientOrg: a.recipientOrg, year: a.year, amount: a.amount })),
      ),
      recordedAt: iso(row.recorded_at),
    };
  }
}
