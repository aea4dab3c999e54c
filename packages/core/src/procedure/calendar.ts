/**
 * Date arithmetic on plain calendar dates (`YYYY-MM-DD`). Deadlines are counted in whole
 * days of the commission's own calendar, so dates never pass through a time zone: the
 * server turns "now" into the deployment's local date once, and everything here is exact.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function toEpochDay(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addCalendarDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * The same day `months` months later, or the month's last day when it has no such day
 * (31 January + 1 month = 28 or 29 February), as periods "of three months" are read.
 */
export function addMonths(date: string, months: number): string {
  const day0 = toEpochDay(date);
  const d = new Date(day0 * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/**
 * The official calendar: public holidays on weekdays, and weekend days made working days
 * in exchange (调休). Published each year by the State Council; a deployment enters it.
 */
export interface WorkingCalendar {
  readonly holidays: readonly string[];
  readonly extraWorkingDays: readonly string[];
}

export const WEEKENDS_ONLY: WorkingCalendar = { holidays: [], extraWorkingDays: [] };

/** Whether staff work on `date` under `calendar`. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.extraWorkingDays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The `days`-th working day after `date` (the start day itself not counted, as periods
 * are counted from the day after the event).
 */
export function addWorkingDays(date: string, days: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${days}`);
  let day = toEpochDay(date);
  for (let left = days; left > 0;) {
    day += 1;
    if (isWorkingDay(fromEpochDay(day), calendar)) left -= 1;
  }
  return fromEpochDay(day);
}
