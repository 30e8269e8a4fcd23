import { createHmac, timingSafeEqual } from 'node:crypto';

export const DELIVERY_HEADER = 'Dekomp-Delivery';
export const SIGNATURE_HEADER = 'Dekomp-Signature';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes with the subscription's secret>`. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute over the raw body and compare in constant time. */
export function verifySignature(body: string, header: string | null | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signatureOf(body, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Exponential backoff after the n-th consecutive failure (1-based): base × 2^(n−1), at most `max`. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
