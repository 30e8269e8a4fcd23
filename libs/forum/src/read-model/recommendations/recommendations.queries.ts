import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '#libs/kernel';
import { historyPage, Page, queryPage, type PageRequest } from '#libs/http';
import { ReadModels, Versioned, type HistoryEntry, type Warning } from '#libs/platform';
import { withMeasureNames } from '../forum-names.js';
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
    readonly page: PageRequest,
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
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}
export class GetRecommendationHistory {
  constructor(
    readonly actor: Actor,
    readonly recommendationId: string,
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}

@QueryHandler(ListRecommendations)
export class ListRecommendationsHandler implements IQueryHandler<ListRecommendations, Page<RecommendationView>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly visibility: RecommendationVisibility,
  ) {}

  /** The latest recorded first (then by id). */
  async execute({ actor, filter, page, asOf }: ListRecommendations) {
    const vis = await this.visibility.of(actor);
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const rows = await queryPage<RecommendationView>(sql, page, {
        select: `${REC_SELECT} WHERE (${vis.where}) AND ($2::text IS NULL OR r.office = $2) AND ($3::text IS NULL OR r.forum_id = $3) AND ($4::text IS NULL OR r.call_id = $4)`,
        params: [vis.param, filter.office ?? null, filter.forumId ?? null, filter.callId ?? null],
        key: [
          { expr: '"recordedAt"', type: 'timestamptz', desc: true },
          { expr: '"recommendationId"', type: 'text' },
        ],
      });
      return new Page(await withMeasureNames(sql, rows.items.map(toRecommendation)), rows.next);
    });
  }
}

@QueryHandler(GetRecommendation)
export class GetRecommendationHandler implements IQueryHandler<GetRecommendation, Versioned<RecommendationView>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly visibility: RecommendationVisibility,
  ) {}

  async execute({ actor, recommendationId, asOf }: GetRecommendation) {
    const view = await this.readModels.run(['forum'], asOf, async (sql) => {
      const [named] = await withMeasureNames(sql, [await this.visibility.visible(sql, actor, recommendationId)]);
      return named;
    });
    return new Versioned(view, view.version);
  }
}

@QueryHandler(GetRecommendationRevisions)
export class GetRecommendationRevisionsHandler implements IQueryHandler<GetRecommendationRevisions, Page<RevisionView>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly visibility: RecommendationVisibility,
  ) {}

  execute({ actor, recommendationId, page, asOf }: GetRecommendationRevisions) {
    return this.readModels.run(['forum'], asOf, async (sql) => {
      await this.visibility.visible(sql, actor, recommendationId);
      const rows = await queryPage<RevisionView>(sql, page, {
        select: `SELECT revision, kind, outcome, meeting_id AS "meetingId", to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate",
             present_members AS "presentMembers", vote, measures, note, warnings, reason, recorded_at AS "recordedAt"
           FROM forum_recommendation_revisions WHERE recommendation_id = $1`,
        params: [recommendationId],
        key: [{ expr: 'revision', type: 'int' }],
      });
      const revisions = rows.items.map((r) => ({
        ...r,
        vote: r.vote === null ? null : json<Vote>(r.vote),
        measures: json<RecommendedMeasure[]>(r.measures),
        warnings: json<Warning[]>(r.warnings),
        recordedAt: iso(r.recordedAt),
      }));
      return new Page(await withMeasureNames(sql, revisions), rows.next);
    });
  }
}

@QueryHandler(GetRecommendationHistory)
export class GetRecommendationHistoryHandler implements IQueryHandler<GetRecommendationHistory, Page<HistoryEntry>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ actor, recommendationId, page, asOf }: GetRecommendationHistory) {
    const history = await this.readModels.existingHistory(
      'recommendation',
      recommendationId,
      Recommendation.streamOf(recommendationId),
      asOf,
    );
    assertForumReader(actor, (history[0].data as { office: string }).office, `recommendation ${recommendationId}`);
    return historyPage(history, page);
  }
}
