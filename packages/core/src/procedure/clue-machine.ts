import { CLUE_ASSIGNMENT_RULES } from './clue-assignment-rules.js';
import { CLUE_TRIAGE_RULES } from './clue-triage-rules.js';
import { CLUE_VERIFICATION_RULES } from './clue-verification-rules.js';
import {
  CLUE_STATES,
  CLUE_TERMINAL_STATES,
  type ClueSource,
  type ClueState,
  type CluePayloads,
  type ClueRecord,
} from './clue-types.js';
import { CLUE_STATE_LABELS } from './clue-labels.js';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy, startDeadline } from './deadlines.js';
import type { ProcedureCommand, ProcedureMachine, StepResult } from './engine.js';
import { procedureStateMachine, stepMachine } from './state-machine.js';

/** The clue procedure, from receipt to its end: closed, transferred, merged, or filed as a case. */
export const CLUE_MACHINE: ProcedureMachine<ClueState, CluePayloads, ClueRecord> = {
  name: 'clue',
  states: CLUE_STATES,
  terminal: CLUE_TERMINAL_STATES,
  rules: { ...CLUE_TRIAGE_RULES, ...CLUE_VERIFICATION_RULES, ...CLUE_ASSIGNMENT_RULES },
};

/** The clue procedure as an xstate v5 machine, built from `CLUE_MACHINE`'s steps. */
export const CLUE_STATE_MACHINE = procedureStateMachine(CLUE_MACHINE, 'received', (s) => CLUE_STATE_LABELS[s]);

/**
 * A clue just received from `source`, waiting for case management to register it, in the
 * hands of `responsibleId` (who received it) until reassigned; its registration clock
 * starts on the date of `receivedAt` (ISO 8601, local offset).
 */
export function newClue(
  id: string,
  source: ClueSource,
  receivedAt: string,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  responsibleId: string | null = null,
): ClueRecord {
  return {
    id,
    source,
    state: 'received',
    proposedBy: null,
    recusedIds: [],
    investigatorIds: [],
    deadline: startDeadline('clue_registration', receivedAt.slice(0, 10), policy),
    registrationNumber: null,
    responsibleId,
    proposal: null,
    mergedInto: null,
    relatedClueIds: [],
    inquiryReply: null,
    verificationWork: [],
    verificationDeadline: null,
    recommendation: null,
    outcome: null,
  };
}

/**
 * Takes one step of the clue procedure (xstate's pure `transition` on `CLUE_STATE_MACHINE`
 * from the stored record), or says why it cannot be taken.
 */
export function applyClueAction(
  clue: ClueRecord,
  command: ProcedureCommand<CluePayloads>,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): StepResult<ClueState, ClueRecord> {
  return stepMachine(CLUE_STATE_MACHINE, clue, command, policy);
}

/**
 * The other half of a merge: the clue that absorbed `mergedId` keeps the link, so either
 * clue leads to the other. The server writes both in one transaction.
 */
export function acceptMergedClue(target: ClueRecord, mergedId: string): ClueRecord {
  if (target.id === mergedId || target.relatedClueIds.includes(mergedId)) return target;
  return { ...target, relatedClueIds: [...target.relatedClueIds, mergedId] };
}
