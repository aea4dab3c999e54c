import { LEADER, bad, firstFormCheck, oneOf, text } from './checks.js';
import {
  VERIFICATION_RECOMMENDATIONS,
  type ClueRule,
  type ClueState,
  type VerificationRecommendation,
} from './clue-types.js';

const RECOMMENDATION_TARGET: Record<VerificationRecommendation, ClueState> = {
  file_case: 'case_filing',
  close: 'closed',
  hold: 'held',
};

const submitPlan: ClueRule<'submit_verification_plan'> = {
  from: ['verification_planning'],
  to: ['awaiting_plan_approval'],
  permission: 'clue.handle',
  independence: [],
  requires: ['attachments'],
  apply: (r, _p, actor) => ({ ...r, state: 'awaiting_plan_approval', proposedBy: actor.id }),
  starts: { awaiting_plan_approval: 'plan_approval' },
};

const approvePlan: ClueRule<'approve_verification_plan'> = {
  from: ['awaiting_plan_approval'],
  to: ['verifying'],
  permission: 'clue.read',
  roles: LEADER,
  independence: ['not_proposer'],
  requires: [],
  apply: (r) => ({ ...r, state: 'verifying', proposedBy: null }),
  starts: { verifying: 'preliminary_verification' },
};

const returnPlan: ClueRule<'return_verification_plan'> = {
  from: ['awaiting_plan_approval'],
  to: ['verification_planning'],
  permission: 'clue.read',
  roles: LEADER,
  independence: ['not_proposer'],
  requires: ['reason'],
  apply: (r) => ({ ...r, state: 'verification_planning', proposedBy: null }),
  starts: { verification_planning: 'verification_plan' },
};

const recordWork: ClueRule<'record_verification_work'> = {
  from: ['verifying'],
  to: 'same',
  permission: 'clue.handle',
  independence: [],
  requires: [],
  check: (_r, p) => (text(p.summary, 20_000) ? null : bad('须记录所做工作', 'Describe the work done')),
  apply: (r, p, actor, at) => ({
    ...r,
    verificationWork: [...r.verificationWork, { at, actorId: actor.id, summary: p.summary.trim() }],
  }),
};

const submitReport: ClueRule<'submit_verification_report'> = {
  from: ['verifying'],
  to: ['awaiting_report_approval'],
  permission: 'clue.handle',
  independence: [],
  requires: ['reason', 'attachments'],
  check: (r, p) =>
    !oneOf(VERIFICATION_RECOMMENDATIONS, p.recommendation)
      ? bad('处理建议无效', 'Not a recommendation')
      : r.verificationWork.length === 0
        ? bad('尚未记录任何核查工作', 'No verification work has been recorded')
        : firstFormCheck(p.firstForm, p.recommendation === 'close'),
  apply: (r, p, actor) => ({
    ...r,
    state: 'awaiting_report_approval',
    proposedBy: actor.id,
    verificationDeadline: r.deadline,
    recommendation: { kind: p.recommendation, firstForm: p.firstForm ?? null },
  }),
  starts: { awaiting_report_approval: 'report_approval' },
};

const approveReport: ClueRule<'approve_verification_report'> = {
  from: ['awaiting_report_approval'],
  to: ['case_filing', 'closed', 'held'],
  permission: 'clue.read',
  roles: LEADER,
  independence: ['not_proposer'],
  requires: [],
  check: (r) => (r.recommendation ? null : bad('没有待审批的核查报告', 'There is no report to approve')),
  apply: (r) => {
    const { kind, firstForm } = r.recommendation!;
    const state = RECOMMENDATION_TARGET[kind];
    return {
      ...r,
      state,
      proposedBy: null,
      verificationDeadline: null,
      outcome:
        kind === 'hold'
          ? r.outcome
          : { disposal: kind === 'file_case' ? 'file_case' : 'close', transferTo: null, firstForm },
    };
  },
  starts: { held: 'held_review' },
};

// A report sent back resumes the verification's own term rather than starting a new one.
const returnReport: ClueRule<'return_verification_report'> = {
  from: ['awaiting_report_approval'],
  to: ['verifying'],
  permission: 'clue.read',
  roles: LEADER,
  independence: ['not_proposer'],
  requires: ['reason'],
  apply: (r) => ({
    ...r,
    state: 'verifying',
    proposedBy: null,
    recommendation: null,
    deadline: r.verificationDeadline,
    verificationDeadline: null,
  }),
};

const reopen: ClueRule<'reopen'> = {
  from: ['held'],
  to: ['registered'],
  permission: 'clue.handle',
  roles: ['case_management'],
  independence: [],
  requires: ['reason'],
  apply: (r) => ({ ...r, state: 'registered', proposal: null, recommendation: null }),
  starts: { registered: 'clue_triage' },
};

/** The steps of preliminary verification (plan, work, report) and the reopening of a held clue. */
export const CLUE_VERIFICATION_RULES = {
  submit_verification_plan: submitPlan,
  approve_verification_plan: approvePlan,
  return_verification_plan: returnPlan,
  record_verification_work: recordWork,
  submit_verification_report: submitReport,
  approve_verification_report: approveReport,
  return_verification_report: returnReport,
  reopen,
};
