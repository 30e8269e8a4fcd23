import { DomainError, type RuleViolation } from '#libs/kernel';
import type { DecidedLine } from '../frame-ledger/frame-ledger.aggregate.js';
import { isSafeAmount } from '../common/money.js';
import type { CoFinancingForms, GrantBase, GrantFacts } from './grant.aggregate.js';

export const baseOf = (g: GrantFacts): GrantBase => ({
  grantId: g.grantId,
  office: g.office,
  scheme: g.scheme,
  recipientOrg: g.recipientOrg,
});

export const totalOf = (f: CoFinancingForms) => f.money + f.salary + f.releasedTime;

export function checkForms(f: CoFinancingForms, field: string, violations: RuleViolation[]) {
  for (const k of ['money', 'salary', 'releasedTime'] as const) {
    if (!isSafeAmount(f[k])) violations.push({ rule: 'money', field: `${field}.${k}`, message: 'a whole, non-negative number of kroner' });
  }
}

/** R9: the grant's line for a year, or a violation naming its years. */
export function lineOf(grant: GrantFacts, year: number): DecidedLine {
  const line = grant.lines.find((l) => l.year === year);
  if (!line)
    throw DomainError.of(
      'R9',
      'year',
      `grant ${grant.grantId} has no money for ${year}; its years are ${grant.lines.map((l) => l.year).join(', ')}`,
    );
  return line;
}
