import { ConflictError } from '#libs/kernel';
import { accepted, base, owner, paid, spec, violationsOf } from '../grant.fixtures.js';
import type { RecordPayment } from './record-payment.decide.js';

const pay = (over: Partial<RecordPayment> = {}): RecordPayment => ({
  type: 'RecordPayment',
  grant: owner,
  paymentId: 'p1',
  year: 2028,
  amount: 100_001,
  paidOn: '2028-06-01',
  overdueReports: [],
  ...over,
});

describe('record a payment (R15)', () => {
  it("the governor pays an accepted grant up to the year's amount", () => {
    spec
      .given([accepted])
      .when(pay())
      .then([{ type: 'GrantPaymentRecorded', data: { ...base, paymentId: 'p1', year: 2028, amount: 100_001, paidOn: '2028-06-01' } }]);
    expect(violationsOf([accepted, paid(2028, 100_000)], pay({ amount: 2 }))).toEqual([
      expect.objectContaining({ rule: 'payment', message: expect.stringMatching(/at most 1 more/) }),
    ]);
  });

  it('nothing is paid before acceptance', () => {
    expect(violationsOf([], pay()).map((v) => v.rule)).toEqual(['acceptance']);
  });

  it('R15: a recipient with an overdue report gets no payment', () => {
    const v = violationsOf(
      [accepted],
      pay({ overdueReports: [{ grantId: 'ROGALAND.DEKOMP.m0.964965226', year: 2027, deadline: '2028-01-15' }] }),
    );
    expect(v).toEqual([expect.objectContaining({ rule: 'R15', message: expect.stringMatching(/m0\.964965226 \(2027, due 2028-01-15\)/) })]);
  });

  it('a revoked grant is not paid', () => {
    spec
      .given([accepted])
      .when(pay({ grant: { ...owner, status: 'revoked' } }))
      .thenThrows(ConflictError);
  });

  it('R9: a year without money is refused', () => {
    spec
      .given([accepted])
      .when(pay({ year: 2031 }))
      .thenViolates('R9', 'year');
  });
});
