import {
  type CaseRecord,
  type ClueRecord,
  type RunningDeadline,
  DEADLINE_STEPS,
  DEFAULT_DEADLINE_POLICY,
  addCalendarDays,
  deadlineStatus,
} from '@qingfeng/core';
import { commissionDate } from '../clues/index.js';
import { whoMustActOnCase } from './case-duty.js';
import { whoMustAct } from './clue-duty.js';
import { type Notice, deliver } from './notify.service.js';
import type { NotificationServices } from './notification-services.js';
import { NotificationsRepository } from './notifications.repository.js';
import { loadStaff } from './staff.js';

/** The earliest a reminder can fall before its due date, over every step's rule. */
const LONGEST_LEAD = Math.max(...DEADLINE_STEPS.flatMap((s) => DEFAULT_DEADLINE_POLICY.steps[s].remindBefore));

/**
 * What a running deadline calls for on `today`: the reminder whose date has come (the
 * latest, when the server was down over several) or, once the due date has passed, the
 * overdue notice. The occasion names the deadline by its step and start, so an extended
 * or restarted clock reminds again, and the same one never twice.
 */
export function deadlineNotice(
  matter: { type: 'clue' | 'case'; id: number; title: string; number: string | null; divisionCode: string },
  deadline: RunningDeadline | null,
  today: string,
): Notice | null {
  if (!deadline) return null;
  const status = deadlineStatus(deadline, today);
  const base = { subjectType: matter.type, subjectId: matter.id, divisionCode: matter.divisionCode };
  const params = { title: matter.title, number: matter.number, step: deadline.step, dueOn: deadline.dueOn };
  const clock = `${matter.type}:${matter.id}:${deadline.step}:${deadline.startedOn}`;
  if (status.state === 'overdue') {
    return { ...base, kind: 'overdue', params, occasion: `${clock}:overdue:${deadline.dueOn}` };
  }
  const reminder = deadline.remindOn.filter((d) => d <= today).at(-1);
  if (reminder === undefined) return null;
  return {
    ...base,
    kind: 'deadline_close',
    params: { ...params, daysLeft: status.daysLeft },
    occasion: `${clock}:remind:${reminder}`,
  };
}

/**
 * One pass over the clues and cases with a deadline near or past: each reminder and overdue
 * notice goes to the people who must act on the matter now, once (the occasion's unique index
 * keeps a second pass, or one after a restart, from sending it again). Returns how many
 * notifications it wrote.
 */
export async function sweepDeadlines(services: NotificationServices): Promise<number> {
  const today = commissionDate(services.clock.now());
  const until = addCalendarDays(today, LONGEST_LEAD);
  const repository = new NotificationsRepository(services.database.db);
  const [clues, cases] = await Promise.all([repository.findCluesDueBy(until), repository.findCasesDueBy(until)]);
  if (clues.length === 0 && cases.length === 0) return 0;
  const staff = await loadStaff(services);
  let written = 0;
  for (const clue of clues) {
    const record = clue.record as ClueRecord;
    const matter = { type: 'clue' as const, id: clue.id, title: clue.title, number: clue.registration_number };
    const notice = deadlineNotice({ ...matter, divisionCode: clue.division_code }, record.deadline, today);
    if (!notice) continue;
    const holder = { responsibleUserId: clue.responsible_user_id, responsibleOrgId: clue.responsible_org_id };
    const recipients = whoMustAct(staff, record, clue.division_code, holder);
    written += await deliver(
      services,
      notice,
      recipients.map((m) => m.id),
    );
  }
  for (const found of cases) {
    const record = found.record as CaseRecord;
    const matter = { type: 'case' as const, id: found.id, title: found.title, number: found.case_number };
    const notice = deadlineNotice({ ...matter, divisionCode: found.division_code }, record.deadline, today);
    if (!notice) continue;
    const recipients = whoMustActOnCase(staff, record, found.division_code);
    written += await deliver(
      services,
      notice,
      recipients.map((m) => m.id),
    );
  }
  return written;
}

/**
 * Runs the sweep at start and then every `intervalMs` (15 minutes by default) until
 * stopped: one pass at a time, a failed pass a process warning, the timer never keeping
 * the process alive. `stop` waits for a pass in progress, so the stores close after it.
 */
export class DeadlineSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly services: NotificationServices,
    private readonly intervalMs = 15 * 60_000,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = sweepDeadlines(this.services)
      .then(() => undefined)
      .catch((error: unknown) => process.emitWarning(`deadline reminders: ${String(error)}`))
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.intervalMs).unref();
      });
  }
}
