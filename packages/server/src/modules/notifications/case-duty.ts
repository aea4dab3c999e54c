import {
  CASE_ACTION_LABELS,
  CASE_MACHINE,
  type CaseAction,
  type CaseRecord,
  type CaseState,
  type Role,
  actionsFrom,
} from '@qingfeng/core';
import { allowedSteps, procedureActor } from '../clues/index.js';
import type { StaffMember } from './staff.js';

const rule = (action: CaseAction) => CASE_MACHINE.rules[action];

/** A measure's decision is a task only while one awaits it; the other steps that leave the case where it stands never are. */
const MEASURE_DECISIONS: readonly CaseAction[] = ['approve_measure', 'reject_measure'];

const isTask = (action: CaseAction, record: CaseRecord) =>
  MEASURE_DECISIONS.includes(action)
    ? record.measures.some((m) => m.status === 'awaiting_approval')
    : rule(action).to !== 'same';

/** The roles that act on a case in `state` by office (a leader's approvals, the trial office, case management's closing). */
export function casePooledRoles(state: CaseState): Role[] {
  return [...new Set(actionsFrom(CASE_MACHINE, state).flatMap((a) => rule(a).roles ?? []))];
}

/** The states in which some step of a case is pooled to `role`. */
export function caseStatesPooledTo(role: Role): CaseState[] {
  return CASE_MACHINE.states.filter((s) => casePooledRoles(s).includes(role));
}

/** Whether a case in `state` (with its measures) waits for someone to approve what another proposed. */
export function caseAwaitsApproval(record: CaseRecord): boolean {
  return actionsFrom(CASE_MACHINE, record.state).some(
    (a) => rule(a).independence.includes('not_proposer') && isTask(a, record),
  );
}

/**
 * The steps `member` must take on the case now, as the core decides: those it allows them
 * (its rules already keep investigation steps to the case's investigators and the trial to
 * others) that move the case on, or decide a measure awaiting approval.
 */
export function caseDutiesOn(record: CaseRecord, member: StaffMember) {
  const actor = procedureActor(member.id, member.role, member.permissions);
  return allowedSteps(CASE_MACHINE, CASE_ACTION_LABELS, record, actor).filter(({ action }) => isTask(action, record));
}

/** The staff of the case's jurisdiction who must act on it now. */
export function whoMustActOnCase(
  staff: readonly StaffMember[],
  record: CaseRecord,
  divisionCode: string,
): StaffMember[] {
  return staff.filter(
    (m) =>
      m.permissions.has('case.read') &&
      divisionCode.startsWith(m.jurisdictionPrefix) &&
      caseDutiesOn(record, m).length > 0,
  );
}

/** The staff of the case's jurisdiction who may now approve what another proposed (the core decides who). */
export function whoMayApproveCase(
  staff: readonly StaffMember[],
  record: CaseRecord,
  divisionCode: string,
): StaffMember[] {
  return whoMustActOnCase(staff, record, divisionCode).filter((m) =>
    caseDutiesOn(record, m).some(({ action }) => rule(action).independence.includes('not_proposer')),
  );
}
