/** R26: how report reminders are sent; from the environment (REPORT_REMINDER_*). */
export interface ReminderSettings {
  /** Days before a deadline the `due` reminder goes out (and a report shows as due on the recipient's list). */
  leadDays: number;
  /** How often the job looks for reminders to send; 0 turns the timer off (the run endpoint still works). */
  intervalMs: number;
}

export const REMINDER_SETTINGS = Symbol('REPORT_REMINDER_SETTINGS');

function int(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name}: must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  return n;
}

export function reminderSettingsFrom(env: Record<string, string | undefined>): ReminderSettings {
  return {
    leadDays: int(env, 'REPORT_REMINDER_DAYS', 14, 0, 365),
    intervalMs: int(env, 'REPORT_REMINDER_INTERVAL_MS', 3_600_000, 0, 86_400_000),
  };
}
