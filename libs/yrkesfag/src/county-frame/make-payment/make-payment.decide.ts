import { DomainError, isCalendarDate, type RuleViolation } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty, frameYear, overdueBefore } from '../ledger.js';

export interface MakePayment {
  type: 'MakePayment';
  year: number;
  amount: number;
  paidOn: string;
  /** Today in Norway (CLOCK), for R15. */
  today: string;
}

/** Udir pays the frame in parts: never above the frame (R18), and not while an earlier year's report is overdue (R15). */
export function decideMakePayment(command: MakePayment, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const year = frameYear(county, command.year);
  const violations: RuleViolation[] = [];
  if (!Number.isSafeInteger(command.amount) || command.amount < 1)
    violations.push({ rule: 'R18', field: 'amount', message: 'a payment is at least 1 whole krone' });
  else if (year.paid + command.amount > year.amount) {
    violations.push({
      rule: 'R18',
      field: 'amount',
      message: `${year.paid} of the ${year.amount} kroner frame for ${command.year} are paid: at most ${year.amount - year.paid} more`,
    });
  }
  if (!isCalendarDate(command.paidOn)) violations.push({ rule: 'R15', field: 'paidOn', message: 'paidOn must be a date (YYYY-MM-DD)' });
  for (const overdue of overdueBefore(state, command.year, command.today)) {
    violations.push({
      rule: 'R15',
      field: 'year',
      message: `the report for ${overdue.year} was due ${overdue.reportDeadline} and has not arrived: no payments until it does`,
    });
  }
  if (violations.length) throw new DomainError(violations);
  return [
    {
      type: 'YrkesfagPaymentMade',
      data: {
        county: county.county,
        year: command.year,
        paymentId: `P${state.payments + 1}`,
        amount: command.amount,
        paidOn: command.paidOn,
      },
    },
  ];
}
