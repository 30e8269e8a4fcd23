import { ConflictError, DomainError, isCalendarDate, NotFoundError } from '#libs/kernel';
import type { LedgerEvent, LedgerState } from '../frame-ledger.aggregate.js';

export interface ExtendReportDeadline {
  type: 'ExtendReportDeadline';
  grantId: string;
  year: number;
  deadline: string;
  reason: string;
}

/** R26: one recipient's report deadline for one grant year moves later, with a reason (R21). */
export function decideExtendReportDeadline(c: ExtendReportDeadline, state: LedgerState): LedgerEvent[] {
  const g = state.grants[c.grantId];
  if (!g) throw new NotFoundError('grant', c.grantId);
  if (g.status !== 'active') throw new ConflictError(`grant ${c.grantId} is revoked`);
  const line = g.lines.find((l) => l.year === c.year);
  if (!line)
    throw DomainError.of(
      'R9',
      'year',
      `grant ${c.grantId} has no money for ${c.year}; its years are ${g.lines.map((l) => l.year).join(', ')}`,
    );
  if (!isCalendarDate(c.deadline)) throw DomainError.of('R26', 'deadline', 'a deadline is a calendar date YYYY-MM-DD');
  if (c.deadline <= line.reportDeadline)
    throw DomainError.of('R26', 'deadline', `an extension moves the deadline later than ${line.reportDeadline}`);
  if (!c.reason.trim()) throw DomainError.of('R21', 'reason', 'an extension gives its reason');
  return [
    {
      type: 'ReportDeadlineExtended',
      data: {
        grantId: g.grantId,
        office: g.office,
        scheme: g.scheme,
        recipientOrg: g.recipientOrg,
        year: c.year,
        previousDeadline: line.reportDeadline,
        deadline: c.deadline,
        reason: c.reason.trim(),
      },
    },
  ];
}
