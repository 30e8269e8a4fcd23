import { ConflictError, DomainError, NotFoundError, ruleSetFor, type RuleViolation } from '#libs/kernel';
import type { AmountLine, GrantCharge, LedgerEvent, LedgerState, RecommendationFacts } from '../frame-ledger.aggregate.js';
import {
  basisWarning,
  checkFrames,
  checkLines,
  checkSpan,
  compare,
  reportDeadlineFor,
  requiredCoFinancing,
  sortLines,
} from '../frame-ledger.rules.js';

export interface AmendAllocation {
  type: 'AmendAllocation';
  grantId: string;
  lines: AmountLine[];
  recommendation: RecommendationFacts;
  reason: string;
  /** R16: what is paid per year (from the grant's stream). */
  paidByYear: Record<number, number>;
  today: string;
  /** R9: the measure's own span (null: not in the measure catalog, e.g. an imported commitment). */
  span?: { startYear: number; spanYears: number } | null;
}

function checkPaid(command: AmendAllocation, violations: RuleViolation[]) {
  const decided = new Map(command.lines.map((l) => [l.year, l.amount]));
  for (const [year, paid] of Object.entries(command.paidByYear)) {
    if (paid > (decided.get(Number(year)) ?? 0)) {
      violations.push({
        rule: 'R16',
        field: 'amounts',
        message: `${paid} kroner are paid for ${year}: the grant cannot go below that; claim money back instead`,
      });
    }
  }
}

function amendedLines(g: GrantCharge, command: AmendAllocation, officeDeadlines: Record<number, string> = {}) {
  const { withRecommended } = compare(command.lines, command.recommendation);
  const deadlines = new Map(g.lines.map((l) => [l.year, l.reportDeadline]));
  return sortLines(command.lines).map((l) => ({
    year: l.year,
    amount: l.amount,
    reportDeadline: deadlines.get(l.year) ?? officeDeadlines[l.year] ?? reportDeadlineFor(l.year),
    recommended: withRecommended(l),
    coFinancingRequired: requiredCoFinancing(g, l.year, l.amount),
  }));
}

/** R21: an amendment replaces the lines with a reason; R18 charges only the difference; R16 never below what is paid. */
export function decideAmendAllocation(command: AmendAllocation, state: LedgerState): LedgerEvent[] {
  const g = state.grants[command.grantId];
  if (!g) throw new NotFoundError('grant', command.grantId);
  if (g.status !== 'active') throw new ConflictError(`grant ${command.grantId} is revoked`);
  const rules = ruleSetFor(g.scheme, g.decisionYear);
  const violations: RuleViolation[] = [];
  checkLines(command.lines, g.decisionYear, rules.maxSpanYears, violations);
  checkSpan(command.span, command.lines, violations);
  checkPaid(command, violations);
  if (violations.length === 0) checkFrames(state, command.lines, g.grantId, violations);
  if (violations.length) throw new DomainError(violations);
  const { deviates } = compare(command.lines, command.recommendation);
  return [
    {
      type: 'AllocationAmended',
      data: {
        grantId: g.grantId,
        office: g.office,
        scheme: g.scheme,
        previousLines: g.lines,
        lines: amendedLines(g, command, state.reportDeadlines),
        basis: command.recommendation.basis,
        recommendationId: command.recommendation.recommendationId,
        deviates,
        reason: command.reason,
        amendedOn: command.today,
        ruleSetVersion: rules.version,
        warnings: basisWarning(command.recommendation),
      },
    },
  ];
}
