import { ConflictError, DomainError, type Scheme } from '#libs/kernel';
import { defineAggregate, type DomainEvent } from '#libs/platform';

/**
 * A payment run: many grants of one office, scheme and year paid on one date. Each payment is its grant's own
 * event (GrantPaymentRecorded, R15 checked there); the run records which were paid and which were skipped and
 * why, in its own stream `PaymentRun-<id>`, and is the source of the accounting file (reproducible with asOf).
 */
export interface PaidLine {
  grantId: string;
  paymentId: string;
  recipientOrg: string;
  recipientName: string;
  year: number;
  amount: number;
  /** The reference the accounting system books it under. */
  reference: string;
}

export interface SkippedLine {
  grantId: string;
  recipientOrg: string;
  rule: string;
  reason: string;
}

export interface PaymentRunData {
  runId: string;
  office: string;
  scheme: Scheme;
  year: number;
  paidOn: string;
  paid: PaidLine[];
  skipped: SkippedLine[];
  total: number;
}

export interface RecordPaymentRun extends Omit<PaymentRunData, 'total'> {
  type: 'RecordPaymentRun';
}

export type PaymentRunRecorded = DomainEvent<'PaymentRunRecorded', PaymentRunData>;
export type PaymentRunState = { run: PaymentRunData | null };

/** Once per run; the total is what was paid, to the krone. */
export function decideRecordPaymentRun(c: RecordPaymentRun, state: PaymentRunState): PaymentRunRecorded[] {
  if (state.run) throw new ConflictError(`payment run ${c.runId} is recorded already`);
  if (c.paid.length === 0 && c.skipped.length === 0)
    throw DomainError.of('payment', 'grantIds', `nothing is due for ${c.office} ${c.scheme} ${c.year}`);
  const { type: _, ...data } = c;
  return [{ type: 'PaymentRunRecorded', data: { ...data, total: c.paid.reduce((s, p) => s + p.amount, 0) } }];
}

export const PaymentRun = defineAggregate<RecordPaymentRun, PaymentRunState, PaymentRunRecorded>({
  name: 'PaymentRun',
  decider: {
    initialState: { run: null },
    evolve: (_s, e) => ({ run: e.data }),
    decide: (c, s) => {
      switch (c.type) {
        case 'RecordPaymentRun':
          return decideRecordPaymentRun(c, s);
        default: {
          const unknown: never = c.type;
          throw new Error(`unknown command ${JSON.stringify(unknown)}`);
        }
      }
    },
  },
  eventTypes: { PaymentRunRecorded: 1 },
});
