import {
  CLUE_ACTION_LABELS,
  CLUE_MACHINE,
  type ClueAction,
  type ClueRecord,
  type LocalisedText,
  type Permission,
  type ProcedureMachine,
  type ProcedureRecordBase,
  type Rejection,
  type ProcedureActor,
  type Role,
  actionsFrom,
} from '@qingfeng/core';
import { StepRefusedError } from '../../http/errors.js';

/** The commission's offset: the core dates every clock by the local calendar day. */
const OFFSET_MS = 8 * 3_600_000;

/** `at` as the core wants it: an ISO 8601 instant written in UTC+8 (`2026-03-02T09:30:00+08:00`). */
export function commissionTime(at: Date): string {
  return `${new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The commission's calendar date of `at` (YYYY-MM-DD). */
export function commissionDate(at: Date): string {
  return commissionTime(at).slice(0, 10);
}

/** The signed-in user as the procedure sees them. */
export function procedureActor(userId: number, role: Role, permissions: ReadonlySet<Permission>): ProcedureActor {
  return { id: String(userId), roles: [role], permissions: [...permissions] };
}

/**
 * The steps `actor` may take on `record` now, as `machine`'s rules say: allowed from its
 * state, with the permission and role the rule names, not recused, not approving their own
 * proposal, inside or outside the investigation as the rule wants. What the payload must
 * hold is checked when the step is taken. Clues and cases share it.
 */
export function allowedSteps<S extends string, P extends object, R extends ProcedureRecordBase<S>>(
  machine: ProcedureMachine<S, P, R>,
  labels: Readonly<Record<keyof P & string, LocalisedText>>,
  record: R,
  actor: ProcedureActor,
): { action: keyof P & string; label: LocalisedText }[] {
  return actionsFrom(machine, record.state)
    .filter((action) => {
      const rule = machine.rules[action];
      if (!actor.permissions.includes(rule.permission)) return false;
      if (rule.roles && !rule.roles.some((r) => actor.roles.includes(r))) return false;
      if (record.recusedIds.includes(actor.id)) return false;
      const investigator = record.investigatorIds.includes(actor.id);
      if (rule.independence.includes('investigator') && !investigator) return false;
      if (rule.independence.includes('not_investigator') && investigator) return false;
      return !(rule.independence.includes('not_proposer') && record.proposedBy === actor.id);
    })
    .map((action) => ({ action, label: labels[action] }));
}

/** The steps `actor` may take on a clue now. */
export function allowedClueActions(
  record: ClueRecord,
  actor: ProcedureActor,
): { action: ClueAction; label: LocalisedText }[] {
  return allowedSteps(CLUE_MACHINE, CLUE_ACTION_LABELS, record, actor);
}

/** The core's refusal of a step as the API answers it: 409 when the state does not allow it, else 422. */
export function stepRefused(rejection: Rejection): StepRefusedError {
  return new StepRefusedError(rejection.code === 'not_allowed_in_state' ? 409 : 422, rejection.code, rejection.reason);
}

/**
 * The `{org}` of a registration number: the commission's name without its standard suffix,
 * and 纪 (县纪线〔2026〕0001 for a county's commission).
 */
export function numberingAbbreviation(orgName: string): string {
  const stem = orgName.replace(/(纪委监委|纪律检查委员会.*|监察委员会)$/u, '');
  return `${stem}纪`;
}
