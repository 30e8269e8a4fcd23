import { ConflictError, NotFoundError } from '#libs/kernel';
import { frameUse } from '../frame-ledger.rules.js';
import { decide, decided, frame, GRANT, noRec, spec } from '../frame-ledger.fixtures.js';

const base = decided([frame(2028, 1_000_000)], decide());

describe('revoke an allocation (R21)', () => {
  it('a revocation frees the frame and warns about money paid', () => {
    const [e] = spec
      .given(base)
      .when({ type: 'RevokeAllocation', grantId: GRANT, reason: 'the owner withdrew', paidTotal: 50_000, today: '2028-06-01' })
      .events();
    expect(e).toMatchObject({
      type: 'AllocationRevoked',
      data: { reason: 'the owner withdrew', warnings: [expect.objectContaining({ rule: 'R16' })] },
    });
    expect(frameUse(spec.given([...base, e]).state, 2028).free).toBe(1_000_000);
    spec
      .given([...base, e])
      .when({
        type: 'AmendAllocation',
        grantId: GRANT,
        lines: [{ year: 2028, amount: 1 }],
        recommendation: noRec,
        reason: 'the measure grew',
        paidByYear: {},
        today: '2028-06-01',
      })
      .thenThrows(ConflictError);
    spec
      .given([...base, e])
      .when(decide())
      .thenThrows(/revoked/);
  });

  it('amending or revoking an unknown grant is a 404', () => {
    spec
      .given(base)
      .when({ type: 'RevokeAllocation', grantId: 'nope', reason: 'x', paidTotal: 0, today: '2028-06-01' })
      .thenThrows(NotFoundError);
    spec
      .given(base)
      .when({
        type: 'AmendAllocation',
        grantId: 'nope',
        lines: [{ year: 2028, amount: 1 }],
        recommendation: noRec,
        reason: 'x',
        paidByYear: {},
        today: '2028-06-01',
      })
      .thenThrows(NotFoundError);
  });
});
