import { type Actor, ROLES, type Role } from '#libs/kernel';
import { isKnownOfficeCode, isValidOrgNumber, OFFICE_CODES, officeByCode, officeByOrgNumber } from '#libs/reference-data';
import type { JWTPayload } from 'jose';
import { AuthenticationError } from './errors.js';

/**
 * The claims Dekomp reads from a token, besides the standard `iss`, `aud`, `exp`, `nbf`, `iat`:
 * - `sub`: who (a person or a system client), becomes `Actor.subject`;
 * - `role`: one of ROLES;
 * - `org`: the organisation the subject acts for, a 9-digit org number passing mod 11 (R19);
 * - `office`: for governors, the governor office code (see OFFICE_CODES); ignored for other roles.
 */
export interface DekompClaims {
  sub: string;
  role: Role;
  org: string;
  office?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What is wrong with an identity, or `undefined`. Shared by the verifier and the dev issuer. */
export function identityProblem(claims: { role?: unknown; org?: unknown; office?: unknown; sub?: unknown }): string | undefined {
  if (!isRole(claims.role)) {
    return `claim 'role' must be one of ${ROLES.join(', ')}; got ${describe(claims.role)}`;
  }
  if (typeof claims.org !== 'string' || !isValidOrgNumber(claims.org)) {
    return `claim 'org' must be a 9-digit organisation number with a valid mod-11 check digit; got ${describe(claims.org)}`;
  }
  if (typeof claims.sub !== 'string' || claims.sub.trim() === '') {
    return `claim 'sub' must be a non-empty string; got ${describe(claims.sub)}`;
  }
  if (claims.role === 'governor') return governorOfficeProblem(claims.office) ?? governorOrgProblem(claims.office as string, claims.org);
  const office = officeByOrgNumber(claims.org);
  if (office && claims.role !== 'ministry') {
    return `claim 'org' ${claims.org} is ${office.name}, a governor office; a ${claims.role} cannot act for it`;
  }
  return undefined;
}

/** A governor acts for its office's own organisation: claims that name another office's org contradict each other. */
function governorOrgProblem(office: string, org: string): string | undefined {
  const expected = officeByCode(office)?.orgNumber;
  if (expected && expected !== org)
    return `claim 'org' ${org} contradicts claim 'office' ${office}: a governor of ${office} acts for the office's org number ${expected}`;
  return undefined;
}

/** What is wrong with a governor's `office` claim, or `undefined`. */
export function governorOfficeProblem(office: unknown): string | undefined {
  if (office === undefined || office === null || office === '') {
    return `claim 'office' is required for role governor (one of ${OFFICE_CODES.join(', ')})`;
  }
  if (typeof office !== 'string' || !isKnownOfficeCode(office)) {
    return `claim 'office' must be a governor office code (${OFFICE_CODES.join(', ')}); got ${describe(office)}`;
  }
  return undefined;
}

/**
 * The Actor of a verified token's claims. An `office` claim counts only for governors and is dropped for other
 * roles. Throws AuthenticationError('invalid_claims') naming the bad claim.
 */
export function actorFromClaims(payload: JWTPayload): Actor {
  const problem = identityProblem(payload);
  if (problem) throw new AuthenticationError('invalid_claims', problem);
  const role = payload.role as Role;
  const actor: Actor = { role, org: payload.org as string, subject: payload.sub as string };
  if (role === 'governor') actor.office = payload.office as string;
  return actor;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 60)}…` : value}'`;
  try {
    return JSON.stringify(value)?.slice(0, 60) ?? typeof value;
  } catch {
    return typeof value;
  }
}
