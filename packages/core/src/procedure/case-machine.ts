import { CASE_INVESTIGATION_RULES } from './case-investigation-rules.js';
import { CASE_STATE_LABELS } from './case-labels.js';
import { CASE_TRIAL_RULES } from './case-trial-rules.js';
import { CASE_STATES, CASE_TERMINAL_STATES, type CasePayloads, type CaseRecord, type CaseState } from './case-types.js';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy, startDeadline } from './deadlines.js';
import type { ProcedureCommand, ProcedureMachine, StepResult } from './engine.js';
import { procedureStateMachine, stepMachine } from './state-machine.js';

/** The case procedure: filing, review and investigation, trial, decision, closing. */
export const CASE_MACHINE: ProcedureMachine<CaseState, CasePayloads, CaseRecord> = {
  name: 'case',
  states: CASE_STATES,
  terminal: CASE_TERMINAL_STATES,
  rules: { ...CASE_INVESTIGATION_RULES, ...CASE_TRIAL_RULES },
};

/** The case procedure as an xstate v5 machine, built from `CASE_MACHINE`'s steps. */
export const CASE_STATE_MACHINE = procedureStateMachine(CASE_MACHINE, 'filing_proposed', (s) => CASE_STATE_LABELS[s]);

/**
 * A case proposed for filing by `proposedBy` (from an approved verification report, or
 * directly), awaiting a leader's approval; the approval clock starts on the proposal's date.
 */
export function proposeCase(
  id: string,
  clueId: string | null,
  proposedBy: string,
  proposedAt: string,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): CaseRecord {
  return {
    id,
    clueId,
    state: 'filing_proposed',
    proposedBy,
    recusedIds: [],
    investigatorIds: [],
    deadline: startDeadline('filing_approval', proposedAt.slice(0, 10), policy),
    trialReviewerIds: [],
    measures: [],
    evidence: [],
    proposedDispositions: null,
    decision: null,
  };
}

/**
 * Takes one step of the case procedure (xstate's pure `transition` on `CASE_STATE_MACHINE`
 * from the stored record), or says why it cannot be taken.
 */
export function applyCaseAction(
  record: CaseRecord,
  command: ProcedureCommand<CasePayloads>,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): StepResult<CaseState, CaseRecord> {
  return stepMachine(CASE_STATE_MACHINE, record, command, policy);
}
