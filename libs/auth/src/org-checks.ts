import { type Actor, ForbiddenError, type Role } from '#libs/kernel';

/**
 * Organisation checks of R20 for controllers and command handlers; each throws ForbiddenError (403) from
 * #libs/kernel. The ministry passes every one of them.
 */

/** The actor acts for `org` (owners and universities act on their own organisation's data). */
export function assertSameOrg(actor: Actor, org: string, what = 'This resource'): void {
  if (actor.role === 'ministry') return;
  if (actor.org !== org) {
    throw new ForbiddenError(`${what} belongs to organisation ${org}; you act for ${actor.org}`);
  }
}

/** The actor is a governor of `officeCode` (a governor sees and acts on everything in its own office). */
export function assertOffice(actor: Actor, officeCode: string, what = 'This resource'): void {
  if (actor.role === 'ministry') return;
  if (actor.role !== 'governor') {
    throw new ForbiddenError(`${what} is handled by governor office ${officeCode}; role ${actor.role} may not do this`);
  }
  if (actor.office !== officeCode) {
    throw new ForbiddenError(`${what} belongs to governor office ${officeCode}; you act for office ${actor.office}`);
  }
}

/** The actor has one of the roles (for handlers reached other than through a @Roles() route). */
export function assertRole(actor: Actor, ...roles: Role[]): void {
  if (actor.role === 'ministry') return;
  if (!roles.includes(actor.role)) {
    throw new ForbiddenError(`This action requires role ${roles.join(' or ')}; you are ${actor.role}`);
  }
}

/** Where a piece of data belongs: its organisation and/or the governor office whose region it is in. */
export interface Ownership {
  org?: string;
  office?: string;
}

/**
 * R20 reading: the ministry sees everything; a governor what is in its office; a school owner or university what
 * is its own organisation's. (Special cases, such as an owner reading its forum's published recommendation, are the
 * caller's to add.)
 */
export function canSee(actor: Actor, owner: Ownership): boolean {
  switch (actor.role) {
    case 'ministry':
      return true;
    case 'governor':
      return owner.office !== undefined && owner.office === actor.office;
    default:
      return owner.org !== undefined && owner.org === actor.org;
  }
}

export function assertCanSee(actor: Actor, owner: Ownership, what = 'This resource'): void {
  if (!canSee(actor, owner)) {
    const where = actor.role === 'governor' ? `office ${actor.office}` : `organisation ${actor.org}`;
    throw new ForbiddenError(`${what} is not visible to ${actor.role} of ${where}`);
  }
}
