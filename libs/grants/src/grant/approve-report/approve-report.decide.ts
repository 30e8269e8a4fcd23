import { ConflictError, NotFoundError } from '#libs/kernel';
import type { GrantEvent, GrantFacts, GrantState } from '../grant.aggregate.js';
import { baseOf } from '../grant.rules.js';

export interface ApproveReport {
  type: 'ApproveReport';
  grant: GrantFacts;
  year: number;
  today: string;
}

/** The governor approves a submitted report once. */
export function decideApproveReport(command: ApproveReport, state: GrantState): GrantEvent[] {
  const g = command.grant;
  const status = state.reports[command.year];
  if (!status) throw new NotFoundError('report', `${g.grantId} ${command.year}`);
  if (status === 'approved') throw new ConflictError(`the report for ${command.year} is approved already`);
  return [{ type: 'GrantReportApproved', data: { ...baseOf(g), year: command.year, approvedOn: command.today } }];
}
