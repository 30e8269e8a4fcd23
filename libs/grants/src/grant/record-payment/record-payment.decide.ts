import { ConflictError, DomainError, type RuleViolation } from '#libs/kernel';
import { isSafeAmount } from '../../common/money.js';
import type { GrantEvent, GrantFacts, GrantState, OverdueReport } from '../grant.aggregate.js';
import { baseOf, lineOf } from '../grant.rules.js';

export interface RecordPayment {
  type: 'RecordPayment';
  grant: GrantFacts;
  paymentId: string;
  year: number;
  amount: number;
  paidOn: string;
  /** R15: the recipient's reports past their deadline and not submitted, over all its grants. */
  overdueReports: OverdueReport[];
}

/** R15: no payment before acceptance or while a report is overdue; never more than the year's amount. */
export function decideRecordPayment(command: RecordPayment, state: GrantState): GrantEvent[] {
  const g = command.grant;
  if (g.status !== 'active') throw new ConflictError(`grant ${g.grantId} is revoked: nothing more is paid`);
  const violations: RuleViolation[] = [];
  if (!state.accepted)
    violations.push({ rule: 'acceptance', field: 'grantId', message: 'the recipient has not accepted the grant: nothing is paid before' });
  if (command.overdueReports.length > 0) {
    const list = command.overdueReports.map((o) => `${o.grantId} (${o.year}, due ${o.deadline})`).join(', ');
    violations.push({
      rule: 'R15',
      field: 'grantId',
      message: `${g.recipientOrg} has overdue reports: ${list}; no payment until they arrive`,
    });
  }
  if (!isSafeAmount(command.amount) || command.amount === 0)
    violations.push({ rule: 'money', field: 'amount', message: 'a payment is a positive whole number of kroner' });
  if (violations.length) throw new DomainError(violations);
  const line = lineOf(g, command.year);
  const paid = state.paid[command.year] ?? 0;
  if (paid + command.amount > line.amount) {
    throw DomainError.of(
      'payment',
      'amount',
      `the grant for ${command.year} is ${line.amount} kroner and ${paid} are paid: at most ${line.amount - paid} more`,
    );
  }
  return [
    {
      type: 'GrantPaymentRecorded',
      data: { ...baseOf(g), paymentId: command.paymentId, year: command.year, amount: command.amount, paidOn: command.paidOn },
    },
  ];
}
