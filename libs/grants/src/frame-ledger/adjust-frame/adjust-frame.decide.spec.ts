import { NotFoundError } from '#libs/kernel';
import { decide, decided, frame, spec } from '../frame-ledger.fixtures.js';

describe('adjust a frame', () => {
  it('an adjustment is an event with the previous amount and the reason', () => {
    spec
      .given([frame(2028, 1_000_000)])
      .when({ type: 'AdjustFrame', year: 2028, amount: 1_200_000, reason: 'revised budget' })
      .then([
        {
          type: 'FrameAdjusted',
          data: {
            office: 'ROGALAND',
            scheme: 'DEKOMP',
            year: 2028,
            previousAmount: 1_000_000,
            amount: 1_200_000,
            reason: 'revised budget',
          },
        },
      ]);
  });

  it('adjusting a frame that was never set is a 404', () => {
    spec
      .given([frame(2028, 1)])
      .when({ type: 'AdjustFrame', year: 2029, amount: 1, reason: 'x' })
      .thenThrows(NotFoundError);
  });

  it('R18: a frame cannot be adjusted below what is charged to it', () => {
    const events = decided([frame(2028, 1_000_000)], decide());
    spec
      .given(events)
      .when({ type: 'AdjustFrame', year: 2028, amount: 399_999, reason: 'cut' })
      .thenViolatesExactly([['R18', 'amount']]);
    expect(spec.given(events).when({ type: 'AdjustFrame', year: 2028, amount: 400_000, reason: 'cut' }).events()).toHaveLength(1);
  });

  it('the same amount again writes nothing', () => {
    spec
      .given([frame(2028, 1_000_000)])
      .when({ type: 'AdjustFrame', year: 2028, amount: 1_000_000, reason: 'same' })
      .then([]);
  });
});
