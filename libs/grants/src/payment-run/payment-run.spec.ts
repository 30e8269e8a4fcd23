import { ConflictError } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { paymentFile } from './payment-file.js';
import { PaymentRun, type RecordPaymentRun } from './payment-run.aggregate.js';

const spec = deciderSpec(PaymentRun.decider);
const run: RecordPaymentRun = {
  type: 'RecordPaymentRun',
  runId: 'r1',
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  year: 2028,
  paidOn: '2028-06-01',
  paid: [
    {
      grantId: 'g1',
      paymentId: 'r1-1',
      recipientOrg: '964965226',
      recipientName: 'Stavanger; kommune',
      year: 2028,
      amount: 100_000,
      reference: 'r1-1',
    },
    { grantId: 'g2', paymentId: 'r1-2', recipientOrg: '971564679', recipientName: 'UiS', year: 2028, amount: 50_001, reference: 'r1-2' },
  ],
  skipped: [{ grantId: 'g3', recipientOrg: '930000018', rule: 'R15', reason: 'overdue report' }],
};

describe('record a payment run', () => {
  it('records what was paid and skipped, with the total to the krone; once', () => {
    const [e] = spec.given([]).when(run).events();
    expect(e.data).toMatchObject({ total: 150_001, skipped: [{ rule: 'R15' }] });
    spec.given([e]).when(run).thenThrows(ConflictError);
    spec
      .given([])
      .when({ ...run, paid: [], skipped: [] })
      .thenViolates('payment');
  });

  it('the accounting file: one row per payment, ; separated, quoted where needed, BOM on request', () => {
    const [e] = spec.given([]).when(run).events();
    const file = paymentFile(e.data, { bom: true });
    expect(file.startsWith('\uFEFForgNumber;name;amount;grantId;reference\r\n')).toBe(true);
    expect(file.split('\r\n').slice(1, -1)).toEqual(['964965226;"Stavanger; kommune";100000;g1;r1-1', '971564679;UiS;50001;g2;r1-2']);
  });

  it('the accounting file for Excel (excel-no): BOM, ; and CRLF, a cell that would start a formula escaped', () => {
    const [e] = spec
      .given([])
      .when({ ...run, paid: [{ ...run.paid[1], recipientName: '=HYPERLINK("x")' }] })
      .events();
    const file = paymentFile(e.data, { dialect: 'excel-no' });
    expect(file).toBe('\uFEFForgNumber;name;amount;grantId;reference\r\n971564679;"\'=HYPERLINK(""x"")";50001;g2;r1-2\r\n');
    expect(paymentFile(e.data)).toBe('orgNumber;name;amount;grantId;reference\r\n971564679;"=HYPERLINK(""x"")";50001;g2;r1-2\r\n');
  });
});
