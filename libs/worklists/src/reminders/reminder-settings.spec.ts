import { reminderSettingsFrom } from './reminder-settings.js';

describe('reminder settings (R26)', () => {
  it('default: 14 days before a deadline, every hour', () => {
    expect(reminderSettingsFrom({})).toEqual({ leadDays: 14, intervalMs: 3_600_000 });
    expect(reminderSettingsFrom({ REPORT_REMINDER_DAYS: '', REPORT_REMINDER_INTERVAL_MS: '0' })).toEqual({ leadDays: 14, intervalMs: 0 });
  });

  it('a bad value names the setting', () => {
    expect(() => reminderSettingsFrom({ REPORT_REMINDER_DAYS: '-1' })).toThrow(/^REPORT_REMINDER_DAYS: .*not "-1"$/);
    expect(() => reminderSettingsFrom({ REPORT_REMINDER_INTERVAL_MS: 'hourly' })).toThrow(/^REPORT_REMINDER_INTERVAL_MS: /);
  });
});
