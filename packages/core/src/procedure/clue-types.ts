import type { FirstFormOutcome } from './dispositions.js';
import type { ProcedureRecordBase, StepBasics, TransitionRule } from './engine.js';
import type { RunningDeadline } from './deadlines.js';

/** Where a clue came from. */
export const CLUE_SOURCES = [
  'model_warning',
  'letters_visits',
  'supervision',
  'audit',
  'inspection_tour',
  'transfer',
  'self_report',
] as const;
export type ClueSource = (typeof CLUE_SOURCES)[number];

/** The four disposal methods, and transfer to the organ with jurisdiction. */
export const CLUE_DISPOSALS = ['talk_inquiry', 'preliminary_verification', 'hold', 'close', 'transfer'] as const;
export type ClueDisposal = (typeof CLUE_DISPOSALS)[number];

/** What a preliminary verification report recommends. */
export const VERIFICATION_RECOMMENDATIONS = ['file_case', 'close', 'hold'] as const;
export type VerificationRecommendation = (typeof VERIFICATION_RECOMMENDATIONS)[number];

/** What a talk or letter inquiry concluded: the matter explained, a first-form outcome, or verify further. */
export const INQUIRY_CONCLUSIONS = ['cleared', 'first_form', 'verify'] as const;
export type InquiryConclusion = (typeof INQUIRY_CONCLUSIONS)[number];

export const CLUE_STATES = [
  'received',
  'registered',
  'awaiting_disposal_approval',
  'talk_inquiry',
  'inquiry_replied',
  'verification_planning',
  'awaiting_plan_approval',
  'verifying',
  'awaiting_report_approval',
  'held',
  'closed',
  'transferred',
  'merged',
  'case_filing',
] as const;
export type ClueState = (typeof CLUE_STATES)[number];

/** What awaits the leader's approval: a disposal, with what closing it would record. */
export interface ClueProposal {
  readonly disposal: ClueDisposal;
  readonly transferTo: string | null;
  readonly firstForm: FirstFormOutcome | null;
}

export interface VerificationWork {
  readonly at: string;
  readonly actorId: string;
  readonly summary: string;
}

/** A clue as the procedure sees it; the server keeps its subjects, text and files beside it. */
export interface ClueRecord extends ProcedureRecordBase<ClueState> {
  readonly id: string;
  readonly source: ClueSource;
  readonly registrationNumber: string | null;
  /** The person responsible for handling the clue now; null after they were recused, until reassigned. */
  readonly responsibleId: string | null;
  readonly proposal: ClueProposal | null;
  readonly mergedInto: string | null;
  readonly relatedClueIds: readonly string[];
  readonly inquiryReply: string | null;
  readonly verificationWork: readonly VerificationWork[];
  /** The verification's own term, kept while its report awaits approval so a return resumes it. */
  readonly verificationDeadline: RunningDeadline | null;
  readonly recommendation: {
    readonly kind: VerificationRecommendation;
    readonly firstForm: FirstFormOutcome | null;
  } | null;
  /** How the clue ended: closed (with a first-form outcome or none), transferred, filed as a case. */
  readonly outcome: {
    readonly disposal: ClueDisposal | 'file_case';
    readonly transferTo: string | null;
    readonly firstForm: FirstFormOutcome | null;
  } | null;
}

export interface CluePayloads {
  register: StepBasics & { readonly registrationNumber: string };
  merge_into: StepBasics & { readonly targetClueId: string };
  link_related: StepBasics & { readonly clueId: string };
  propose_disposal: StepBasics & {
    readonly disposal: ClueDisposal;
    readonly participantIds: readonly string[];
    readonly transferTo?: string;
  };
  approve_disposal: StepBasics;
  return_disposal: StepBasics;
  record_inquiry_reply: StepBasics & { readonly reply: string };
  conclude_inquiry: StepBasics & { readonly conclusion: InquiryConclusion; readonly firstForm?: FirstFormOutcome };
  submit_verification_plan: StepBasics;
  approve_verification_plan: StepBasics;
  return_verification_plan: StepBasics;
  record_verification_work: StepBasics & { readonly summary: string };
  submit_verification_report: StepBasics & {
    readonly recommendation: VerificationRecommendation;
    readonly firstForm?: FirstFormOutcome;
  };
  approve_verification_report: StepBasics;
  return_verification_report: StepBasics;
  reopen: StepBasics;
  reassign: StepBasics & { readonly responsibleId: string };
  declare_conflict: StepBasics;
  recuse_person: StepBasics & { readonly personId: string };
}
export type ClueAction = keyof CluePayloads;

export type ClueRule<A extends ClueAction> = TransitionRule<ClueState, CluePayloads[A], ClueRecord>;

/** The states in which a clue is still being handled. */
export const CLUE_TERMINAL_STATES: readonly ClueState[] = ['closed', 'transferred', 'merged', 'case_filing'];
export const OPEN_CLUE_STATES: readonly ClueState[] = CLUE_STATES.filter((s) => !CLUE_TERMINAL_STATES.includes(s));
