import type { Actor, Role } from './actor.js';
import { ForbiddenError } from './errors.js';

/**
 * R20, in one place: who may do what on which governor office and organisation. The ministry sees everything
 * and acts where a use case lets it; a governor sees and acts for its own office; a school owner or a
 * university sees and acts for its own organisation. Every refusal is a ForbiddenError with rule R20 (403).
 */

/** Where a piece of data belongs: its organisation(s) and/or the governor office whose region it is in. */
export interface Ownership {
  /** Organisations that own the data (a network measure has several). */
  orgs?: readonly string[];
  office?: string | null;
}

const who = (actor: Actor) => (actor.role === 'governor' ? `governor of office ${actor.office}` : `${actor.role} ${actor.org}`);

export const AccessPolicy = {
  /** R20 reading: may the actor see data with this ownership? */
  canSee(actor: Actor, owner: Ownership): boolean {
    switch (actor.role) {
      case 'ministry':
        return true;
      case 'governor':
        return !!owner.office && owner.office === actor.office;
      default:
        return (owner.orgs ?? []).includes(actor.org);
    }
  },

  /**
   * `canSee` as a SQL condition, so a paged list is scoped in its query rather than filtered after it. `office` is a
   * text expression, `orgs` a text[] expression; the condition's one parameter is `$<param>`.
   */
  canSeeSql(actor: Actor, owner: { office: string; orgs: string }, param: number): { sql: string; params: unknown[] } {
    switch (actor.role) {
      case 'ministry':
        return { sql: 'true', params: [] };
      case 'governor':
        return { sql: `${owner.office} = $${param}::text`, params: [actor.office ?? null] };
      default:
        return { sql: `$${param}::text = ANY(${owner.orgs})`, params: [actor.org] };
    }
  },

  assertCanSee(actor: Actor, owner: Ownership, what = 'This resource'): void {
    if (!AccessPolicy.canSee(actor, owner)) throw new ForbiddenError(`${what} is not visible to ${who(actor)}`);
  },

  /** The actor has one of the roles. */
  assertRole(actor: Actor, roles: readonly Role[], action: string): void {
    if (!roles.includes(actor.role)) throw new ForbiddenError(`only ${roles.join(' or ')} ${action}; you are ${actor.role}`);
  },

  /** A governor acting for its own office; returns that office. */
  governorOffice(actor: Actor, action: string): string {
    if (actor.role !== 'governor' || !actor.office) throw new ForbiddenError(`only a governor ${action}; you are ${actor.role}`);
    return actor.office;
  },

  /** A governor of exactly this office. */
  assertGovernorOf(actor: Actor, office: string, action: string, what = 'This resource'): void {
    const own = AccessPolicy.governorOffice(actor, action);
    if (own !== office) throw new ForbiddenError(`${what} belongs to governor office ${office}; you act for office ${own}`);
  },

  /** The organisation itself (a school owner or a university acting on its own data). */
  assertActsFor(actor: Actor, org: string, action: string): void {
    if ((actor.role !== 'school_owner' && actor.role !== 'university') || actor.org !== org) {
      throw new ForbiddenError(`only ${org} itself ${action}; you are ${who(actor)}`);
    }
  },

  /** One of these organisations itself (a network owner acting on its own part). */
  assertActsForOneOf(actor: Actor, orgs: readonly string[], action: string): void {
    if ((actor.role !== 'school_owner' && actor.role !== 'university') || !orgs.includes(actor.org)) {
      throw new ForbiddenError(`only ${orgs.join(' or ') || 'a party'} ${action}; you are ${who(actor)}`);
    }
  },

  /** The ministry (Udir). */
  assertMinistry(actor: Actor, action: string): void {
    if (actor.role !== 'ministry') throw new ForbiddenError(`only the ministry ${action}; you are ${actor.role}`);
  },
};
