import { Inject, Injectable } from '@nestjs/common';
import type { Sql } from '#libs/db';
import { AccessPolicy, NotFoundError, ORGANISATION_DIRECTORY, type Actor, type OrganisationDirectory } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import { officeNameSql } from '#libs/projections';
import type { RecommendedMeasure, Vote } from '../../recommendation/content/content.js';
import { iso, isoOrNull, json } from '../sql-values.js';
import type { RecommendationView } from './recommendations.view.js';

export const REC_SELECT = `SELECT r.recommendation_id AS "recommendationId", r.forum_id AS "forumId", r.office,
  ${officeNameSql('r.office')} AS "officeName", r.call_id AS "callId", r.revision, r.status, r.published,
  r.outcome, r.meeting_id AS "meetingId", to_char(r.meeting_date, 'YYYY-MM-DD') AS "meetingDate", r.present_members AS "presentMembers", r.vote, r.measures,
  r.note, r.warnings, r.first_recorded_at AS "firstRecordedAt", r.recorded_at AS "recordedAt", r.published_at AS "publishedAt", r.withdrawn_at AS "withdrawnAt",
  r.withdrawal_reason AS "withdrawalReason", r.version FROM forum_recommendations r`;

export const toRecommendation = (r: RecommendationView): RecommendationView => ({
  ...r,
  vote: r.vote === null ? null : json<Vote>(r.vote),
  measures: json<RecommendedMeasure[]>(r.measures),
  warnings: json<Warning[]>(r.warnings),
  firstRecordedAt: iso(r.firstRecordedAt),
  recordedAt: iso(r.recordedAt),
  publishedAt: isoOrNull(r.publishedAt),
  withdrawnAt: isoOrNull(r.withdrawnAt),
});

/** A WHERE clause over `r` with its one parameter ($1). */
export interface Visibility {
  where: string;
  param: string | null;
}

/**
 * R20 for recommendations: the ministry sees all; a governor its office's; a school owner the published ones of
 * its office; a university the published ones naming it (as cooperating university or recipient).
 */
@Injectable()
export class RecommendationVisibility {
  constructor(@Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory) {}

  async of(actor: Actor): Promise<Visibility> {
    switch (actor.role) {
      case 'ministry':
        return { where: '$1::text IS NULL', param: null };
      case 'governor':
        return { where: 'r.office = $1::text', param: actor.office ?? '' };
      case 'school_owner': {
        const org = await this.directory.get(actor.org);
        return { where: 'r.published AND r.office = $1::text', param: org?.office ?? '' };
      }
      case 'university':
        return {
          where:
            'r.published AND EXISTS (SELECT 1 FROM forum_recommendation_parties p WHERE p.recommendation_id = r.recommendation_id AND p.org = $1::text)',
          param: actor.org,
        };
    }
  }

  /** The recommendation if the actor may see it: a governor of another office gets 403; an owner or university 404 (unpublished ones must not leak). */
  async visible(sql: Sql, actor: Actor, recommendationId: string): Promise<RecommendationView> {
    const vis = await this.of(actor);
    const row = (
      await sql.query<RecommendationView>(`${REC_SELECT} WHERE r.recommendation_id = $2 AND (${vis.where})`, [vis.param, recommendationId])
    ).rows[0];
    if (row) return toRecommendation(row);
    if (actor.role === 'governor') {
      const other = (
        await sql.query<{ office: string }>(`SELECT office FROM forum_recommendations WHERE recommendation_id = $1`, [recommendationId])
      ).rows[0];
      if (other) AccessPolicy.assertCanSee(actor, { office: other.office }, `recommendation ${recommendationId}`);
    }
    throw new NotFoundError('recommendation', recommendationId);
  }
}
