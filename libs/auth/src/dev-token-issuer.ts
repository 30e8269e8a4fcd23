import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '#libs/kernel';
import { officeByCode } from '#libs/reference-data';
import { SignJWT } from 'jose';
import { governorOfficeProblem, identityProblem, isRole } from './claims.js';
import { DEV_SIGNING_ALG, loadDevSigningKey } from './dev-key.js';
import { InvalidTokenRequestError } from './errors.js';
import { DEV_AUDIENCE, DEV_ISSUER } from './options.js';
import { parseTtl } from './ttl.js';

export interface IssueTokenInput {
  role: Role;
  /**
   * The organisation number the subject acts for. For a governor it may be left out and defaults to the office's
   * org number; another org than the office's is refused.
   */
  org?: string;
  /** Governor office code: required for governors, refused for other roles. */
  office?: string;
  /** Token subject; default `dev:<role>:<org>`. */
  subject?: string;
  /** Lifetime: seconds, or `90s`, `30m`, `8h`, `7d`. Default `8h`, at most a year. */
  ttl?: string | number;
}

export const DEFAULT_DEV_TTL = '8h';

/**
 * Issues dev-mode tokens signed with the key under `${dataDir}/keys/` — the one the service checks in dev mode.
 * For the `npm run token` CLI and for tests; AuthModule provides it only in dev mode.
 */
export class DevTokenIssuer {
  constructor(readonly dataDir: string) {
    if (typeof dataDir !== 'string' || dataDir.trim() === '') throw new Error('DevTokenIssuer needs a data directory');
  }

  /** @throws InvalidTokenRequestError naming the bad input. */
  async issue(input: IssueTokenInput): Promise<string> {
    const { role, office } = input;
    if (!isRole(role)) throw new InvalidTokenRequestError(`role must be one of ${ROLES.join(', ')}; got '${String(role)}'`);
    let org = input.org;
    if (role === 'governor') {
      const problem = governorOfficeProblem(office);
      if (problem) throw new InvalidTokenRequestError(problem.replace(/^claim /, ''));
      const known = officeByCode(office as string)!;
      if (org === undefined) org = known.orgNumber;
      if (org !== known.orgNumber) {
        throw new InvalidTokenRequestError(
          `a governor of office ${office} acts for the office's org number ${known.orgNumber}, not ${org}`,
        );
      }
    }
    if (role !== 'governor' && office !== undefined) {
      throw new InvalidTokenRequestError(`only governors have an office; leave it out for role ${role}`);
    }
    const subject = input.subject ?? `dev:${role}:${org}`;
    const problem = identityProblem({ role, org, office, sub: subject });
    if (problem) throw new InvalidTokenRequestError(problem.replace(/^claim /, ''));
    const ttl = input.ttl ?? DEFAULT_DEV_TTL;
    const seconds = parseTtl(ttl);
    if (seconds === undefined) {
      throw new InvalidTokenRequestError(`ttl must be seconds or like 90s, 30m, 8h, 7d (at most a year); got '${ttl}'`);
    }

    const key = await loadDevSigningKey(this.dataDir);
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, string> = { role, org: org as string };
    if (role === 'governor') claims.office = office as string;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: DEV_SIGNING_ALG, kid: key.kid, typ: 'JWT' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt(now)
      .setExpirationTime(now + seconds)
      .setJti(randomUUID())
      .sign(key.privateKey);
  }
}
