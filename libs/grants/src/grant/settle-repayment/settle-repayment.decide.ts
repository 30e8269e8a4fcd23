import { ConflictError, DomainError, NotFoundError } from '#libs/kernel';
import { isSafeAmount } from '../../common/money.js';
import type { GrantEvent, GrantFacts, GrantState } from '../grant.aggregate.js';
import { baseOf } from '../grant.rules.js';

export interface SettleRepayment {
  type: 'SettleRepayment';
  grant: GrantFacts;
  claimId: string;
  amount: number;
  settledOn: string;
}

/** R16: money repaid on a claim is its own event (never netted), at most what is outstanding. */
export function decideSettleRepayment(command: SettleRepayment, state: GrantState): GrantEvent[] {
  const c = state.claims[command.claimId];
  if (!c) throw new NotFoundError('repayment claim', command.claimId);
  const outstanding = c.amount - c.settled;
  if (outstanding === 0) throw new ConflictError(`claim ${command.claimId} is settled already`);
  if (!isSafeAmount(command.amount) || command.amount === 0)
    throw DomainError.of('money', 'amount', 'a settlement is a positive whole number of kroner');
  if (command.amount > outstanding)
    throw DomainError.of('R16', 'amount', `${outstanding} kroner are outstanding on claim ${command.claimId}`);
  return [
    {
      type: 'RepaymentSettled',
      data: {
        ...baseOf(command.grant),
        claimId: command.claimId,
        amount: command.amount,
        settledOn: command.settledOn,
        outstanding: outstanding - command.amount,
      },
    },
  ];
}
