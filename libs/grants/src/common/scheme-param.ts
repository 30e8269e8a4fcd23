import { DomainError, SCHEMES, type Scheme } from '#libs/kernel';

/** A scheme in a path: one of SCHEMES, or a 422 naming them. */
export function schemeOf(s: string): Scheme {
  if (!(SCHEMES as readonly string[]).includes(s)) throw DomainError.of('scheme', 'scheme', `scheme must be one of ${SCHEMES.join(', ')}`);
  return s as Scheme;
}
