import type { LocalisedText } from '../standard/result.js';
import {
  type WorkingCalendar,
  WEEKENDS_ONLY,
  addCalendarDays,
  addMonths,
  addWorkingDays,
  daysBetween,
  isCalendarDate,
} from './calendar.js';

/** Every step of the procedure that runs against a clock. */
export const DEADLINE_STEPS = [
  'clue_registration',
  'clue_triage',
  'disposal_approval',
  'inquiry_reply',
  'inquiry_conclusion',
  'verification_plan',
  'plan_approval',
  'preliminary_verification',
  'report_approval',
  'held_review',
  'filing_approval',
  'investigation_plan',
  'investigation',
  'supplementary_investigation',
  'measure_approval',
  'detention',
  'freezing',
  'trial_acceptance',
  'trial',
  'decision',
  'case_closing',
] as const;

export type DeadlineStep = (typeof DEADLINE_STEPS)[number];

export type DeadlineUnit = 'calendar_day' | 'working_day' | 'month';

export interface DeadlineRule {
  readonly length: number;
  readonly unit: DeadlineUnit;
  /** Calendar days before the due date on which the person responsible is reminded. */
  readonly remindBefore: readonly number[];
}

export interface DeadlinePolicy {
  readonly steps: Readonly<Record<DeadlineStep, DeadlineRule>>;
  readonly calendar: WorkingCalendar;
}

const wd = (length: number, remindBefore: number[] = [2]): DeadlineRule => ({
  length,
  unit: 'working_day',
  remindBefore,
});
const cd = (length: number, remindBefore: number[] = [7, 1]): DeadlineRule => ({
  length,
  unit: 'calendar_day',
  remindBefore,
});
const mo = (length: number, remindBefore: number[] = [15, 3]): DeadlineRule => ({
  length,
  unit: 'month',
  remindBefore,
});

/**
 * Defaults taken from common practice under the commission's supervision and discipline
 * rules and the Supervision Law's regulations: a reply to a letter of inquiry within 15
 * working days, review and investigation within 90 days, detention and freezing within
 * their statutory terms, a trial review within a month. Where the rules set no term
 * (triage, approvals, plans) the figure is a working habit, and every deployment sets its own.
 */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  calendar: WEEKENDS_ONLY,
  steps: {
    clue_registration: wd(5),
    clue_triage: cd(30),
    disposal_approval: wd(7),
    inquiry_reply: wd(15, [5, 2]),
    inquiry_conclusion: cd(30),
    verification_plan: wd(10),
    plan_approval: wd(5),
    preliminary_verification: mo(3),
    report_approval: wd(7),
    held_review: mo(6, [30]),
    filing_approval: wd(7),
    investigation_plan: wd(10),
    investigation: cd(90, [30, 15, 7]),
    supplementary_investigation: mo(1, [7, 3]),
    measure_approval: wd(3, [1]),
    detention: mo(3, [30, 15, 7]),
    freezing: mo(6, [30, 15]),
    trial_acceptance: wd(7),
    trial: mo(1, [7, 3]),
    decision: cd(30),
    case_closing: cd(30),
  },
};

/**
 * Checks a deployment's policy, listing every problem at once: lengths are whole numbers
 * from 1 to 3650 days (or 120 months), reminders fall inside the period, calendar entries
 * are real dates.
 */
export function checkDeadlinePolicy(policy: DeadlinePolicy): LocalisedText[] {
  const problems: LocalisedText[] = [];
  for (const step of DEADLINE_STEPS) {
    const rule = policy.steps[step];
    const max = rule.unit === 'month' ? 120 : 3650;
    if (!Number.isInteger(rule.length) || rule.length < 1 || rule.length > max) {
      problems.push({
        zh: `${step}：期限须为1至${max}的整数`,
        en: `${step}: the length must be a whole number from 1 to ${max}`,
      });
    }
    if (rule.remindBefore.some((d) => !Number.isInteger(d) || d < 1 || d > 366)) {
      problems.push({
        zh: `${step}：提前提醒天数须为1至366的整数`,
        en: `${step}: reminders must be whole days from 1 to 366`,
      });
    }
  }
  for (const date of [...policy.calendar.holidays, ...policy.calendar.extraWorkingDays]) {
    if (!isCalendarDate(date))
      problems.push({ zh: `日历中的日期无效：${date}`, en: `Not a date in the calendar: ${date}` });
  }
  return problems;
}

/** A clock that is running: what it is for, from when, until when, and when to remind. */
export interface RunningDeadline {
  readonly step: DeadlineStep;
  readonly startedOn: string;
  readonly dueOn: string;
  /** Reminder dates, earliest first, none before the start. */
  readonly remindOn: readonly string[];
}

/** The due date of a period of `rule` starting on `startedOn`. */
export function dueDate(startedOn: string, rule: DeadlineRule, calendar: WorkingCalendar): string {
  switch (rule.unit) {
    case 'calendar_day':
      return addCalendarDays(startedOn, rule.length);
    case 'working_day':
      return addWorkingDays(startedOn, rule.length, calendar);
    case 'month':
      return addMonths(startedOn, rule.length);
  }
}

/** Starts the clock of `step` on `startedOn` (a `YYYY-MM-DD` date). */
export function startDeadline(step: DeadlineStep, startedOn: string, policy: DeadlinePolicy): RunningDeadline {
  const rule = policy.steps[step];
  const dueOn = dueDate(startedOn, rule, policy.calendar);
  const remindOn = [...new Set(rule.remindBefore)]
    .map((d) => addCalendarDays(dueOn, -d))
    .filter((d) => daysBetween(startedOn, d) > 0)
    .sort();
  return { step, startedOn, dueOn, remindOn };
}

/**
 * Moves a running deadline's due date by an approved extension (审查调查 extended once by
 * up to 90 days, detention once by up to three months); reminders follow the new date.
 */
export function extendDeadline(deadline: RunningDeadline, by: DeadlineRule, policy: DeadlinePolicy): RunningDeadline {
  const dueOn = dueDate(deadline.dueOn, by, policy.calendar);
  const remindOn = [...new Set(policy.steps[deadline.step].remindBefore)]
    .map((d) => addCalendarDays(dueOn, -d))
    .filter((d) => daysBetween(deadline.startedOn, d) > 0)
    .sort();
  return { ...deadline, dueOn, remindOn };
}

export type DeadlineState = 'running' | 'reminding' | 'due_today' | 'overdue';

export interface DeadlineStatus {
  readonly state: DeadlineState;
  /** Days until the due date; negative once overdue. */
  readonly daysLeft: number;
  /** The reminder that fell on `today`, if any: the day to send one. */
  readonly remindToday: boolean;
}

/** Where a deadline stands on `today`. Reminding begins on the first reminder date. */
export function deadlineStatus(deadline: RunningDeadline, today: string): DeadlineStatus {
  const daysLeft = daysBetween(today, deadline.dueOn);
  const remindToday = deadline.remindOn.includes(today);
  const first = deadline.remindOn[0];
  const state: DeadlineState =
    daysLeft < 0
      ? 'overdue'
      : daysLeft === 0
        ? 'due_today'
        : first !== undefined && daysBetween(first, today) >= 0
          ? 'reminding'
          : 'running';
  return { state, daysLeft, remindToday };
}

/** The items whose deadline has passed on `today`, longest overdue first: the overdue list. */
export function overdueItems<T extends { readonly deadline: RunningDeadline | null }>(
  items: readonly T[],
  today: string,
): { item: T; daysOverdue: number }[] {
  return items
    .flatMap((item) => {
      if (!item.deadline) return [];
      const daysOverdue = daysBetween(item.deadline.dueOn, today);
      return daysOverdue > 0 ? [{ item, daysOverdue }] : [];
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/** The items whose reminder falls on `today`: whom to notify this morning. */
export function remindersDue<T extends { readonly deadline: RunningDeadline | null }>(
  items: readonly T[],
  today: string,
): T[] {
  return items.filter((item) => item.deadline?.remindOn.includes(today) ?? false);
}
