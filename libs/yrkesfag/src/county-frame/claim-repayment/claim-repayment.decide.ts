import { DomainError, isCalendarDate, type RuleViolation } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { claimedIn, existingCounty, frameYear, unspentIn } from '../ledger.js';

export interface ClaimRepayment {
  type: 'ClaimRepayment';
  year: number;
  amount: number;
  claimedOn: string;
  reason: string;
}

/** R16: unused money (paid − spent) is claimed back by its own event with a reason; claims never exceed it. */
export function decideClaimRepayment(command: ClaimRepayment, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const year = frameYear(county, command.year);
  const open = unspentIn(year) - claimedIn(state, command.year);
  const violations: RuleViolation[] = [];
  if (!Number.isSafeInteger(command.amount) || command.amount < 1)
    violations.push({ rule: 'R16', field: 'amount', message: 'a claim is at least 1 whole krone' });
  else if (command.amount > open) {
    violations.push({
      rule: 'R16',
      field: 'amount',
      message: `${year.paid} kroner were paid for ${command.year}, ${year.spent} spent and ${claimedIn(state, command.year)} claimed already: at most ${Math.max(0, open)} more can be claimed`,
    });
  }
  if (!isCalendarDate(command.claimedOn))
    violations.push({ rule: 'R16', field: 'claimedOn', message: 'claimedOn must be a date (YYYY-MM-DD)' });
  if (!command.reason.trim()) violations.push({ rule: 'R16', field: 'reason', message: 'a claim needs a reason' });
  if (violations.length) throw new DomainError(violations);
  return [
    {
      type: 'YrkesfagRepaymentClaimed',
      data: {
        county: county.county,
        year: command.year,
        claimId: `C${state.claims.length + 1}`,
        amount: command.amount,
        claimedOn: command.claimedOn,
        reason: command.reason,
      },
    },
  ];
}
