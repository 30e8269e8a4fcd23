/** Today's date in Norway (YYYY-MM-DD): the service judges deadlines (R14) on the Norwegian calendar date. */
export function osloToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
