import { ConflictError } from '#libs/kernel';
import type { ClaimRepayment } from './claim-repayment.decide.js';
import { accepted, base, owner, paid, spec, violationsOf } from '../grant.fixtures.js';

const afterPay = [accepted, paid(2028, 100_001)];
const claim: ClaimRepayment = {
  type: 'ClaimRepayment',
  grant: owner,
  claimId: 'c1',
  year: 2028,
  amount: 10_001,
  reason: 'unspent money',
  today: '2029-02-01',
};

describe('claim a repayment (R16)', () => {
  it('a claim is an event with amount and reason, at most what was paid', () => {
    spec
      .given(afterPay)
      .when(claim)
      .then([
        {
          type: 'RepaymentClaimed',
          data: { ...base, claimId: 'c1', year: 2028, amount: 10_001, reason: 'unspent money', claimedOn: '2029-02-01' },
        },
      ]);
    const [c] = spec.given(afterPay).when(claim).events();
    expect(violationsOf([...afterPay, c], { ...claim, claimId: 'c2', amount: 90_001 })).toEqual([
      expect.objectContaining({ rule: 'R16', message: expect.stringMatching(/at most 90000 more/) }),
    ]);
  });

  it('the same claim twice is a conflict', () => {
    const [c] = spec.given(afterPay).when(claim).events();
    spec
      .given([...afterPay, c])
      .when(claim)
      .thenThrows(ConflictError);
  });
});
