import { COUNTY, frameSet, paid, reported, spec } from '../county-frame.spec-fixtures.js';
import type { MakePayment } from './make-payment.decide.js';

const pay = (amount: number, extra: Partial<MakePayment> = {}): MakePayment => ({
  type: 'MakePayment',
  year: 2027,
  amount,
  paidOn: '2027-03-01',
  today: '2027-03-01',
  ...extra,
});

describe('pay a frame in parts (R15, R18)', () => {
  it('Given a frame, When Udir pays a part, Then YrkesfagPaymentMade numbered in the stream', () => {
    spec
      .given([frameSet(), paid(400_000)])
      .when(pay(600_000))
      .then([
        { type: 'YrkesfagPaymentMade', data: { county: COUNTY, year: 2027, paymentId: 'P2', amount: 600_000, paidOn: '2027-03-01' } },
      ]);
  });

  it('R18: payments never exceed the frame', () => {
    spec
      .given([frameSet(), paid(400_000)])
      .when(pay(600_001))
      .thenViolatesExactly([['R18', 'amount']]);
  });

  it("R15: blocked while an earlier year's report is overdue (today after its deadline), open again once it arrives", () => {
    const given = [frameSet(2027), frameSet(2028)];
    spec
      .given(given)
      .when(pay(1, { year: 2028, today: '2028-01-16' }))
      .thenViolatesExactly([['R15', 'year']]);
    spec
      .given(given)
      .when(pay(1, { year: 2028, today: '2028-01-15' }))
      .events();
    spec
      .given([...given, reported(2027)])
      .when(pay(1, { year: 2028, today: '2028-02-01' }))
      .events();
  });
});
