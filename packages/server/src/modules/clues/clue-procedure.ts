import {
  CLUE_ACTION_LABELS,
  CLUE_MACHINE,
  type ClueAction,
  type ClueRecord,
  type LocalisedText,
  type Permission,
  type ProcedureActor,
  type Role,
  actionsFrom,
} from '@qingfeng/core';

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

/** Who handles clues (DEFAULT_ROLE_PERMISSIONS give them clue.handle or a leader's approvals): who sits on a triage, who a clue can be given to. */
export const HANDLING_ROLES: readonly Role[] = [
  'case_management',
  'letters_visits',
  'supervision',
  'investigation',
  'leader',
];

/** The signed-in user as the procedure sees them. */
export function procedureActor(userId: number, role: Role, permissions: ReadonlySet<Permission>): ProcedureActor {
  return { id: String(userId), roles: [role], permissions: [...permissions] };
}

/**
 * The steps `actor` may take on `record` now, as the core's rules say: allowed from its
 * state, with the permission and role the rule names, not recused, and not approving their
 * own proposal. What the payload must hold is checked when the step is taken.
 */
export function allowedClueActions(
  record: ClueRecord,
  actor: ProcedureActor,
): { action: ClueAction; label: LocalisedText }[] {
  return actionsFrom(CLUE_MACHINE, record.state)
    .filter((action) => {
      const rule = CLUE_MACHINE.rules[action];
      if (!actor.permissions.includes(rule.permission)) return false;
      if (rule.roles && !rule.roles.some((r) => actor.roles.includes(r))) return false;
      if (record.recusedIds.includes(actor.id)) return false;
      return !(rule.independence.includes('not_proposer') && record.proposedBy === actor.id);
    })
    .map((action) => ({ action, label: CLUE_ACTION_LABELS[action] }));
}

/**
 * The `{org}` of a registration number: the commission's name without its standard suffix,
 * and 纪 (县纪线〔2026〕0001 for a county's commission).
 */
export function numberingAbbreviation(orgName: string): string {
  const stem = orgName.replace(/(纪委监委|纪律检查委员会.*|监察委员会)$/u, '');
  return `${stem}纪`;
}
