import type { Scheme } from '#libs/kernel';
import { defineAggregate, type DomainEvent } from '#libs/platform';
import { decideSendReportReminder, type SendReportReminder } from './send-reminder/send-reminder.decide.js';

/**
 * R26: the reminders (påminnelser) of one report — a grant's report for one year, or a county municipality's
 * YRKESFAG report for one year. One stream per report, `ReportReminders-<reportId>`; each deadline is reminded
 * once before it (`due`) and once after it (`overdue`), whatever runs the job, however often.
 */
export type ReminderCommand = SendReportReminder;

export const REMINDER_KINDS = ['due', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The report a reminder is about, as the events of grants and YRKESFAG tell it. */
export interface ReminderReport {
  /** `<grantId>.<year>` or `YRKESFAG.<county org>.<year>`. */
  reportId: string;
  source: 'grant' | 'yrkesfag';
  grantId: string | null;
  scheme: Scheme;
  year: number;
  recipientOrg: string;
  /** The governor office (R20); null for YRKESFAG, which Udir follows up itself. */
  office: string | null;
  deadline: string;
}

export type ReportReminderSent = DomainEvent<
  'ReportReminderSent',
  ReminderReport & { kind: ReminderKind; remindedOn: string; daysLeft: number }
>;
export type ReminderEvent = ReportReminderSent;

export interface ReminderState {
  /** `<deadline>:<kind>` of every reminder sent. */
  sent: string[];
}

export const initialReminderState: ReminderState = { sent: [] };

export const reminderKeyOf = (deadline: string, kind: ReminderKind) => `${deadline}:${kind}`;

export function evolveReminders(state: ReminderState, event: ReminderEvent): ReminderState {
  switch (event.type) {
    case 'ReportReminderSent':
      return { sent: [...state.sent, reminderKeyOf(event.data.deadline, event.data.kind)] };
  }
}

export function decideReminders(command: ReminderCommand, state: ReminderState): ReminderEvent[] {
  switch (command.type) {
    case 'SendReportReminder':
      return decideSendReportReminder(command, state);
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const ReportReminders = defineAggregate<ReminderCommand, ReminderState, ReminderEvent>({
  name: 'ReportReminders',
  decider: { initialState: initialReminderState, evolve: evolveReminders, decide: decideReminders },
  eventTypes: { ReportReminderSent: 1 },
});
