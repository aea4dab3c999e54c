import { type NotificationKind, type NotificationParams, maskPersonalDataInText } from '@qingfeng/core';
import type { ClueAssigned, ClueStepCommitted } from '../clues/index.js';
import type { WarningNotice } from '../warnings/index.js';
import { awaitsApproval, whoMustAct } from './clue-duty.js';
import type { NotificationServices } from './notification-services.js';
import { type NewNotification, NotificationsRepository } from './notifications.repository.js';
import { loadStaff, mayRead } from './staff.js';

/** One notice to several people. */
export interface Notice {
  kind: NotificationKind;
  subjectType: 'clue' | 'case' | 'warning';
  subjectId: number;
  divisionCode: string;
  params: NotificationParams;
  /** Set for notices that must go once only (a deadline's reminder step). */
  occasion?: string;
}

/** Stores `notice` for each recipient (once per occasion) and pushes the new rows to their open consoles. */
export async function deliver(
  services: NotificationServices,
  notice: Notice,
  recipients: readonly number[],
): Promise<number> {
  const at = services.clock.now();
  const rows: NewNotification[] = [...new Set(recipients)].map((id) => ({
    recipient_user_id: id,
    kind: notice.kind,
    subject_type: notice.subjectType,
    subject_id: notice.subjectId,
    division_code: notice.divisionCode,
    params: notice.params,
    occasion: notice.occasion ?? null,
    created_at: at,
  }));
  const written = await new NotificationsRepository(services.database.db).insertMany(rows);
  services.notificationFeed.publish(written);
  return written.length;
}

/** A clue's new holder hears of it: the person, or every handler of the office when no one person holds it. */
export async function notifyClueAssigned(services: NotificationServices, event: ClueAssigned): Promise<void> {
  const clue = await new NotificationsRepository(services.database.db).findClueFacts(event.clueId);
  if (!clue) return;
  const staff = (await loadStaff(services)).filter((m) => mayRead(m, 'clue', clue.division_code));
  const recipients =
    event.responsibleUserId !== null
      ? staff.filter((m) => m.id === event.responsibleUserId)
      : staff.filter((m) => m.orgId === event.responsibleOrgId && m.permissions.has('clue.handle'));
  await deliver(
    services,
    {
      kind: 'assigned',
      subjectType: 'clue',
      subjectId: clue.id,
      divisionCode: clue.division_code,
      params: { title: clue.title, number: clue.registration_number },
    },
    recipients.map((m) => m.id),
  );
}

/** A step that leaves a clue awaiting approval tells every leader of its jurisdiction who may give it. */
export async function notifyClueStepped(services: NotificationServices, event: ClueStepCommitted): Promise<void> {
  if (!awaitsApproval(event.record.state)) return;
  const clue = await new NotificationsRepository(services.database.db).findClueFacts(event.clueId);
  if (!clue) return;
  const holder = { responsibleUserId: clue.responsible_user_id, responsibleOrgId: clue.responsible_org_id };
  const approvers = whoMustAct(await loadStaff(services), event.record, clue.division_code, holder).filter(
    (m) => m.id !== event.actorUserId,
  );
  await deliver(
    services,
    {
      kind: 'approval_waiting',
      subjectType: 'clue',
      subjectId: clue.id,
      divisionCode: clue.division_code,
      params: { title: clue.title, number: clue.registration_number, state: event.record.state },
    },
    approvers.map((m) => m.id),
  );
}

/** Each new red warning goes to every user of its jurisdiction who may read warnings, masked as in the list. */
export async function notifyRedWarnings(
  services: NotificationServices,
  notices: readonly WarningNotice[],
): Promise<void> {
  const red = notices.filter((n) => n.severity === 'red' && n.divisionCode !== null);
  if (red.length === 0) return;
  const staff = await loadStaff(services);
  for (const warning of red) {
    const division = warning.divisionCode!;
    await deliver(
      services,
      {
        kind: 'red_warning',
        subjectType: 'warning',
        subjectId: warning.id,
        divisionCode: division,
        params: {
          modelId: warning.modelId,
          explanation: {
            zh: maskPersonalDataInText(warning.explanationZh),
            en: maskPersonalDataInText(warning.explanationEn),
          },
        },
      },
      staff.filter((m) => mayRead(m, 'warning', division)).map((m) => m.id),
    );
  }
}

/**
 * The follower of the warnings' live feed: the notices one run publishes together are
 * gathered and written as one background task, after the feed's synchronous publish.
 */
export function followNewWarnings(services: NotificationServices): (notice: WarningNotice) => void {
  let pending: WarningNotice[] = [];
  return (notice) => {
    if (notice.severity !== 'red') return;
    pending.push(notice);
    if (pending.length > 1) return;
    services.background.start('Red warning notifications', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const batch = pending;
      pending = [];
      await notifyRedWarnings(services, batch);
    });
  };
}
