import { DomainError } from '#libs/kernel';
import type { AmendAllocation } from '../amend-allocation/amend-allocation.decide.js';
import { decideAmendAllocation } from '../amend-allocation/amend-allocation.decide.js';
import type { DecideAllocation } from '../decide-allocation/decide-allocation.decide.js';
import { decideDecideAllocation } from '../decide-allocation/decide-allocation.decide.js';
import type { LedgerCommand, LedgerEvent, LedgerState } from '../frame-ledger.aggregate.js';
import { planLedger } from './ledger-plan.js';

/** Many decisions (or, in a what-if run, amendments) of one office and scheme: all or nothing, one append. */
export interface DecideAllocations {
  type: 'DecideAllocations';
  lines: Array<DecideAllocation | AmendAllocation>;
  /** A name per line for the messages (measure / recipient). */
  labels?: string[];
}

/** The one-line deciders; the evolve is the ledger's, passed in so this file needs no runtime import of it. */
export function decideDecideAllocations(
  command: DecideAllocations,
  state: LedgerState,
  evolve: (s: LedgerState, e: LedgerEvent) => LedgerState,
): LedgerEvent[] {
  if (command.lines.length === 0) throw DomainError.of('bulk', 'lines', 'name at least one line to decide');
  const decide = (c: LedgerCommand, s: LedgerState) => {
    if (c.type === 'DecideAllocation') return decideDecideAllocation(c, s);
    if (c.type === 'AmendAllocation') return decideAmendAllocation(c, s);
    throw new Error(`a batch holds decisions and amendments, not ${c.type}`);
  };
  const plan = planLedger({ decide, evolve }, command.lines, state, command.labels);
  if (plan.violations.length) throw new DomainError(plan.violations);
  return plan.events;
}
