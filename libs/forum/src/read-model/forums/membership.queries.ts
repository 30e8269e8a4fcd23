import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Actor, type Clock } from '#libs/kernel';
import { queryPage, type Page, type PageRequest } from '#libs/http';
import { ReadModels } from '#libs/platform';
import { officeNameSql } from '#libs/projections';
import { MEMBER_CATEGORIES } from '../../forum/categories.js';
import { officeScope } from './forums.queries.js';
import type { MembershipRow } from './forums.view.js';

/** Per forum, a row per category (in MEMBER_CATEGORIES' order) with its members between $2 and $3. */
const SELECT = `SELECT f.office, ${officeNameSql('f.office')} AS "officeName", f.forum_id AS "forumId", c.category, c.ord,
    (SELECT count(*)::int FROM forum_members m WHERE m.forum_id = f.forum_id AND m.category = c.category
       AND m.joined_on <= $3::date AND (m.left_on IS NULL OR m.left_on > $2::date)) AS members
  FROM forum_forums f CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS c(category, ord)
  WHERE ($1::text IS NULL OR f.office = $1)`;

export class GetForumMembership {
  constructor(
    readonly actor: Actor,
    readonly filter: { office?: string; year?: number; on?: string },
    readonly page: PageRequest,
    readonly asOf?: number,
  ) {}
}

/**
 * Forum membership by category per office (the ministry's evaluation export; a governor sees its own office):
 * members on a date, or members at any time during a year.
 */
@QueryHandler(GetForumMembership)
export class GetForumMembershipHandler implements IQueryHandler<GetForumMembership, Page<MembershipRow>> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, filter, page, asOf }: GetForumMembership) {
    const office = officeScope(actor, filter.office);
    const on = filter.on ?? this.clock.today();
    const [from, to] = filter.year !== undefined ? [`${filter.year}-01-01`, `${filter.year}-12-31`] : [on, on];
    return this.readModels.run(['forum'], asOf, (sql) =>
      queryPage<MembershipRow>(sql, page, {
        select: SELECT,
        params: [office, from, to, [...MEMBER_CATEGORIES]],
        key: [
          { expr: 'office', type: 'text' },
          { expr: '"forumId"', type: 'text' },
          { expr: 'ord', type: 'bigint' },
        ],
        hide: ['ord'],
      }),
    );
  }
}
