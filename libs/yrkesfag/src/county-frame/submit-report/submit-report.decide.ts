import { ConflictError, DomainError } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty, frameYear, unspentIn } from '../ledger.js';

export interface SubmitReport {
  type: 'SubmitReport';
  year: number;
  evaluation: string;
  /** Today in Norway (CLOCK): the submission date, late after the deadline (R15, R26). */
  today: string;
}

/** R24/R15: the county reports its use of the year's money to Udir; a late report is accepted and marked late. */
export function decideSubmitReport(command: SubmitReport, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const frame = frameYear(county, command.year);
  if (frame.report) throw new ConflictError(`the report for ${command.year} was submitted on ${frame.report.submittedOn}`);
  if (!command.evaluation.trim()) throw DomainError.of('R24', 'evaluation', "the report holds the county's own evaluation");
  return [
    {
      type: 'YrkesfagReportSubmitted',
      data: {
        county: county.county,
        year: command.year,
        submittedOn: command.today,
        deadline: frame.reportDeadline,
        late: command.today > frame.reportDeadline,
        evaluation: command.evaluation.trim(),
        paid: frame.paid,
        spent: frame.spent,
        unspent: unspentIn(frame),
      },
    },
  ];
}
