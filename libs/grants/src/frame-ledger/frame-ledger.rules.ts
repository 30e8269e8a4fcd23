import { minimumCoFinancing, ruleSetFor, SCHOOL_OWNER_KINDS, type OrgKind, type RuleViolation, type Scheme } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import { isSafeAmount } from '../common/money.js';
import type { AmountLine, LedgerState, RecommendationFacts } from './frame-ledger.aggregate.js';

/** R15: a recipient reports by this month-day of the year after each grant year (data, per grant line). */
export const DEFAULT_REPORT_DEADLINE = '01-15';
export const reportDeadlineFor = (year: number, monthDay = DEFAULT_REPORT_DEADLINE) => `${year + 1}-${monthDay}`;

/** R7/R8: the least co-financing for a recipient, a year and its grant amount (carried in the decision's lines). */
export function requiredCoFinancing(grant: { scheme: Scheme; recipientKind: OrgKind }, year: number, amount: number): number {
  if (!SCHOOL_OWNER_KINDS.includes(grant.recipientKind)) return 0;
  return minimumCoFinancing(amount, ruleSetFor(grant.scheme, year).coFinancingPercent);
}

/** R9/R18: what the active decisions charge to a year's frame. */
export function chargedTo(state: LedgerState, year: number, except?: string): number {
  let sum = 0;
  for (const g of Object.values(state.grants)) {
    if (g.status !== 'active' || g.grantId === except) continue;
    for (const l of g.lines) if (l.year === year) sum += l.amount;
  }
  return sum;
}

/** Commitments from decisions of earlier years, and this year's decisions, on a year's frame (R9). */
export function frameUse(state: LedgerState, year: number) {
  let committedEarlier = 0;
  let decidedThisYear = 0;
  for (const g of Object.values(state.grants)) {
    if (g.status !== 'active') continue;
    for (const l of g.lines) {
      if (l.year !== year) continue;
      if (g.decisionYear < year) committedEarlier += l.amount;
      else decidedThisYear += l.amount;
    }
  }
  const frame = state.frames[year] ?? null;
  return { frame, committedEarlier, decidedThisYear, free: frame === null ? null : frame - committedEarlier - decidedThisYear };
}

/** R9: one to three years from the decision year, each once, amounts positive whole kroner. */
export function checkLines(lines: AmountLine[], decisionYear: number, maxSpan: number, violations: RuleViolation[]) {
  if (lines.length === 0) violations.push({ rule: 'R9', field: 'amounts', message: 'a decision grants money for at least one year' });
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (seen.has(l.year)) violations.push({ rule: 'R9', field: `amounts[${i}].year`, message: `year ${l.year} appears twice` });
    seen.add(l.year);
    if (!Number.isInteger(l.year) || l.year < decisionYear || l.year > decisionYear + maxSpan - 1) {
      violations.push({
        rule: 'R9',
        field: `amounts[${i}].year`,
        message: `a measure spans at most ${maxSpan} school years from the decision year ${decisionYear}: years ${decisionYear}–${decisionYear + maxSpan - 1}`,
      });
    }
    if (!isSafeAmount(l.amount) || l.amount === 0)
      violations.push({ rule: 'money', field: `amounts[${i}].amount`, message: 'an amount is a positive whole number of kroner' });
  });
}

/** R9: money only for years inside the measure's own span (startYear … startYear + spanYears − 1). */
export function checkSpan(
  span: { startYear: number; spanYears: number } | null | undefined,
  lines: AmountLine[],
  violations: RuleViolation[],
) {
  if (!span) return;
  const to = span.startYear + span.spanYears - 1;
  lines.forEach((l, i) => {
    const field = `amounts[${i}].year`;
    if (violations.some((v) => v.field === field)) return; // already refused (outside the decision years, twice)
    if (Number.isInteger(l.year) && (l.year < span.startYear || l.year > to)) {
      violations.push({ rule: 'R9', field, message: `the measure spans ${span.startYear}–${to}: no money can be granted for ${l.year}` });
    }
  });
}

/** R18: every year the lines charge has a frame, and none goes over it. */
export function checkFrames(state: LedgerState, lines: AmountLine[], except: string | undefined, violations: RuleViolation[]) {
  lines.forEach((l, i) => {
    const frame = state.frames[l.year];
    if (frame === undefined) {
      violations.push({
        rule: 'R18',
        field: `amounts[${i}].year`,
        message: `no frame is set for ${state.office} ${state.scheme} ${l.year}: nothing can be charged to it`,
      });
      return;
    }
    const free = frame - chargedTo(state, l.year, except);
    if (l.amount > free) {
      violations.push({
        rule: 'R18',
        field: `amounts[${i}].amount`,
        message: `${l.amount} kroner would push the ${l.year} frame of ${frame} over: ${free} kroner are free`,
      });
    }
  });
}

/** R12: the decision compared with the recommendation, year by year. */
export function compare(lines: AmountLine[], rec: RecommendationFacts) {
  const recommended = new Map(rec.lines.map((l) => [l.year, l.amount]));
  const years = new Set([...lines.map((l) => l.year), ...recommended.keys()]);
  const decided = new Map(lines.map((l) => [l.year, l.amount]));
  const deviates = rec.basis === 'recommendation' && [...years].some((y) => (decided.get(y) ?? 0) !== (recommended.get(y) ?? 0));
  const withRecommended = (l: AmountLine) => (rec.basis === 'recommendation' ? (recommended.get(l.year) ?? 0) : null);
  return { deviates, withRecommended };
}

export function basisWarning(rec: RecommendationFacts): Warning[] {
  if (rec.basis === 'no_agreement')
    return [{ rule: 'R12', field: 'recommendation', message: 'the forum did not agree: the governor decides' }];
  if (rec.basis === 'no_recommendation')
    return [{ rule: 'R12', field: 'recommendation', message: 'there is no recommendation from the forum: the governor decides' }];
  return [];
}

export const sortLines = <L extends AmountLine>(lines: L[]) => [...lines].sort((a, b) => a.year - b.year);

export const schemeViolation = (scheme: Scheme): RuleViolation => ({
  rule: 'scheme',
  field: 'scheme',
  message: `${scheme} has no governor role: Udir pays county municipalities directly`,
});
