import { createHmac } from 'node:crypto';
import { backoffMs, signatureOf, verifySignature } from './signature.js';

describe('webhook signature', () => {
  const body = JSON.stringify({ deliveryId: 'd1', kind: 'call.opened', data: { title: 'Behovsmelding – æøå' } });

  it('is sha256= and the hex HMAC-SHA256 of the body with the secret', () => {
    expect(signatureOf(body, 'whsec_x')).toBe(`sha256=${createHmac('sha256', 'whsec_x').update(body).digest('hex')}`);
  });

  it('verifies the same body and secret only', () => {
    const sig = signatureOf(body, 'whsec_x');
    expect(verifySignature(body, sig, 'whsec_x')).toBe(true);
    expect(verifySignature(body, sig, 'whsec_y')).toBe(false);
    expect(verifySignature(`${body} `, sig, 'whsec_x')).toBe(false);
    expect(verifySignature(body, 'sha256=00', 'whsec_x')).toBe(false);
    expect(verifySignature(body, undefined, 'whsec_x')).toBe(false);
  });
});

describe('backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
