import { DomainError, ForbiddenError, type RuleViolation } from '#libs/kernel';
import type { Subscriber } from '../audience/audience.js';
import { KIND_INFO, WEBHOOK_KINDS, type WebhookKind } from '../kinds.js';

/** At most this many subscriptions (not deleted) per subscriber. */
export const MAX_SUBSCRIPTIONS = 10;
export const MAX_URL_LENGTH = 2048;

/** Why a URL cannot take deliveries: http(s) only, absolute, without credentials or a fragment. Null when fine. */
export function urlProblem(url: string): string | null {
  if (typeof url !== 'string' || url.length === 0) return 'url must be an absolute http(s) URL';
  if (url.length > MAX_URL_LENGTH) return `url may be at most ${MAX_URL_LENGTH} characters`;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `url must use http or https, not ${u.protocol.replace(':', '')}`;
  if (u.username || u.password) return 'url may not carry credentials (user:password@): verify deliveries by their signature';
  if (u.hash) return 'url may not have a fragment';
  return null;
}

export function assertUrl(url: string): void {
  const problem = urlProblem(url);
  if (problem) throw DomainError.of('url', 'url', problem);
}

/** Kinds named once each, every one known. */
export function assertKinds(kinds: readonly string[]): void {
  const v: RuleViolation[] = [];
  if (kinds.length === 0) v.push({ rule: 'kinds', field: 'kinds', message: 'name at least one kind' });
  kinds.forEach((k, i) => {
    if (!(WEBHOOK_KINDS as readonly string[]).includes(k))
      v.push({ rule: 'kinds', field: `kinds[${i}]`, message: `unknown kind ${k}; kinds are ${WEBHOOK_KINDS.join(', ')}` });
    else if (kinds.indexOf(k) !== i) v.push({ rule: 'kinds', field: `kinds[${i}]`, message: `${k} is named twice` });
  });
  if (v.length) throw new DomainError(v);
}

/**
 * R20 for subscriptions. What a subscriber "may not see" is checked here, where it can be: a kind its role never
 * sees (a university and `call.opened`), and a `scope.office` outside what it sees (a governor's other offices, a
 * school owner's or university's office other than its own). Which events of a kind reach it is the audience's
 * business (audienceOf / matches), event by event.
 */
export function assertMaySubscribe(subscriber: Subscriber, kinds: readonly string[], scope: { office: string | null }): void {
  kinds.forEach((k, i) => {
    const info = KIND_INFO[k as WebhookKind];
    if (info && !info.roles.includes(subscriber.role)) {
      throw new ForbiddenError(
        `kinds[${i}]: ${k} is not visible to ${subscriber.role} ${subscriber.org} (it reaches ${info.roles.join(', ')})`,
      );
    }
  });
  const office = scope.office;
  if (!office || subscriber.role === 'ministry') return;
  const own = subscriber.role === 'governor' ? subscriber.office : subscriber.homeOffice;
  if (office !== own) {
    throw new ForbiddenError(`scope.office: ${subscriber.role} ${subscriber.org} sees office ${own ?? '(none)'}, not ${office}`);
  }
}
