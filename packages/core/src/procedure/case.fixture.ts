import { proposeCase } from './case-machine.js';
import type { CaseAction, CasePayloads, CaseRecord, CaseState } from './case-types.js';
import { AT, HASH_A, person } from './clue.fixture.js';
import type { ProcedureCommand } from './engine.js';

export { AT, HASH_A };

/** The people around a case: two investigators on it, one who is not, case management, a leader, the trial office. */
export const CASE_PEOPLE = {
  inv1: person('inv1', 'investigation'),
  outsider: person('outsider', 'investigation'),
  cm: person('cm', 'case_management'),
  leader: person('leader', 'leader'),
  judge: person('judge', 'trial'),
} as const;
export type CasePersona = keyof typeof CASE_PEOPLE;

const doc = [{ name: 'report.pdf', hash: HASH_A }];

export const CASE_PAYLOADS: { [A in CaseAction]: CasePayloads[A][] } = {
  approve_filing: [{ investigatorIds: ['inv1', 'inv2'] }],
  reject_filing: [{ reason: 'facts too thin' }],
  submit_investigation_plan: [{ attachments: doc }],
  approve_investigation_plan: [{}],
  return_investigation_plan: [{ reason: 'add the bank' }],
  propose_measure: [
    { measureId: 'm-new', kind: 'talk', reason: 'hear the subject' },
    { measureId: 'm-new', kind: 'freezing', reason: 'stop the transfer' },
    { measureId: 'm-new', kind: 'detention', reason: 'risk of collusion' },
  ],
  approve_measure: [{ measureId: 'm-wait' }],
  reject_measure: [{ measureId: 'm-wait', reason: 'not needed' }],
  lift_measure: [{ measureId: 'm-on', reason: 'no longer needed' }],
  add_evidence: [{ evidenceId: 'e-new', title: 'Bank statement', hash: 'b'.repeat(64) }],
  submit_investigation_report: [{ reason: 'facts established', attachments: doc }],
  revoke_filing: [{ reason: 'no violation found' }],
  accept_for_trial: [{ reviewerIds: ['judge', 'judge2'] }],
  return_to_investigation: [{ reason: 'the second payment is unproven' }],
  conclude_trial: [
    {
      dispositions: [{ subjectId: 'p1', party: 'serious_warning', government: 'major_demerit' }],
      reason: 'facts clear',
      attachments: doc,
    },
    {
      dispositions: [{ subjectId: 'p1', party: 'expulsion', transferToProcuratorate: true }],
      reason: 'crime suspected',
      attachments: doc,
    },
  ],
  decide: [{}],
  return_to_trial: [{ reason: 'reconsider the sanction' }],
  close_case: [{ attachments: doc }],
};

/**
 * A case in `state` with what any step from there reads. `open` adds a measure awaiting
 * approval and one in force (steps that decide or lift measures need them; closing needs none).
 */
export function caseIn(state: CaseState, open = false): CaseRecord {
  const base = proposeCase('case-1', 'clue-1', 'inv2', AT);
  return {
    ...base,
    state,
    investigatorIds: ['inv1', 'inv2'],
    trialReviewerIds: ['judge', 'judge2'],
    evidence: [
      { id: 'e1', title: 'Contract', hash: HASH_A, addedAt: AT, addedBy: 'inv2', supersedes: null, supersededBy: null },
    ],
    proposedDispositions: [{ subjectId: 'p1', party: 'warning' }],
    measures: open
      ? [
          {
            id: 'm-wait',
            kind: 'freezing',
            status: 'awaiting_approval',
            proposedBy: 'inv2',
            proposedAt: AT,
            deadline: null,
          },
          { id: 'm-on', kind: 'detention', status: 'in_force', proposedBy: 'inv2', proposedAt: AT, deadline: null },
        ]
      : [],
  };
}

/** The actions that need the open measures of `caseIn(state, true)`. */
export const NEEDS_OPEN_MEASURES: readonly CaseAction[] = ['approve_measure', 'reject_measure', 'lift_measure'];

export function caseCommand<A extends CaseAction>(
  action: A,
  who: CasePersona,
  payload: CasePayloads[A],
  at = AT,
): ProcedureCommand<CasePayloads> {
  return { action, actor: CASE_PEOPLE[who], at, payload } as ProcedureCommand<CasePayloads>;
}
