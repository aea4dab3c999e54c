import type { CaseAction } from '@qingfeng/core';
import type { CaseStepCommitted } from '../cases/index.js';
import { caseAwaitsApproval, whoMayApproveCase } from './case-duty.js';
import type { NotificationServices } from './notification-services.js';
import { NotificationsRepository } from './notifications.repository.js';
import { deliver } from './notify.service.js';
import { loadStaff, mayRead } from './staff.js';

/** The steps that name people to work on a case, and where the record keeps whom they named. */
const ASSIGNING: Partial<Record<CaseAction, 'investigatorIds' | 'trialReviewerIds'>> = {
  approve_filing: 'investigatorIds',
  accept_for_trial: 'trialReviewerIds',
};

/**
 * Steps after which an approval waits though the case's state did not change: the case
 * itself proposed for filing (its first step, announced as `propose`), a measure proposed.
 */
const PROPOSING_IN_PLACE: readonly string[] = ['propose', 'propose_measure'];

/**
 * A committed case step tells the people responsible for what comes next: those it named
 * (investigators on filing, the trial office's reviewers on acceptance) of their new
 * assignment, and, when it leaves something awaiting approval, every leader of the case's
 * jurisdiction the core would let give it (never whoever proposed it, nor who took the
 * step). Every recipient must still read cases in that jurisdiction; a recused person hears
 * nothing.
 */
export async function notifyCaseStepped(services: NotificationServices, event: CaseStepCommitted): Promise<void> {
  const found = await new NotificationsRepository(services.database.db).findCaseFacts(event.caseId);
  if (!found) return;
  const { record } = event;
  const staff = (await loadStaff(services)).filter(
    (m) => mayRead(m, 'case', found.division_code) && !record.recusedIds.includes(String(m.id)),
  );
  const notice = {
    subjectType: 'case' as const,
    subjectId: found.id,
    divisionCode: found.division_code,
    params: { title: found.title, number: found.case_number, state: record.state },
  };
  const named = ASSIGNING[event.action as CaseAction];
  if (named) {
    const ids = new Set(record[named]);
    const assigned = staff.filter((m) => ids.has(String(m.id)) && m.id !== event.actorUserId);
    await deliver(
      services,
      { ...notice, kind: 'assigned' },
      assigned.map((m) => m.id),
    );
  }
  const newlyWaiting = event.fromState !== record.state || PROPOSING_IN_PLACE.includes(event.action);
  if (newlyWaiting && caseAwaitsApproval(record)) {
    const approvers = whoMayApproveCase(staff, record, found.division_code).filter(
      (m) => m.id !== event.actorUserId && String(m.id) !== record.proposedBy,
    );
    await deliver(
      services,
      { ...notice, kind: 'approval_waiting' },
      approvers.map((m) => m.id),
    );
  }
}
