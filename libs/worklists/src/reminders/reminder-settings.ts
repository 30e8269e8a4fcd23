import { z } from 'zod';

/** R26: how report reminders are sent; from the environment (REPORT_REMINDER_*). */
export interface ReminderSettings {
  /** Days before a deadline the `due` reminder goes out (and a report shows as due on the recipient's list). */
  leadDays: number;
  /** How often the job looks for reminders to send; 0 turns the timer off (the run endpoint still works). */
  intervalMs: number;
}

export const REMINDER_SETTINGS = Symbol('REPORT_REMINDER_SETTINGS');

const schema = z.object({
  REPORT_REMINDER_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  REPORT_REMINDER_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
});

export function reminderSettingsFrom(env: Record<string, string | undefined>): ReminderSettings {
  const given = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue.path.join('.')}: ${issue.message}, not ${JSON.stringify(given[String(issue.path[0])])}`);
  }
  return { leadDays: parsed.data.REPORT_REMINDER_DAYS, intervalMs: parsed.data.REPORT_REMINDER_INTERVAL_MS };
}
