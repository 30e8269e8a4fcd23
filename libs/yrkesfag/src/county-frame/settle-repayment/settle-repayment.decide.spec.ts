import { NotFoundError } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.aggregate.js';
import { COUNTY, frameSet, paid, spec } from '../county-frame.spec-fixtures.js';

const claimed: YrkesfagEvent = {
  type: 'YrkesfagRepaymentClaimed',
  data: { county: COUNTY, year: 2027, claimId: 'C1', amount: 100_000, claimedOn: '2028-02-01', reason: 'unspent' },
};

describe('settle a repayment (R16: its own event, never netted)', () => {
  it('Given a claim, When part is repaid, Then YrkesfagRepaymentSettled; the rest stays outstanding', () => {
    const given = [frameSet(), paid(1_000_000), claimed];
    spec
      .given(given)
      .when({ type: 'SettleRepayment', year: 2027, claimId: 'C1', amount: 60_000, settledOn: '2028-03-01' })
      .then([
        { type: 'YrkesfagRepaymentSettled', data: { county: COUNTY, year: 2027, claimId: 'C1', amount: 60_000, settledOn: '2028-03-01' } },
      ]);
    const settled = spec
      .given(given)
      .when({ type: 'SettleRepayment', year: 2027, claimId: 'C1', amount: 60_000, settledOn: '2028-03-01' })
      .events();
    spec
      .given([...given, ...settled])
      .when({ type: 'SettleRepayment', year: 2027, claimId: 'C1', amount: 40_001, settledOn: '2028-03-02' })
      .thenViolatesExactly([['R16', 'amount']]);
  });

  it('Given no such claim, Then not found', () => {
    spec
      .given([frameSet()])
      .when({ type: 'SettleRepayment', year: 2027, claimId: 'C9', amount: 1, settledOn: '2028-03-01' })
      .thenThrows(NotFoundError);
  });
});
