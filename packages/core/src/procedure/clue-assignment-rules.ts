import { OPEN_CLUE_STATES, type ClueRecord, type ClueRule } from './clue-types.js';
import { recusePerson } from './engine.js';
import { LEADER, bad, text } from './checks.js';

/**
 * The person recused from the clue; if they were responsible for it, nobody is until it is
 * reassigned, since a recused person can take no step. Used by `recuse_person` and by the
 * server when kinship data shows a conflict nobody declared.
 */
export function recuseFromClue(record: ClueRecord, personId: string): ClueRecord {
  const recused = recusePerson<ClueRecord['state'], ClueRecord>(record, personId);
  return recused.responsibleId === personId ? { ...recused, responsibleId: null } : recused;
}

// Case management hands out the work it registers; a leader may move it too.
const reassign: ClueRule<'reassign'> = {
  from: OPEN_CLUE_STATES,
  to: 'same',
  permission: 'clue.read',
  roles: ['case_management', 'leader'],
  independence: [],
  requires: ['reason'],
  check: (r, p) =>
    !text(p.responsibleId, 100)
      ? bad('须指明承办人', 'Name the person responsible')
      : r.recusedIds.includes(p.responsibleId)
        ? bad('回避人员不能承办该线索', 'A recused person cannot be made responsible for the clue')
        : p.responsibleId === r.responsibleId
          ? bad('该人员已是承办人', 'That person is already responsible for the clue')
          : null,
  apply: (r, p) => ({ ...r, responsibleId: p.responsibleId }),
};

// Anyone working on the clue may say they have a conflict of interest; from then on they cannot act.
const declareConflict: ClueRule<'declare_conflict'> = {
  from: OPEN_CLUE_STATES,
  to: 'same',
  permission: 'clue.read',
  independence: [],
  requires: ['reason'],
  apply: (r, _p, actor) => recuseFromClue(r, actor.id),
};

// A leader recuses someone else, on a conflict learnt of otherwise.
const recusePersonRule: ClueRule<'recuse_person'> = {
  from: OPEN_CLUE_STATES,
  to: 'same',
  permission: 'clue.read',
  roles: LEADER,
  independence: [],
  requires: ['reason'],
  check: (r, p) =>
    !text(p.personId, 100)
      ? bad('须指明回避人员', 'Name the person to recuse')
      : r.recusedIds.includes(p.personId)
        ? bad('该人员已回避', 'That person is already recused')
        : null,
  apply: (r, p) => recuseFromClue(r, p.personId),
};

/** Who handles the clue, and who may not: steps that never move it. */
export const CLUE_ASSIGNMENT_RULES = {
  reassign,
  declare_conflict: declareConflict,
  recuse_person: recusePersonRule,
};
