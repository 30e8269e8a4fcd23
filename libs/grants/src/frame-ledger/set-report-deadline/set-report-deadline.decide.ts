import { DomainError, isCalendarDate, ruleSetFor, type Scheme } from '#libs/kernel';
import type { LedgerEvent, LedgerState } from '../frame-ledger.aggregate.js';
import { reportDeadlineFor, schemeViolation } from '../frame-ledger.rules.js';

export interface SetReportDeadline {
  type: 'SetReportDeadline';
  office: string;
  scheme: Scheme;
  year: number;
  deadline: string;
  reason: string;
}

/** The office's deadline for a scheme and year now (its own, or 15 January after the year). */
export const officeDeadline = (state: LedgerState, year: number) => state.reportDeadlines?.[year] ?? reportDeadlineFor(year);

/**
 * R26: an office sets its own report deadline per scheme and year. It applies to the year's later decisions and to
 * every line of the year still at the office's earlier deadline (a recipient's own extension stays).
 */
export function decideSetReportDeadline(c: SetReportDeadline, state: LedgerState): LedgerEvent[] {
  if (!ruleSetFor(c.scheme, c.year).governorRole) throw new DomainError([schemeViolation(c.scheme)]);
  if (!isCalendarDate(c.deadline)) throw DomainError.of('R26', 'deadline', 'a deadline is a calendar date YYYY-MM-DD');
  if (c.deadline <= `${c.year}-12-31`)
    throw DomainError.of('R26', 'deadline', `the report for ${c.year} is due after the grant year: a date in ${c.year + 1} or later`);
  const previous = officeDeadline(state, c.year);
  if (previous === c.deadline) return [];
  return [
    {
      type: 'ReportDeadlineSet',
      data: { office: c.office, scheme: c.scheme, year: c.year, previousDeadline: previous, deadline: c.deadline, reason: c.reason },
    },
  ];
}
