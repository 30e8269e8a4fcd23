import { ConflictError, DomainError } from '#libs/kernel';
import { isSafeAmount, sum } from '../../common/money.js';
import type { GrantEvent, GrantFacts, GrantState } from '../grant.aggregate.js';
import { baseOf, lineOf } from '../grant.rules.js';

export interface ClaimRepayment {
  type: 'ClaimRepayment';
  grant: GrantFacts;
  claimId: string;
  year: number | null;
  amount: number;
  reason: string;
  today: string;
}

/** R16: a claim is its own event with amount and reason; all claims together at most what was paid. */
export function decideClaimRepayment(command: ClaimRepayment, state: GrantState): GrantEvent[] {
  const g = command.grant;
  if (state.claims[command.claimId]) throw new ConflictError(`claim ${command.claimId} exists already`);
  if (command.year !== null) lineOf(g, command.year);
  if (!isSafeAmount(command.amount) || command.amount === 0)
    throw DomainError.of('money', 'amount', 'a claim is a positive whole number of kroner');
  const paid = sum(Object.values(state.paid));
  const claimed = sum(Object.values(state.claims).map((c) => c.amount));
  if (claimed + command.amount > paid) {
    throw DomainError.of(
      'R16',
      'amount',
      `${paid} kroner were paid and ${claimed} are claimed already: at most ${paid - claimed} more can be claimed`,
    );
  }
  return [
    {
      type: 'RepaymentClaimed',
      data: {
        ...baseOf(g),
        claimId: command.claimId,
        year: command.year,
        amount: command.amount,
        reason: command.reason,
        claimedOn: command.today,
      },
    },
  ];
}
