import { DEFAULT_ROLE_PERMISSIONS, type Role } from '../auth/roles.js';
import { newClue } from './clue-machine.js';
import type { ClueAction, CluePayloads, ClueRecord, ClueState } from './clue-types.js';
import type { ProcedureActor, ProcedureCommand } from './engine.js';

export const AT = '2026-03-02T09:30:00+08:00';
export const HASH_A = 'a'.repeat(64);

export function person(id: string, ...roles: Role[]): ProcedureActor {
  return { id, roles, permissions: [...new Set(roles.flatMap((r) => DEFAULT_ROLE_PERMISSIONS[r]))] };
}

/** The people around a clue: case management registers, a supervision handler works it, a leader approves. */
export const CLUE_PEOPLE = {
  registrar: person('registrar', 'case_management'),
  handler: person('handler', 'supervision'),
  leader: person('leader', 'leader'),
  judge: person('judge', 'trial'),
} as const;
export type CluePersona = keyof typeof CLUE_PEOPLE;

const doc = [{ name: 'record.pdf', hash: HASH_A }];

/** Valid payloads for each action; several where the payload chooses the way on. */
export const CLUE_PAYLOADS: { [A in ClueAction]: CluePayloads[A][] } = {
  register: [{ registrationNumber: '县纪线〔2026〕0001' }],
  merge_into: [{ targetClueId: 'other-clue', reason: 'same subject, same facts' }],
  link_related: [{ clueId: 'related-clue', reason: 'same unit' }],
  propose_disposal: [
    { disposal: 'talk_inquiry', participantIds: ['handler', 'registrar'], reason: 'minor, first report' },
    {
      disposal: 'preliminary_verification',
      participantIds: ['handler', 'registrar'],
      reason: 'specific and checkable',
    },
    { disposal: 'hold', participantIds: ['handler', 'registrar'], reason: 'not checkable yet' },
    { disposal: 'close', participantIds: ['handler', 'registrar'], reason: 'no substance' },
    {
      disposal: 'transfer',
      participantIds: ['handler', 'registrar'],
      transferTo: 'municipal commission',
      reason: 'cadre of higher level',
    },
  ],
  approve_disposal: [{}],
  return_disposal: [{ reason: 'say more about the subject' }],
  record_inquiry_reply: [{ reply: 'explained the payments', attachments: doc }],
  conclude_inquiry: [
    { conclusion: 'cleared', reason: 'explained' },
    { conclusion: 'first_form', firstForm: 'criticism', reason: 'partly true, minor' },
    { conclusion: 'verify', reason: 'not explained' },
  ],
  submit_verification_plan: [{ attachments: doc }],
  approve_verification_plan: [{}],
  return_verification_plan: [{ reason: 'too broad' }],
  record_verification_work: [{ summary: 'bank statements obtained' }],
  submit_verification_report: [
    { recommendation: 'file_case', reason: 'facts established', attachments: doc },
    { recommendation: 'close', firstForm: 'admonition', reason: 'minor', attachments: doc },
    { recommendation: 'hold', reason: 'witness abroad', attachments: doc },
  ],
  approve_verification_report: [{}],
  return_verification_report: [{ reason: 'check the second account' }],
  reopen: [{ reason: 'new report on the same matter' }],
  reassign: [{ responsibleId: 'handler', reason: 'the supervision office takes it' }],
  declare_conflict: [{ reason: 'the subject is my cousin' }],
  recuse_person: [{ personId: 'handler', reason: 'the subject is his cousin' }],
};

/** A clue in `state` carrying whatever context any step from there reads (a proposal, work done). */
export function clueIn(state: ClueState): ClueRecord {
  return {
    ...newClue('clue-1', 'model_warning', AT),
    state,
    registrationNumber: '县纪线〔2026〕0001',
    proposedBy: 'handler',
    proposal: { disposal: 'talk_inquiry', transferTo: null, firstForm: null },
    recommendation: { kind: 'file_case', firstForm: null },
    verificationWork: [{ at: AT, actorId: 'handler', summary: 'statements' }],
  };
}

export function clueCommand<A extends ClueAction>(
  action: A,
  who: CluePersona,
  payload: CluePayloads[A],
  at = AT,
): ProcedureCommand<CluePayloads> {
  return { action, actor: CLUE_PEOPLE[who], at, payload } as ProcedureCommand<CluePayloads>;
}
