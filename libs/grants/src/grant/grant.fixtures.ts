import { DomainError, type RuleViolation } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { requiredCoFinancing } from '../frame-ledger/frame-ledger.rules.js';
import type { SubmitReport } from './submit-report/submit-report.decide.js';
import { Grant, type GrantCommand, type GrantEvent, type GrantFacts } from './grant.aggregate.js';

/** Shared Given/When material for the grant's decide specs. */
export const spec = deciderSpec(Grant.decider);

/** A decision's facts, each line with the minimum the decision carries for its scheme and recipient kind (R7/R8). */
export function factsOf(over: Partial<Omit<GrantFacts, 'lines'>> = {}): GrantFacts {
  const g = {
    grantId: 'ROGALAND.DEKOMP.m1.964965226',
    office: 'ROGALAND',
    scheme: 'DEKOMP' as const,
    recipientOrg: '964965226',
    recipientKind: 'municipality' as const,
    status: 'active' as const,
    ...over,
  };
  const lines = [
    { year: 2028, amount: 100_001, reportDeadline: '2029-01-15', recommended: null },
    { year: 2029, amount: 200_000, reportDeadline: '2030-01-15', recommended: null },
  ];
  return { ...g, lines: lines.map((l) => ({ ...l, coFinancingRequired: requiredCoFinancing(g, l.year, l.amount) })) };
}

export const owner = factsOf();
export const university = factsOf({ grantId: 'ROGALAND.DEKOMP.m1.971564679', recipientOrg: '971564679', recipientKind: 'university' });
export const base = { grantId: owner.grantId, office: 'ROGALAND', scheme: 'DEKOMP' as const, recipientOrg: owner.recipientOrg };

export const accepted: GrantEvent = {
  type: 'GrantAccepted',
  data: {
    ...base,
    coFinancing: [
      { year: 2028, money: 10_000, salary: 20_001, releasedTime: 0, committed: 30_001, required: 30_001 },
      { year: 2029, money: 0, salary: 0, releasedTime: 60_000, committed: 60_000, required: 60_000 },
    ],
    acceptedOn: '2028-05-10',
  },
};

export const paid = (year: number, amount: number): GrantEvent => ({
  type: 'GrantPaymentRecorded',
  data: { ...base, paymentId: `p${year}-${amount}`, year, amount, paidOn: '2028-06-01' },
});

/** Every violation of a refused command, with its message (for assertions on the whole list). */
export function violationsOf(events: GrantEvent[], command: GrantCommand): RuleViolation[] {
  try {
    spec.given(events).when(command).events();
  } catch (e) {
    if (e instanceof DomainError) return e.violations;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** A report for 2028 that accounts for a full payment of 100 001. */
export const report = (over: Partial<SubmitReport> = {}): SubmitReport => ({
  type: 'SubmitReport',
  grant: owner,
  year: 2028,
  spent: 90_000,
  unspent: 10_001,
  coFinancingProvided: { money: 10_000, salary: 15_000, releasedTime: 5_001 },
  participants: [
    { role: 'teacher', count: 40 },
    { role: 'school_leader', count: 5 },
  ],
  evaluation: 'Good collective work on reading.',
  today: '2029-01-10',
  ...over,
});
