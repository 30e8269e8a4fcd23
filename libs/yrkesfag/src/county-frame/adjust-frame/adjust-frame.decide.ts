import { DomainError } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty, frameYear, plannedIn } from '../ledger.js';

export interface AdjustFrame {
  type: 'AdjustFrame';
  year: number;
  amount: number;
  reason: string;
}

/** R18/R21: a frame changes by an event with a reason, never below what is paid or planned against it. */
export function decideAdjustFrame(command: AdjustFrame, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const year = frameYear(county, command.year);
  if (!Number.isSafeInteger(command.amount) || command.amount < 0)
    throw DomainError.of('R18', 'amount', 'a frame is whole, non-negative kroner');
  const planned = plannedIn(state, command.year);
  const floor = Math.max(year.paid, planned);
  if (command.amount < floor) {
    throw DomainError.of(
      'R18',
      'amount',
      `${year.paid} kroner are paid and ${planned} planned against the ${command.year} frame: it cannot be lower than ${floor}`,
    );
  }
  if (!command.reason.trim()) throw DomainError.of('R21', 'reason', 'an adjustment needs a reason');
  return [
    {
      type: 'YrkesfagFrameAdjusted',
      data: { county: county.county, year: command.year, previousAmount: year.amount, amount: command.amount, reason: command.reason },
    },
  ];
}
