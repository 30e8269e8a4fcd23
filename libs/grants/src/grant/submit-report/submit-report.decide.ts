import { ConflictError, DomainError, type RuleViolation } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import { isSafeAmount } from '../../common/money.js';
import type { CoFinancingForms, GrantEvent, GrantState, GrantFacts, ParticipantCount } from '../grant.aggregate.js';
import { baseOf, checkForms, lineOf, totalOf } from '../grant.rules.js';

export interface SubmitReport {
  type: 'SubmitReport';
  grant: GrantFacts;
  year: number;
  spent: number;
  unspent: number;
  coFinancingProvided: CoFinancingForms;
  participants: ParticipantCount[];
  evaluation: string;
  teacherEducationFeedback?: string;
  today: string;
}

function violationsOf(command: SubmitReport, state: GrantState): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!state.accepted)
    violations.push({ rule: 'acceptance', field: 'grantId', message: 'the grant was never accepted: there is nothing to report' });
  if (!isSafeAmount(command.spent)) violations.push({ rule: 'money', field: 'spent', message: 'a whole, non-negative number of kroner' });
  if (!isSafeAmount(command.unspent))
    violations.push({ rule: 'money', field: 'unspent', message: 'a whole, non-negative number of kroner' });
  checkForms(command.coFinancingProvided, 'coFinancingProvided', violations);
  command.participants.forEach((p, i) => {
    if (!isSafeAmount(p.count))
      violations.push({ rule: 'report', field: `participants[${i}].count`, message: 'a whole, non-negative number' });
  });
  if (!command.evaluation.trim())
    violations.push({ rule: 'report', field: 'evaluation', message: "the recipient's own evaluation of the measure is required" });
  const paid = state.paid[command.year] ?? 0;
  if (violations.length === 0 && command.spent + command.unspent !== paid) {
    violations.push({
      rule: 'R16',
      field: 'unspent',
      message: `spent and unspent must account for the ${paid} kroner paid for ${command.year}`,
    });
  }
  if (command.grant.recipientKind === 'university' && !command.teacherEducationFeedback?.trim()) {
    violations.push({
      rule: 'R17',
      field: 'teacherEducationFeedback',
      message: 'a university states how the partnership fed back into teacher education',
    });
  }
  return violations;
}

/** R16: the report accounts for the money paid; R17: a university's feedback; R7 shortfall and R15 lateness warn. */
export function decideSubmitReport(command: SubmitReport, state: GrantState): GrantEvent[] {
  const g = command.grant;
  const line = lineOf(g, command.year);
  if (state.reports[command.year]) throw new ConflictError(`the report for ${command.year} is submitted already`);
  const violations = violationsOf(command, state);
  if (violations.length) throw new DomainError(violations);
  const required = line.coFinancingRequired;
  const documented = totalOf(command.coFinancingProvided);
  const shortfall = documented < required ? { required, documented, missing: required - documented } : null;
  const late = command.today > line.reportDeadline;
  const warnings: Warning[] = [];
  if (shortfall)
    warnings.push({
      rule: 'R7',
      field: 'coFinancingProvided',
      message: `documented co-financing ${documented} is below the minimum ${required}: the grant is in co-financing shortfall`,
    });
  if (late) warnings.push({ rule: 'R15', field: 'year', message: `the report was due ${line.reportDeadline}` });
  const { year, spent, unspent, participants, evaluation } = command;
  return [
    {
      type: 'GrantReportSubmitted',
      data: {
        ...baseOf(g),
        ...{
          year,
          spent,
          unspent,
          coFinancingProvided: { ...command.coFinancingProvided, total: documented },
          coFinancingRequired: required,
          coFinancingShortfall: shortfall,
        },
        ...{ participants, evaluation, teacherEducationFeedback: command.teacherEducationFeedback?.trim() || null },
        ...{ submittedOn: command.today, deadline: line.reportDeadline, late, warnings },
      },
    },
  ];
}
