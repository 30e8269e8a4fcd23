import { ConflictError, DomainError, NotFoundError, type RuleViolation } from '#libs/kernel';
import type { LedgerCommand, LedgerEvent, LedgerState } from '../frame-ledger.aggregate.js';

export interface LedgerPlan {
  events: LedgerEvent[];
  /** Every refused line, its fields prefixed `lines[i].` */
  violations: RuleViolation[];
  /** The ledger after the lines that passed (each decided against the lines before it: R18 over the whole batch). */
  state: LedgerState;
}

type Decider = { decide(c: LedgerCommand, s: LedgerState): LedgerEvent[]; evolve(s: LedgerState, e: LedgerEvent): LedgerState };

const prefixed = (at: string, v: RuleViolation, label: string): RuleViolation => ({
  ...v,
  field: `${at}.${v.field}`,
  message: label ? `${label}: ${v.message}` : v.message,
});

/**
 * Decides many ledger commands one after another, each on the state the ones before it left, and collects every
 * refusal instead of stopping at the first: so a batch names every bad line, and R18 counts the whole batch.
 */
export function planLedger(
  decider: Decider,
  commands: readonly LedgerCommand[],
  state: LedgerState,
  labels: readonly string[] = [],
  field = 'lines',
): LedgerPlan {
  let s = state;
  const events: LedgerEvent[] = [];
  const violations: RuleViolation[] = [];
  commands.forEach((command, i) => {
    const at = `${field}[${i}]`;
    const label = labels[i] ?? '';
    try {
      const decided = decider.decide(command, s);
      s = decided.reduce((acc, e) => decider.evolve(acc, e), s);
      events.push(...decided);
    } catch (error) {
      if (error instanceof DomainError) violations.push(...error.violations.map((v) => prefixed(at, v, label)));
      else if (error instanceof ConflictError)
        violations.push({ rule: 'conflict', field: at, message: label ? `${label}: ${error.message}` : error.message });
      else if (error instanceof NotFoundError)
        violations.push({ rule: 'not-found', field: at, message: label ? `${label}: ${error.message}` : error.message });
      else throw error;
    }
  });
  return { events, violations, state: s };
}
