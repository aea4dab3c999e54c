/**
 * The calendar days the overview's figures are bounded by, in the server's local time as
 * the warning list reads its `from` and `to` (a day from its local midnight, `to` whole),
 * so a figure and the list it links to count the same warnings.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date as YYYY-MM-DD. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The moment after the day `day` (YYYY-MM-DD) ends, local time: the list's bound for `to`. */
export function endOfDay(day: string): Date {
  const start = new Date(`${day}T00:00:00`);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
}

/** The day `days` days before `now`: open warnings first seen on it or earlier are overdue. */
export function overdueDay(now: Date, days: number): string {
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days));
}

/** The last `count` calendar months up to the one `now` lies in, oldest first, with their first and last days. */
export function lastMonths(now: Date, count: number): { month: string; from: string; to: string; start: Date }[] {
  const out = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const start = new Date(now.getFullYear(), now.getMonth() - back, 1);
    const last = new Date(start.getFullYear(), start.getMonth() + 1, 0);
    out.push({ month: localDay(start).slice(0, 7), from: localDay(start), to: localDay(last), start });
  }
  return out;
}
