/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so no zone can shift a day. */

const DAY_MS = 86_400_000;

/** The ISO date `days` after `iso` (negative for before). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** `YYYY-MM` of a date. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** The twelve months of a year as `YYYY-MM`. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

// Statutory holidays of 2023–2024 (State Council notices). Background meals and trips
// avoid them so that every F01/F07 hit in the demo is a planted one.
const HOLIDAYS = new Set([
  '2023-01-02',
  '2023-01-23',
  '2023-01-24',
  '2023-01-25',
  '2023-01-26',
  '2023-01-27',
  '2023-04-05',
  '2023-05-01',
  '2023-05-02',
  '2023-05-03',
  '2023-06-22',
  '2023-06-23',
  '2023-09-29',
  '2023-10-02',
  '2023-10-03',
  '2023-10-04',
  '2023-10-05',
  '2023-10-06',
  '2024-01-01',
  '2024-02-12',
  '2024-02-13',
  '2024-02-14',
  '2024-02-15',
  '2024-02-16',
  '2024-04-04',
  '2024-04-05',
  '2024-05-01',
  '2024-05-02',
  '2024-05-03',
  '2024-06-10',
  '2024-09-16',
  '2024-09-17',
  '2024-10-01',
  '2024-10-02',
  '2024-10-03',
  '2024-10-04',
  '2024-10-07',
]);

/**
 * Weekends that were official working days (调休上班) in 2023–2024: a deployment configures
 * them with the holidays, so a meal or trip on one of them is not flagged.
 */
const ADJUSTED_WORKDAYS = [
  '2023-01-28',
  '2023-01-29',
  '2023-04-23',
  '2023-05-06',
  '2023-06-25',
  '2023-10-07',
  '2023-10-08',
  '2024-02-04',
  '2024-02-18',
  '2024-04-07',
  '2024-04-28',
  '2024-05-11',
  '2024-09-14',
  '2024-09-29',
  '2024-10-12',
];

/** The county's working calendar for 2023–2024, as a deployment enters it (F01, F07). */
export function demoCalendar(): { holidays: string[]; workdays: string[] } {
  return { holidays: [...HOLIDAYS].sort(), workdays: [...ADJUSTED_WORKDAYS] };
}

/** Weekdays that are not statutory holidays (adjusted working weekends are ignored). */
export function isPlainWorkday(iso: string): boolean {
  const d = weekday(iso);
  return d !== 0 && d !== 6 && !HOLIDAYS.has(iso);
}

/** The next plain workday on or after `iso`. */
export function nextWorkday(iso: string): string {
  let day = iso;
  while (!isPlainWorkday(day)) day = addDays(day, 1);
  return day;
}

/** The first day of the data window every department exports (two full years). */
export const WINDOW_START = '2023-01-01';
/** The last day of the data window. */
export const WINDOW_END = '2024-12-31';
