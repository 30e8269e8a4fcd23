import { COUNTY, frameSet, measured, paid, spec, spentOn } from '../county-frame.spec-fixtures.js';

describe('claim unspent money back (R16)', () => {
  const given = [frameSet(), paid(1_000_000), measured('M1', 900_000), spentOn('M1', 850_000)];

  it('Given paid 1 000 000 and spent 850 000, When Udir claims 150 000, Then YrkesfagRepaymentClaimed with its reason', () => {
    spec
      .given(given)
      .when({ type: 'ClaimRepayment', year: 2027, amount: 150_000, claimedOn: '2028-02-01', reason: 'unspent' })
      .then([
        {
          type: 'YrkesfagRepaymentClaimed',
          data: { county: COUNTY, year: 2027, claimId: 'C1', amount: 150_000, claimedOn: '2028-02-01', reason: 'unspent' },
        },
      ]);
  });

  it('R16: claims never exceed paid − spent, counting earlier claims', () => {
    spec
      .given(given)
      .when({ type: 'ClaimRepayment', year: 2027, amount: 150_001, claimedOn: '2028-02-01', reason: 'x' })
      .thenViolatesExactly([['R16', 'amount']]);
    const claimed = spec
      .given(given)
      .when({ type: 'ClaimRepayment', year: 2027, amount: 100_000, claimedOn: '2028-02-01', reason: 'x' })
      .events();
    spec
      .given([...given, ...claimed])
      .when({ type: 'ClaimRepayment', year: 2027, amount: 50_001, claimedOn: '2028-02-02', reason: 'y' })
      .thenViolates('R16', 'amount');
  });
});
