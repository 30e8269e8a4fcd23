import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CLOCK, SYSTEM_ACTOR, type Clock } from '#libs/kernel';
import { CommandRunner, ReadModels } from '#libs/platform';
import { openReports, type OpenReportRow } from '../read-model/todos/recipient-items.js';
import { TODOS_READ } from '../read-model/todos/todos.queries.js';
import { ReportReminders, type ReminderReport, type ReportReminderSent } from './report-reminders.aggregate.js';
import { REMINDER_SETTINGS, type ReminderSettings } from './reminder-settings.js';
import { daysBetween } from './send-reminder/send-reminder.decide.js';

export interface ReminderRun {
  today: string;
  /** Open reports looked at. */
  reports: number;
  sent: Array<ReportReminderSent['data']>;
}

const asReport = (r: OpenReportRow): ReminderReport => ({
  reportId: r.reportId,
  source: r.source,
  grantId: r.grantId,
  scheme: r.scheme as ReminderReport['scheme'],
  year: r.year,
  recipientOrg: r.recipientOrg,
  office: r.office,
  deadline: r.deadline,
});

/**
 * R26: the scheduled job. On an interval (started with the application, stopped before shutdown) it asks the one
 * CLOCK for today and, for every open report whose deadline is within the lead days or past, appends a
 * ReportReminderSent to the report's reminders stream. The decider and the stream's expected version make it
 * safe to run twice a day or in two instances at once: a deadline and kind is reminded once.
 */
@Injectable()
export class ReminderJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Reminders');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly runner: CommandRunner,
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.intervalMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.settings.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    try {
      const run = await this.runNow();
      if (run.sent.length) this.log.log({ msg: 'report reminders sent', today: run.today, sent: run.sent.length });
    } catch (error) {
      this.log.warn({ msg: 'report reminder run failed; the next run tries again', error: String(error) });
    }
  }

  /** One run for the service's today (the timer's, or a test's or an operator's through POST /reminders/runs). */
  runNow(): Promise<ReminderRun> {
    const run = this.sendDue();
    this.running = run.finally(() => (this.running = undefined));
    return run;
  }

  private async sendDue(): Promise<ReminderRun> {
    const today = this.clock.today();
    const lead = this.settings.leadDays;
    const reports = await this.readModels.caughtUp(TODOS_READ, (sql) =>
      openReports(sql, `r.deadline - $1::int <= $2::date`, [lead, today]),
    );
    const sent: ReminderRun['sent'] = [];
    for (const r of reports) {
      const outcome = await this.runner.run(
        ReportReminders,
        r.reportId,
        { type: 'SendReportReminder', report: asReport(r), submitted: false, leadDays: lead, today },
        { actor: SYSTEM_ACTOR, correlationId: `report-reminders-${today}` },
        { retryOnConflict: true, reason: `R26: ${daysBetween(today, r.deadline) < 0 ? 'overdue' : 'due'} ${r.deadline}` },
      );
      for (const e of outcome.events as ReportReminderSent[]) sent.push(e.data);
    }
    return { today, reports: reports.length, sent };
  }
}
