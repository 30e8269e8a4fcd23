import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Actor, type Clock } from '#libs/kernel';
import { ReadModels } from '#libs/platform';
import { MEMBER_CATEGORIES, type MemberCategory } from '../../forum/categories.js';
import { officeScope } from './forums.queries.js';
import type { MembershipRow } from './forums.view.js';

export class GetForumMembership {
  constructor(
    readonly actor: Actor,
    readonly filter: { office?: string; year?: number; on?: string },
    readonly asOf?: number,
  ) {}
}

/**
 * Forum membership by category per office (the ministry's evaluation export; a governor sees its own office):
 * members on a date, or members at any time during a year.
 */
@QueryHandler(GetForumMembership)
export class GetForumMembershipHandler implements IQueryHandler<GetForumMembership, MembershipRow[]> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, filter, asOf }: GetForumMembership) {
    const office = officeScope(actor, filter.office);
    const on = filter.on ?? this.clock.today();
    const [from, to] = filter.year !== undefined ? [`${filter.year}-01-01`, `${filter.year}-12-31`] : [on, on];
    return this.readModels.run(['forum'], asOf, async (sql) => {
      const forums = (
        await sql.query<{ forum_id: string; office: string }>(
          `SELECT forum_id, office FROM forum_forums WHERE ($1::text IS NULL OR office = $1) ORDER BY office, forum_id`,
          [office],
        )
      ).rows;
      const counts = (
        await sql.query<{ forum_id: string; category: MemberCategory; members: number | string }>(
          `SELECT forum_id, category, count(*) AS members FROM forum_members
           WHERE joined_on <= $2::date AND (left_on IS NULL OR left_on > $1::date) GROUP BY forum_id, category`,
          [from, to],
        )
      ).rows;
      return forums.flatMap((f) =>
        MEMBER_CATEGORIES.map((category) => ({
          office: f.office,
          forumId: f.forum_id,
          category,
          members: Number(counts.find((c) => c.forum_id === f.forum_id && c.category === category)?.members ?? 0),
        })),
      );
    });
  }
}
