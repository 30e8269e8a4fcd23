import { DomainError, isCalendarDate, NotFoundError } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty } from '../ledger.js';

export interface SettleRepayment {
  type: 'SettleRepayment';
  year: number;
  claimId: string;
  amount: number;
  settledOn: string;
}

/** R16: money repaid on a claim is its own event (never netted), at most what is outstanding on the claim. */
export function decideSettleRepayment(command: SettleRepayment, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const claim = state.claims.find((c) => c.claimId === command.claimId && c.year === command.year);
  if (!claim) throw new NotFoundError('repayment claim', `${county.county}/${command.year}/${command.claimId}`);
  const outstanding = claim.amount - claim.settled;
  if (!Number.isSafeInteger(command.amount) || command.amount < 1)
    throw DomainError.of('R16', 'amount', 'a settlement is at least 1 whole krone');
  if (command.amount > outstanding)
    throw DomainError.of('R16', 'amount', `${outstanding} kroner are outstanding on claim ${claim.claimId}`);
  if (!isCalendarDate(command.settledOn)) throw DomainError.of('R16', 'settledOn', 'settledOn must be a date (YYYY-MM-DD)');
  return [
    {
      type: 'YrkesfagRepaymentSettled',
      data: { county: county.county, year: command.year, claimId: claim.claimId, amount: command.amount, settledOn: command.settledOn },
    },
  ];
}
