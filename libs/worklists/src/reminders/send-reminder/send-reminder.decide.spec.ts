import { deciderSpec } from '#libs/testing';
import { ReportReminders, type ReminderReport, type ReportReminderSent } from '../report-reminders.aggregate.js';
import { reminderKindOn, type SendReportReminder } from './send-reminder.decide.js';

const spec = deciderSpec(ReportReminders.decider);
const report: ReminderReport = {
  reportId: 'ROGALAND.DEKOMP.m-1.964965226.2028',
  source: 'grant',
  grantId: 'ROGALAND.DEKOMP.m-1.964965226',
  scheme: 'DEKOMP',
  year: 2028,
  recipientOrg: '964965226',
  office: 'ROGALAND',
  deadline: '2029-01-15',
};
const send = (today: string, more: Partial<SendReportReminder> = {}): SendReportReminder => ({
  type: 'SendReportReminder',
  report,
  submitted: false,
  leadDays: 14,
  today,
  ...more,
});
const sent = (kind: 'due' | 'overdue', remindedOn: string, daysLeft: number, deadline = report.deadline): ReportReminderSent => ({
  type: 'ReportReminderSent',
  data: { ...report, deadline, kind, remindedOn, daysLeft },
});

describe('R26: report reminders', () => {
  it('Given nothing, When the job runs 14 days before the deadline, Then one `due` reminder', () => {
    spec
      .given([])
      .when(send('2029-01-01'))
      .then([sent('due', '2029-01-01', 14)]);
  });

  it('When the job runs 15 days before, Then nothing yet; on the deadline day itself, Then still `due`', () => {
    spec.given([]).when(send('2028-12-31')).then([]);
    spec
      .given([])
      .when(send('2029-01-15'))
      .then([sent('due', '2029-01-15', 0)]);
  });

  it('Given a `due` reminder, When the job runs again (the same day or later before the deadline), Then nothing more', () => {
    spec
      .given([sent('due', '2029-01-01', 14)])
      .when(send('2029-01-01'))
      .then([]);
    spec
      .given([sent('due', '2029-01-01', 14)])
      .when(send('2029-01-10'))
      .then([]);
  });

  it('Given a `due` reminder, When the day after the deadline comes, Then one `overdue`; and never a second', () => {
    spec
      .given([sent('due', '2029-01-01', 14)])
      .when(send('2029-01-16'))
      .then([sent('overdue', '2029-01-16', -1)]);
    spec
      .given([sent('due', '2029-01-01', 14), sent('overdue', '2029-01-16', -1)])
      .when(send('2029-02-20'))
      .then([]);
  });

  it('Given reminders for a deadline, When the deadline was extended (R26), Then the new deadline is reminded afresh', () => {
    spec
      .given([sent('due', '2029-01-01', 14), sent('overdue', '2029-01-16', -1)])
      .when(send('2029-02-20', { report: { ...report, deadline: '2029-03-01' } }))
      .then([sent('due', '2029-02-20', 9, '2029-03-01')]);
  });

  it('When the report is submitted, Then no reminder at all', () => {
    spec
      .given([])
      .when(send('2029-01-20', { submitted: true }))
      .then([]);
  });

  it('When the deadline is not a date or the lead days are negative, Then R26 is named', () => {
    spec
      .given([])
      .when(send('2029-01-01', { report: { ...report, deadline: '2029-02-30' } }))
      .thenViolates('R26', 'deadline');
    spec
      .given([])
      .when(send('2029-01-01', { leadDays: -1 }))
      .thenViolates('R26', 'leadDays');
  });

  it('which reminder a day gets: none before the window, `due` inside it, `overdue` after the deadline', () => {
    expect(['2028-12-31', '2029-01-01', '2029-01-15', '2029-01-16'].map((d) => reminderKindOn('2029-01-15', d, 14))).toEqual([
      null,
      'due',
      'due',
      'overdue',
    ]);
  });
});
