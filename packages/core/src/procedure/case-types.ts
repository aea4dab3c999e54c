import type { DeadlineStep, RunningDeadline } from './deadlines.js';
import type { FourForm, SubjectDisposition } from './dispositions.js';
import type { Attachment, ProcedureRecordBase, StepBasics, TransitionRule } from './engine.js';

export const CASE_STATES = [
  'filing_proposed',
  'filed',
  'awaiting_plan_approval',
  'investigating',
  'awaiting_trial',
  'in_trial',
  'awaiting_decision',
  'decided',
  'closed',
  'filing_rejected',
  'revoked',
] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const CASE_TERMINAL_STATES: readonly CaseState[] = ['closed', 'filing_rejected', 'revoked'];

/** Measures of review and investigation (审查调查措施). */
export const MEASURE_KINDS = [
  'talk',
  'questioning',
  'interrogation',
  'records_inquiry',
  'retrieval',
  'seizure',
  'impoundment',
  'freezing',
  'search',
  'inspection',
  'expert_opinion',
  'exit_restriction',
  'technical_investigation',
  'wanted_notice',
  'detention',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * How each measure is governed: whether it needs a leader's approval before it is taken
 * (the coercive ones and those reaching into a person's property, movement or privacy),
 * whether it stays in force until lifted, and the statutory clock it runs.
 */
export interface MeasureRule {
  readonly needsApproval: boolean;
  readonly lasting: boolean;
  readonly clock: DeadlineStep | null;
}

export type MeasureStatus = 'awaiting_approval' | 'in_force' | 'done' | 'rejected' | 'lifted';

export interface Measure {
  readonly id: string;
  readonly kind: MeasureKind;
  readonly status: MeasureStatus;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly deadline: RunningDeadline | null;
}

/**
 * An item of evidence. It is never replaced: a corrected or better copy is added as new
 * evidence that supersedes it, and both stay, each with the hash taken when it was added.
 */
export interface Evidence {
  readonly id: string;
  readonly title: string;
  readonly hash: string;
  readonly addedAt: string;
  readonly addedBy: string;
  readonly supersedes: string | null;
  readonly supersededBy: string | null;
}

export interface CaseDecision {
  readonly dispositions: readonly SubjectDisposition[];
  /** The four-forms classification of each person, by subject id. */
  readonly forms: Readonly<Record<string, FourForm>>;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

export interface CaseRecord extends ProcedureRecordBase<CaseState> {
  readonly id: string;
  /** The clue whose verification led to the case, if any (a case may be filed directly). */
  readonly clueId: string | null;
  readonly trialReviewerIds: readonly string[];
  readonly measures: readonly Measure[];
  readonly evidence: readonly Evidence[];
  readonly proposedDispositions: readonly SubjectDisposition[] | null;
  readonly decision: CaseDecision | null;
}

export interface CasePayloads {
  approve_filing: StepBasics & { readonly investigatorIds: readonly string[] };
  reject_filing: StepBasics;
  submit_investigation_plan: StepBasics;
  approve_investigation_plan: StepBasics;
  return_investigation_plan: StepBasics;
  propose_measure: StepBasics & { readonly measureId: string; readonly kind: MeasureKind };
  approve_measure: StepBasics & { readonly measureId: string };
  reject_measure: StepBasics & { readonly measureId: string };
  lift_measure: StepBasics & { readonly measureId: string };
  add_evidence: StepBasics & {
    readonly evidenceId: string;
    readonly title: string;
    readonly hash: string;
    readonly supersedes?: string;
  };
  submit_investigation_report: StepBasics;
  revoke_filing: StepBasics;
  accept_for_trial: StepBasics & { readonly reviewerIds: readonly string[] };
  return_to_investigation: StepBasics;
  conclude_trial: StepBasics & { readonly dispositions: readonly SubjectDisposition[] };
  decide: StepBasics;
  return_to_trial: StepBasics;
  close_case: StepBasics;
}
export type CaseAction = keyof CasePayloads;
export type CaseRule<A extends CaseAction> = TransitionRule<CaseState, CasePayloads[A], CaseRecord>;

export type { Attachment };
