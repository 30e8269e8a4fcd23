import { ConflictError, DomainError, RECIPIENT_KINDS, ruleSetFor, type MeasureInfo, type RuleViolation, type Scheme } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import type { AmountLine, LedgerEvent, LedgerState, RecipientFacts, RecommendationFacts } from '../frame-ledger.aggregate.js';
import {
  basisWarning,
  checkFrames,
  checkLines,
  checkSpan,
  compare,
  reportDeadlineFor,
  requiredCoFinancing,
  schemeViolation,
  sortLines,
} from '../frame-ledger.rules.js';
import { caseNumberOf, checkCaseNumber } from '../../letters/case-number.js';

export interface DecideAllocation {
  type: 'DecideAllocation';
  grantId: string;
  office: string;
  scheme: Scheme;
  decisionYear: number;
  callId: string;
  measureId: string;
  /** The measure as the needs-assessment capability holds it (null: no such measure). */
  measure: MeasureInfo | null;
  recipient: RecipientFacts;
  lines: AmountLine[];
  recommendation: RecommendationFacts;
  deviationReason?: string;
  /** R14: the office's decision date for the call. */
  decisionDate: string;
  today: string;
  reportDeadlineMonthDay?: string;
  /** R22: the case number (saksnummer); default the office's next, in its format (letter settings). */
  caseNumber?: string;
  caseNumberFormat?: string;
}

/** The measure is submitted, in this scheme and year, and the recipient is one of its parties (R10). */
function measureViolations(c: DecideAllocation): RuleViolation[] {
  const m = c.measure;
  if (!m) return [{ rule: 'measure', field: 'measureId', message: `there is no measure ${c.measureId}` }];
  const violations: RuleViolation[] = [];
  if (m.scheme !== c.scheme) violations.push({ rule: 'measure', field: 'scheme', message: `measure ${c.measureId} is in ${m.scheme}` });
  if (m.year !== c.decisionYear)
    violations.push({ rule: 'measure', field: 'year', message: `measure ${c.measureId} belongs to the ${m.year} call` });
  if (m.status !== 'submitted')
    violations.push({ rule: 'measure', field: 'measureId', message: `measure ${c.measureId} is ${m.status}, not submitted` });
  const parties = [...m.owners, ...m.universities.filter((u) => u.status === 'committed').map((u) => u.org)];
  if (!parties.includes(c.recipient.org)) {
    violations.push({
      rule: 'R10',
      field: 'recipientOrg',
      message: `${c.recipient.org} is neither an owner nor a committed university partner of measure ${c.measureId}`,
    });
  }
  return violations;
}

/** R1, R2: only registered school owners and universities, never a commercial actor. */
function recipientViolations(recipient: RecipientFacts): RuleViolation[] {
  const kind = recipient.kind;
  if (kind === null) return [{ rule: 'R1', field: 'recipientOrg', message: `${recipient.org} is not a registered organisation` }];
  if (kind === 'commercial')
    return [
      {
        rule: 'R2',
        field: 'recipientOrg',
        message: 'the governor never allocates to a commercial actor; a provider may only be a subcontractor under a university',
      },
    ];
  if (!RECIPIENT_KINDS.includes(kind))
    return [{ rule: 'R1', field: 'recipientOrg', message: `only school owners and universities receive grant money, not ${kind}` }];
  return [];
}

function assertNew(command: DecideAllocation, state: LedgerState) {
  const existing = state.grants[command.grantId];
  if (!existing) return;
  throw new ConflictError(
    existing.status === 'active'
      ? `${command.recipient.org} already has a decision for measure ${command.measureId}: amend it, with a reason (R21)`
      : `the decision for ${command.recipient.org} and measure ${command.measureId} was revoked; a revoked decision is not reopened`,
  );
}

/** R10, R1, R2, R9, R12, R18 (refusals) and R12, R14 (warnings): one decision for one recipient and measure. */
export function decideDecideAllocation(command: DecideAllocation, state: LedgerState): LedgerEvent[] {
  const measure = measureViolations(command);
  if (measure.length) throw new DomainError(measure);
  assertNew(command, state);
  const rules = ruleSetFor(command.scheme, command.decisionYear);
  const violations: RuleViolation[] = rules.governorRole ? [] : [schemeViolation(command.scheme)];
  violations.push(...recipientViolations(command.recipient));
  checkLines(command.lines, command.decisionYear, rules.maxSpanYears, violations);
  checkSpan(command.measure, command.lines, violations);
  const { deviates, withRecommended } = compare(command.lines, command.recommendation);
  const deviationReason = command.deviationReason?.trim() || null;
  if (deviates && !deviationReason)
    violations.push({
      rule: 'R12',
      field: 'deviationReason',
      message: "the decision differs from the forum's recommendation: give the reason",
    });
  checkCaseNumber(state, command.caseNumber, violations);
  if (violations.length === 0) checkFrames(state, command.lines, undefined, violations);
  if (violations.length) throw new DomainError(violations);
  const warnings: Warning[] = [...basisWarning(command.recommendation)];
  if (command.today > command.decisionDate) {
    warnings.push({
      rule: 'R14',
      field: 'decidedOn',
      message: `decided on ${command.today}, after the office's decision date ${command.decisionDate}`,
    });
  }
  const recipientKind = command.recipient.kind!;
  const lines = sortLines(command.lines).map((l) => ({
    year: l.year,
    amount: l.amount,
    reportDeadline: state.reportDeadlines?.[l.year] ?? reportDeadlineFor(l.year, command.reportDeadlineMonthDay),
    recommended: withRecommended(l),
    coFinancingRequired: requiredCoFinancing({ scheme: command.scheme, recipientKind }, l.year, l.amount),
  }));
  const { grantId, office, scheme, decisionYear, callId, measureId, decisionDate } = command;
  return [
    {
      type: 'AllocationDecided',
      data: {
        ...{ grantId, office, scheme, decisionYear, callId, measureId, recipientOrg: command.recipient.org, recipientKind, lines },
        ...{
          basis: command.recommendation.basis,
          recommendationId: command.recommendation.recommendationId,
          deviates,
          deviationReason: deviates ? deviationReason : null,
        },
        ...{ decidedOn: command.today, decisionDate, ruleSetVersion: rules.version, warnings, caseNumber: caseNumberOf(state, command) },
      },
    },
  ];
}
