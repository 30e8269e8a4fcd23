import { DomainError, NotFoundError } from '#libs/kernel';
import { isSafeAmount } from '../../common/money.js';
import type { LedgerEvent, LedgerState } from '../frame-ledger.aggregate.js';
import { chargedTo } from '../frame-ledger.rules.js';

export interface AdjustFrame {
  type: 'AdjustFrame';
  year: number;
  amount: number;
  reason: string;
}

/** R18: a frame never goes below what decisions and commitments charge to it; the same amount writes nothing. */
export function decideAdjustFrame(command: AdjustFrame, state: LedgerState): LedgerEvent[] {
  const previous = state.frames[command.year];
  if (previous === undefined || !state.office || !state.scheme)
    throw new NotFoundError('frame', `${state.office ?? '?'} ${state.scheme ?? '?'} ${command.year}`);
  if (!isSafeAmount(command.amount)) throw DomainError.of('money', 'amount', 'a frame is a non-negative whole number of kroner');
  const charged = chargedTo(state, command.year);
  if (command.amount < charged) {
    throw DomainError.of(
      'R18',
      'amount',
      `decisions and commitments already charge ${charged} kroner to the ${command.year} frame: it cannot go below that`,
    );
  }
  if (command.amount === previous) return [];
  return [
    {
      type: 'FrameAdjusted',
      data: {
        office: state.office,
        scheme: state.scheme,
        year: command.year,
        previousAmount: previous,
        amount: command.amount,
        reason: command.reason,
      },
    },
  ];
}
