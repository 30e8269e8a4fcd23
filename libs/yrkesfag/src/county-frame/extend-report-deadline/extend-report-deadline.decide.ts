import { ConflictError, DomainError, isCalendarDate } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty, frameYear } from '../ledger.js';

export interface ExtendReportDeadline {
  type: 'ExtendReportDeadline';
  year: number;
  deadline: string;
  reason: string;
}

/** R26: a county's report deadline may be extended (only later), with a reason (R21). */
export function decideExtendReportDeadline(command: ExtendReportDeadline, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const year = frameYear(county, command.year);
  if (year.report) throw new ConflictError(`the report for ${command.year} was submitted on ${year.report.submittedOn}`);
  if (!isCalendarDate(command.deadline)) throw DomainError.of('R26', 'deadline', 'deadline must be a date (YYYY-MM-DD)');
  if (command.deadline <= year.reportDeadline)
    throw DomainError.of('R26', 'deadline', `a deadline can only be extended: the current one is ${year.reportDeadline}`);
  if (!command.reason.trim()) throw DomainError.of('R26', 'reason', 'an extension needs a reason');
  return [
    {
      type: 'YrkesfagReportDeadlineExtended',
      data: {
        county: county.county,
        year: command.year,
        previousDeadline: year.reportDeadline,
        deadline: command.deadline,
        reason: command.reason,
      },
    },
  ];
}
