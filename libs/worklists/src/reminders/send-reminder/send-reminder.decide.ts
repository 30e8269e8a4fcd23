import { DomainError, isCalendarDate } from '#libs/kernel';
import {
  reminderKeyOf,
  type ReminderEvent,
  type ReminderKind,
  type ReminderReport,
  type ReminderState,
} from '../report-reminders.aggregate.js';

export interface SendReportReminder {
  type: 'SendReportReminder';
  report: ReminderReport;
  /** Whether the report is in (then nothing is reminded). */
  submitted: boolean;
  /** R26: how many days before the deadline the `due` reminder goes out (a setting). */
  leadDays: number;
  today: string;
}

const DAY = 86_400_000;
/** Whole days from `from` to `to` (calendar dates). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** R26: which reminder a report gets today: `due` within `leadDays` before the deadline, `overdue` after it. */
export function reminderKindOn(deadline: string, today: string, leadDays: number): ReminderKind | null {
  const left = daysBetween(today, deadline);
  if (left < 0) return 'overdue';
  return left <= leadDays ? 'due' : null;
}

/**
 * R26: a recipient is reminded once before a deadline and told once that it passed. Never twice for the same
 * deadline and kind (an extended deadline is a new one); nothing for a submitted report or outside the windows.
 */
export function decideSendReportReminder(c: SendReportReminder, state: ReminderState): ReminderEvent[] {
  if (!isCalendarDate(c.report.deadline)) throw DomainError.of('R26', 'deadline', 'a report deadline is a date (YYYY-MM-DD)');
  if (!Number.isInteger(c.leadDays) || c.leadDays < 0) throw DomainError.of('R26', 'leadDays', 'a whole number of days, 0 or more');
  if (c.submitted) return [];
  const kind = reminderKindOn(c.report.deadline, c.today, c.leadDays);
  if (!kind || state.sent.includes(reminderKeyOf(c.report.deadline, kind))) return [];
  return [
    {
      type: 'ReportReminderSent',
      data: { ...c.report, kind, remindedOn: c.today, daysLeft: daysBetween(c.today, c.report.deadline) },
    },
  ];
}
