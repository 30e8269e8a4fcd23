/**
 * The one clock of the service: "now" and "today" on Norwegian time (Europe/Oslo), so a deadline (R14, R15,
 * R26) passes at midnight in Norway, not at midnight UTC. Injected everywhere under CLOCK; tests and the seed
 * fix "today" so deadlines can pass without tricks. Deciders never read it: handlers pass `today` in.
 */
export interface Clock {
  now(): Date;
  /** Today's date in Norway, YYYY-MM-DD. */
  today(): string;
}

export const CLOCK = Symbol('CLOCK');

const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Norway at an instant. */
export function osloDate(instant: Date): string {
  return OSLO_DATE.format(instant);
}

/** A calendar date YYYY-MM-DD that exists (no 2027-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(value);
}

/** The real time, unless a test or the seed fixes "today" (then `now` is noon of that day in Norway). */
export class ServiceClock implements Clock {
  private fixed: string | null;

  constructor(fixed: string | null = null) {
    this.fixed = null;
    this.fix(fixed);
  }

  now(): Date {
    return this.fixed ? new Date(`${this.fixed}T11:00:00Z`) : new Date();
  }

  today(): string {
    return this.fixed ?? osloDate(new Date());
  }

  /** Fix today's date (YYYY-MM-DD), or null for the real one. */
  fix(date: string | null): void {
    if (date !== null && !isCalendarDate(date)) throw new Error(`the clock takes a calendar date YYYY-MM-DD, not ${String(date)}`);
    this.fixed = date;
  }
}
