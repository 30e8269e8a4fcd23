import { NotFoundError } from '#libs/kernel';
import type { GrantEvent } from '../grant.aggregate.js';
import { accepted, base, owner, paid, spec, violationsOf } from '../grant.fixtures.js';
import type { SettleRepayment } from './settle-repayment.decide.js';

const claimed: GrantEvent = {
  type: 'RepaymentClaimed',
  data: { ...base, claimId: 'c1', year: 2028, amount: 10_001, reason: 'unspent money', claimedOn: '2029-02-01' },
};
const given = [accepted, paid(2028, 100_001), claimed];
const settle: SettleRepayment = { type: 'SettleRepayment', grant: owner, claimId: 'c1', amount: 6_000, settledOn: '2029-03-01' };

describe('settle a repayment (R16: its own event, never netted)', () => {
  it('a settlement is another event, with what is still outstanding; never more than that', () => {
    const [s] = spec.given(given).when(settle).events();
    expect(s.data).toMatchObject({ amount: 6_000, outstanding: 4_001 });
    expect(violationsOf([...given, s], settle)).toEqual([
      expect.objectContaining({ rule: 'R16', message: expect.stringMatching(/4001 kroner are outstanding/) }),
    ]);
    spec
      .given(given)
      .when({ ...settle, claimId: 'nope' })
      .thenThrows(NotFoundError);
  });
});
