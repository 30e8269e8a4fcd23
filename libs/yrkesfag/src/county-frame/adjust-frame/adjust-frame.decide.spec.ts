import { NotFoundError } from '#libs/kernel';
import { COUNTY, frameSet, measured, paid, spec } from '../county-frame.spec-fixtures.js';

describe('adjust a frame (R18, R21)', () => {
  it('Given a frame, When Udir adjusts it with a reason, Then YrkesfagFrameAdjusted with the previous amount', () => {
    spec
      .given([frameSet()])
      .when({ type: 'AdjustFrame', year: 2027, amount: 1_200_000, reason: 'revised budget' })
      .then([
        {
          type: 'YrkesfagFrameAdjusted',
          data: { county: COUNTY, year: 2027, previousAmount: 1_000_000, amount: 1_200_000, reason: 'revised budget' },
        },
      ]);
  });

  it('R18: never below what is paid or planned against it', () => {
    spec
      .given([frameSet(), paid(300_000), measured('M1', 700_000)])
      .when({ type: 'AdjustFrame', year: 2027, amount: 699_999, reason: 'cut' })
      .thenViolates('R18', 'amount');
    spec
      .given([frameSet(), paid(300_000), measured('M1', 700_000)])
      .when({ type: 'AdjustFrame', year: 2027, amount: 700_000, reason: 'cut' })
      .events();
  });

  it('Given no frame for the year, Then not found', () => {
    spec.given([frameSet()]).when({ type: 'AdjustFrame', year: 2028, amount: 1, reason: 'x' }).thenThrows(NotFoundError);
    spec.given([]).when({ type: 'AdjustFrame', year: 2027, amount: 1, reason: 'x' }).thenThrows(NotFoundError);
  });
});
