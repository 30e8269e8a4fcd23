import { ConflictError, DomainError, ruleSetFor, type RuleViolation } from '#libs/kernel';
import type { CoFinancingLine, GrantEvent, GrantFacts, GrantState } from '../grant.aggregate.js';
import { baseOf, checkForms, totalOf } from '../grant.rules.js';

export interface AcceptGrant {
  type: 'AcceptGrant';
  grant: GrantFacts;
  coFinancing: CoFinancingLine[];
  today: string;
}

function givenLines(command: AcceptGrant): Map<number, CoFinancingLine> {
  const violations: RuleViolation[] = [];
  const given = new Map<number, CoFinancingLine>();
  command.coFinancing.forEach((c, i) => {
    checkForms(c, `coFinancing[${i}]`, violations);
    if (given.has(c.year)) violations.push({ rule: 'R7', field: `coFinancing[${i}].year`, message: `year ${c.year} appears twice` });
    if (!command.grant.lines.some((l) => l.year === c.year))
      violations.push({ rule: 'R7', field: `coFinancing[${i}].year`, message: `the grant has no money for ${c.year}` });
    given.set(c.year, c);
  });
  if (violations.length) throw new DomainError(violations);
  return given;
}

/** R7/R8: the recipient accepts once and commits at least the decision's minimum per year, in any mix of forms. */
export function decideAcceptGrant(command: AcceptGrant, state: GrantState): GrantEvent[] {
  const g = command.grant;
  if (g.status !== 'active') throw new ConflictError(`grant ${g.grantId} is revoked`);
  if (state.accepted) throw new ConflictError(`grant ${g.grantId} is accepted already`);
  const given = givenLines(command);
  const lines = g.lines.map((l) => {
    const c = given.get(l.year) ?? { year: l.year, money: 0, salary: 0, releasedTime: 0 };
    return { ...c, committed: totalOf(c), required: l.coFinancingRequired };
  });
  const violations: RuleViolation[] = lines
    .filter((l) => l.committed < l.required)
    .map((l) => ({
      rule: 'R7',
      field: `coFinancing[year=${l.year}]`,
      message: `co-financing for ${l.year} must be at least ${l.required} kroner (${ruleSetFor(g.scheme, l.year).coFinancingPercent} % of the grant); ${l.committed} committed`,
    }));
  if (violations.length) throw new DomainError(violations);
  return [{ type: 'GrantAccepted', data: { ...baseOf(g), coFinancing: lines, acceptedOn: command.today } }];
}
