import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '#libs/kernel';
import { ReadModels, Versioned, type HistoryEntry, type Warning } from '#libs/platform';
import type { RecommendedMeasure, Vote } from '../../recommendation/content/content.js';
import { Recommendation } from '../../recommendation/recommendation.aggregate.js';
import { assertForumReader } from '../forums/forums.queries.js';
import { iso, json } from '../sql-values.js';
import { REC_SELECT, RecommendationVisibility, toRecommendation } from './recommendation-visibility.js';
import type { RecommendationView, RevisionView } from './recommendations.view.js';

export class ListRecommendations {
  constructor(
    readonly actor: Actor,
    readonly filter: { office?: string; forumId?: string; callId?: string },
    readonly asOf?: number,
  ) {}
}
export class GetRecommendation {
  constructor(
    readonly actor: Actor,
    readonly recommendationId: string,
    readonly asOf?: number,
  ) {}
}
export class GetRecommendationRevisions {
  constructor(
    readonly actor: Actor,
    readonly recommendationId: string,
    readonly asOf?: number,
  ) {}
}
export class GetRecommendationHistory {
  constructor(
    readonly actor: Actor,
    readonly recommendationId: string,
    readonly asOf?: number,
  ) {}
}

@QueryHandler(ListRecommendations)
export class ListRecommendationsHandler implements IQueryHandler<ListRecommendations, RecommendationView[]> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly visibility: RecommendationVisibility,
  ) {}

  async execute({ actor, filter, asOf }: ListRecommendations) {
    const vis = await this.visibility.of(actor);
    return this.readModels.run(['forum'], asOf, async (sql) =>
      (
        await sql.query<RecommendationView>(
          `${REC_SELECT} WHERE (${vis.where}) AND ($2::text IS NULL OR r.office = $2) AND ($3::text IS NULL OR r.forum_id = $3) AND ($4::text IS NULL OR r.call_id = $4)
           ORDER BY r.recorded_at DESC, r.recommendation_id`,
          [vis.param, filter.office ?? null, filter.forumId ?? null, filter.callId ?? null],
        )
      ).rows.map(toRecommendation),
    );
  }
}

@QueryHandler(GetRecommendation)
export class GetRecommendationHandler implements IQueryHandler<GetRecommendation, Versioned<RecommendationView>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly visibility: RecommendationVisibility,
  ) {}

  async execute({ actor, recommendationId, asOf }: GetRecommendation) {
    const view = await this.readModels.run(['forum'], asOf, (sql) => this.visibility.visible(sql, actor, recommendationId));
    return new Versioned(view, view.version);
  }
}

@QueryHandler(GetRecommendationRevisions)
export class GetRecommendationRevisionsHandler implements IQueryHandler<GetRecommendationRevisions, RevisionView[]> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly visibility: RecommendationVisibility,
  ) {}

  execute({ actor, recommendationId, asOf }: GetRecommendationRevisions) {
    return this.readModels.run(['forum'], asOf, async (sql) => {
      await this.visibility.visible(sql, actor, recommendationId);
      const rows = (
        await sql.query<RevisionView>(
          `SELECT revision, kind, outcome, meeting_id AS "meetingId", to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", present_members AS "presentMembers",
             vote, measures, note, warnings, reason, recorded_at AS "recordedAt"
           FROM forum_recommendation_revisions WHERE recommendation_id = $1 ORDER BY revision`,
          [recommendationId],
        )
      ).rows;
      return rows.map((r) => ({
        ...r,
        vote: r.vote === null ? null : json<Vote>(r.vote),
        measures: json<RecommendedMeasure[]>(r.measures),
        warnings: json<Warning[]>(r.warnings),
        recordedAt: iso(r.recordedAt),
      }));
    });
  }
}

@QueryHandler(GetRecommendationHistory)
export class GetRecommendationHistoryHandler implements IQueryHandler<GetRecommendationHistory, HistoryEntry[]> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, recommendationId, asOf }: GetRecommendationHistory) {
    const history = await this.readModels.existingHistory(
      'recommendation',
      recommendationId,
      Recommendation.streamOf(recommendationId),
      asOf,
    );
    assertForumReader(actor, (history[0].data as { office: string }).office, `recommendation ${recommendationId}`);
    return history;
  }
}
