import type { LetterLanguage } from '../letter-settings/letter-settings.aggregate.js';

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** «20. april 2028» (the same in bokmål and nynorsk). */
export function norwegianDate(date: string, _language: LetterLanguage = 'nb'): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/** A calendar date plus days (UTC arithmetic on dates: no clock, no time zone). */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** R22/R23: three weeks to appeal from the letter. */
export const APPEAL_DAYS = 21;
export const appealDeadlineOf = (letterDate: string) => addDays(letterDate, APPEAL_DAYS);

const NBSP = '\u00a0';

/** Whole kroner with a space between thousands: «1 250 000 kr» (non-breaking, so an amount never wraps). */
export function kroner(amount: number): string {
  const digits = String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${amount < 0 ? '−' : ''}${digits}${NBSP}kr`;
}

/** «964 965 226». */
export const orgNumber = (org: string) => (/^\d{9}$/.test(org) ? `${org.slice(0, 3)} ${org.slice(3, 6)} ${org.slice(6)}` : org);
