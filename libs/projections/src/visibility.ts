import type { Actor } from '#libs/kernel';

/**
 * R20 reading (`AccessPolicy.canSee`) as a SQL condition, so a paged list is scoped in its query rather than filtered
 * after it: the ministry sees every row, a governor its office's, anyone else rows naming its organisation.
 * `office` is a text expression, `orgs` a text[] expression; the condition's one parameter is `$<param>`.
 */
export function canSeeSql(actor: Actor, owner: { office: string; orgs: string }, param: number): { sql: string; params: unknown[] } {
  switch (actor.role) {
    case 'ministry':
      return { sql: 'true', params: [] };
    case 'governor':
      return { sql: `${owner.office} = $${param}::text`, params: [actor.office ?? null] };
    default:
      return { sql: `$${param}::text = ANY(${owner.orgs})`, params: [actor.org] };
  }
}
