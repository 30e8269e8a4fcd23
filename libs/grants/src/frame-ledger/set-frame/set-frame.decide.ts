import { ConflictError, DomainError, ruleSetFor, type RuleViolation, type Scheme } from '#libs/kernel';
import { isSafeAmount } from '../../common/money.js';
import type { LedgerEvent, LedgerState } from '../frame-ledger.aggregate.js';
import { schemeViolation } from '../frame-ledger.rules.js';

export interface SetFrame {
  type: 'SetFrame';
  office: string;
  scheme: Scheme;
  year: number;
  amount: number;
}

/** The ministry sets a year's frame once; a change after that is an adjustment with a reason. */
export function decideSetFrame(command: SetFrame, state: LedgerState): LedgerEvent[] {
  if (state.frames[command.year] !== undefined) {
    throw new ConflictError(`the ${command.year} frame of ${command.office} ${command.scheme} is set already: adjust it, with a reason`);
  }
  const violations: RuleViolation[] = [];
  if (!ruleSetFor(command.scheme, command.year).governorRole) violations.push(schemeViolation(command.scheme));
  if (!isSafeAmount(command.amount))
    violations.push({ rule: 'money', field: 'amount', message: 'a frame is a non-negative whole number of kroner' });
  if (violations.length) throw new DomainError(violations);
  return [{ type: 'FrameSet', data: { office: command.office, scheme: command.scheme, year: command.year, amount: command.amount } }];
}
