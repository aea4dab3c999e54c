import { CLUE_MACHINE, type ClueAction, type ClueRecord, type ClueState, type Role, actionsFrom } from '@qingfeng/core';
import { allowedClueActions, procedureActor } from '../clues/index.js';
import type { StaffMember } from './staff.js';

const rule = (action: ClueAction) => CLUE_MACHINE.rules[action];

/**
 * Steps someone may choose to take that no one waits for: merging a clue into another
 * (linking a related one does not even move it). Never a task, never a notice.
 */
const OPTIONAL_STEPS: readonly ClueAction[] = ['merge_into'];

/** The steps that move a clue on as the procedure expects. */
const movesOn = (action: ClueAction) => rule(action).to !== 'same' && !OPTIONAL_STEPS.includes(action);

/**
 * The roles that act on a clue in `state` by office, whoever holds it: registration and
 * merging by case management, approvals by leaders. Every other step belongs to the person
 * (or office) responsible for the clue.
 */
export function pooledRoles(state: ClueState): Role[] {
  return [...new Set(actionsFrom(CLUE_MACHINE, state).flatMap((a) => (movesOn(a) ? (rule(a).roles ?? []) : [])))];
}

/** Whether a clue in `state` waits for someone to approve what another proposed (four eyes). */
export function awaitsApproval(state: ClueState): boolean {
  return actionsFrom(CLUE_MACHINE, state).some((a) => rule(a).independence.includes('not_proposer'));
}

/** The states in which some step is pooled to `role`: where the inbox looks beyond the person's own clues. */
export function statesPooledTo(role: Role): ClueState[] {
  return CLUE_MACHINE.states.filter((s) => pooledRoles(s).includes(role));
}

/** Who holds a clue: a person, or an office when no one person does. */
export interface ClueHolder {
  responsibleUserId: number | null;
  responsibleOrgId: number | null;
}

export const holds = (member: Pick<StaffMember, 'id' | 'orgId'>, holder: ClueHolder) =>
  holder.responsibleUserId !== null
    ? holder.responsibleUserId === member.id
    : holder.responsibleOrgId !== null && holder.responsibleOrgId === member.orgId;

/**
 * The steps `member` must take on the clue now, as the core decides: those it allows them
 * that move the clue on, pooled to their role or theirs because they hold the clue.
 */
export function dutiesOn(record: ClueRecord, member: StaffMember, holder: ClueHolder) {
  const mine = holds(member, holder);
  return allowedClueActions(record, procedureActor(member.id, member.role, member.permissions)).filter(
    ({ action }) => movesOn(action) && (mine || rule(action).roles !== undefined),
  );
}

/** The staff of the clue's jurisdiction who must act on it now. */
export function whoMustAct(
  staff: readonly StaffMember[],
  record: ClueRecord,
  divisionCode: string,
  holder: ClueHolder,
): StaffMember[] {
  return staff.filter(
    (m) =>
      m.permissions.has('clue.read') &&
      divisionCode.startsWith(m.jurisdictionPrefix) &&
      dutiesOn(record, m, holder).length > 0,
  );
}
