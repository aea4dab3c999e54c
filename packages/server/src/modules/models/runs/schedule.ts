import { ValidationError } from '../../../http/errors.js';

/**
 * A minimal cron: '@hourly', '@daily', '@weekly', '@monthly', '@yearly', or five fields
 * (minute hour day-of-month month day-of-week) each '*', a number, a range 'a-b', a list
 * 'a,b' or a step '*\/n' / 'a-b/n'. Day-of-week 0 or 7 is Sunday. As in classic cron, when
 * both day fields are restricted a day matching either one fires. Times are the server's
 * local time (the deployment's time zone, Asia/Shanghai in China).
 */
export interface Schedule {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly days: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly weekdays: ReadonlySet<number>;
  readonly daysRestricted: boolean;
  readonly weekdaysRestricted: boolean;
}

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

function parseField(text: string, min: number, max: number): Set<number> | null {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return null;
    const from = match[1] === '*' ? min : Number(match[2]);
    const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) return null;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

/** Parses a schedule; a malformed one is a 400 naming `field`. */
export function parseSchedule(expression: string, field = 'schedule'): Schedule {
  const text = MACROS[expression.trim().toLowerCase()] ?? expression.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 5) {
    throw new ValidationError(`${field}: use @daily, @monthly… or five cron fields, not "${expression}"`, field);
  }
  const sets = parts.map((part, i) => {
    const def = FIELDS[i] as (typeof FIELDS)[number];
    const set = parseField(part, def.min, def.max);
    if (!set) throw new ValidationError(`${field}: bad ${def.name} "${part}"`, field);
    return set;
  }) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const weekdays = sets[4];
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minutes: sets[0],
    hours: sets[1],
    days: sets[2],
    months: sets[3],
    weekdays,
    daysRestricted: parts[2] !== '*',
    weekdaysRestricted: parts[4] !== '*',
  };
}

function dayMatches(s: Schedule, d: Date): boolean {
  const byDay = s.days.has(d.getDate());
  const byWeekday = s.weekdays.has(d.getDay());
  if (s.daysRestricted && s.weekdaysRestricted) return byDay || byWeekday;
  return byDay && byWeekday;
}

/**
 * The first minute strictly after `after` that the schedule fires at, or null when none
 * does within five years (e.g. 31 February). Skips whole months, days and hours that
 * cannot match, so even a yearly schedule is found in a few hundred steps.
 */
export function nextOccurrence(schedule: Schedule, after: Date): Date | null {
  const t = new Date(after.getTime());
  t.setSeconds(0, 0);
  t.setMinutes(t.getMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() <= limit) {
    if (!schedule.months.has(t.getMonth() + 1)) {
      t.setMonth(t.getMonth() + 1, 1);
      t.setHours(0, 0, 0, 0);
    } else if (!dayMatches(schedule, t)) {
      t.setDate(t.getDate() + 1);
      t.setHours(0, 0, 0, 0);
    } else if (!schedule.hours.has(t.getHours())) {
      t.setHours(t.getHours() + 1, 0, 0, 0);
    } else if (!schedule.minutes.has(t.getMinutes())) {
      t.setMinutes(t.getMinutes() + 1, 0, 0);
    } else {
      return t;
    }
  }
  return null;
}

/** Whether the schedule fired at least once in (since, now]. */
export function isDue(schedule: Schedule, since: Date, now: Date): boolean {
  const next = nextOccurrence(schedule, since);
  return next !== null && next.getTime() <= now.getTime();
}
