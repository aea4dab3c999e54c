import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addMonths, addWorkingDays, daysBetween, isCalendarDate, isWorkingDay } from './calendar.js';
import { DEADLINE_STEP_LABELS } from './deadline-labels.js';
import {
  DEADLINE_STEPS,
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
  checkDeadlinePolicy,
  deadlineStatus,
  extendDeadline,
  overdueItems,
  remindersDue,
  startDeadline,
} from './deadlines.js';

// The 2026 Spring Festival as the State Council might publish it: a week off, two Saturdays worked.
const SPRING_FESTIVAL = {
  holidays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
  extraWorkingDays: ['2026-02-14', '2026-02-28'],
};
const policy: DeadlinePolicy = { ...DEFAULT_DEADLINE_POLICY, calendar: SPRING_FESTIVAL };

describe('calendar', () => {
  it('reads only real dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-2-1', '2026-02-28T00:00', ''])
      expect(isCalendarDate(bad)).toBe(false);
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('counts months to the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
  });

  it('skips weekends and holidays, and counts Saturdays made working days', () => {
    expect(isWorkingDay('2026-02-14', SPRING_FESTIVAL)).toBe(true); // a Saturday worked
    expect(isWorkingDay('2026-02-16', SPRING_FESTIVAL)).toBe(false); // a Monday off
    // From Friday 13 February: Sat 14 (worked), then the holiday week, Sat 21 and Sun 22, then Mon 23.
    expect(addWorkingDays('2026-02-13', 1, SPRING_FESTIVAL)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, SPRING_FESTIVAL)).toBe('2026-02-23');
    expect(addWorkingDays('2026-03-06', 5, { holidays: [], extraWorkingDays: [] })).toBe('2026-03-13');
  });

  it('never lands a working-day period on a day off, and never counts back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 60 }), (offset, days) => {
        const start = addCalendarDays('2025-06-01', offset);
        const due = addWorkingDays(start, days, SPRING_FESTIVAL);
        expect(isWorkingDay(due, SPRING_FESTIVAL)).toBe(true);
        expect(daysBetween(start, due)).toBeGreaterThanOrEqual(days);
        expect(addWorkingDays(start, days - 1, SPRING_FESTIVAL) < due).toBe(true);
      }),
    );
  });
});

describe('deadlines', () => {
  it('gives 15 working days for a reply to a letter of inquiry, holidays skipped', () => {
    const d = startDeadline('inquiry_reply', '2026-02-10', policy);
    // Working days: 11,12,13,14(Sat worked) = 4; 23–27 = 9; 28 (Sat worked) = 10; 2–6 March = 15.
    expect(d).toEqual({
      step: 'inquiry_reply',
      startedOn: '2026-02-10',
      dueOn: '2026-03-06',
      remindOn: ['2026-03-01', '2026-03-04'],
    });
  });

  it('gives 90 days of investigation, reminded 30, 15 and 7 days before', () => {
    const d = startDeadline('investigation', '2026-03-02', policy);
    expect(d.dueOn).toBe('2026-05-31');
    expect(d.remindOn).toEqual(['2026-05-01', '2026-05-16', '2026-05-24']);
  });

  it('extends a term (detention once by three months) and moves its reminders', () => {
    const d = startDeadline('detention', '2026-01-31', policy);
    expect(d.dueOn).toBe('2026-04-30');
    const longer = extendDeadline(d, { length: 3, unit: 'month', remindBefore: [] }, policy);
    expect(longer).toMatchObject({
      startedOn: '2026-01-31',
      dueOn: '2026-07-30',
      remindOn: ['2026-06-30', '2026-07-15', '2026-07-23'],
    });
  });

  it('says where a deadline stands on each day', () => {
    const d = startDeadline('trial', '2026-03-02', policy); // due 2 April, reminded 26 and 30 March
    expect(deadlineStatus(d, '2026-03-10')).toEqual({ state: 'running', daysLeft: 23, remindToday: false });
    expect(deadlineStatus(d, '2026-03-26')).toEqual({ state: 'reminding', daysLeft: 7, remindToday: true });
    expect(deadlineStatus(d, '2026-03-28')).toEqual({ state: 'reminding', daysLeft: 5, remindToday: false });
    expect(deadlineStatus(d, '2026-04-02')).toEqual({ state: 'due_today', daysLeft: 0, remindToday: false });
    expect(deadlineStatus(d, '2026-04-05')).toEqual({ state: 'overdue', daysLeft: -3, remindToday: false });
  });

  it('lists the overdue longest first, and whom to remind today', () => {
    const items = [
      { id: 'a', deadline: startDeadline('trial', '2026-01-05', policy) }, // due 5 Feb
      { id: 'b', deadline: startDeadline('trial', '2026-02-01', policy) }, // due 1 Mar
      { id: 'c', deadline: startDeadline('trial', '2026-03-01', policy) }, // due 1 Apr
      { id: 'd', deadline: null },
    ];
    expect(overdueItems(items, '2026-03-02').map((o) => [o.item.id, o.daysOverdue])).toEqual([
      ['a', 25],
      ['b', 1],
    ]);
    expect(overdueItems(items, '2026-03-01').map((o) => o.item.id)).toEqual(['a']);
    expect(remindersDue(items, '2026-03-25').map((i) => i.id)).toEqual(['c']);
  });

  it('never reminds before the clock starts', () => {
    const short: DeadlinePolicy = {
      ...policy,
      steps: { ...policy.steps, measure_approval: { length: 1, unit: 'working_day', remindBefore: [1, 5] } },
    };
    expect(startDeadline('measure_approval', '2026-03-02', short).remindOn).toEqual([]);
  });

  it('checks a deployment policy and lists every problem at once', () => {
    expect(checkDeadlinePolicy(DEFAULT_DEADLINE_POLICY)).toEqual([]);
    const broken: DeadlinePolicy = {
      calendar: { holidays: ['2026-02-30'], extraWorkingDays: [] },
      steps: {
        ...policy.steps,
        trial: { length: 0, unit: 'month', remindBefore: [0] },
        decision: { length: 1.5, unit: 'calendar_day', remindBefore: [] },
      },
    };
    expect(checkDeadlinePolicy(broken).map((p) => p.en)).toEqual([
      'trial: the length must be a whole number from 1 to 120',
      'trial: reminders must be whole days from 1 to 366',
      'decision: the length must be a whole number from 1 to 3650',
      'Not a date in the calendar: 2026-02-30',
    ]);
  });

  it('has words for every step', () => {
    for (const step of DEADLINE_STEPS)
      expect(DEADLINE_STEP_LABELS[step].zh && DEADLINE_STEP_LABELS[step].en).toBeTruthy();
  });
});
