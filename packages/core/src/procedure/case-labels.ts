import type { LocalisedText } from '../standard/result.js';
import type { CaseAction, CaseState } from './case-types.js';

export const CASE_STATE_LABELS: Record<CaseState, LocalisedText> = {
  filing_proposed: { zh: '立案待审批', en: 'Filing awaiting approval' },
  filed: { zh: '已立案，拟订审查调查方案', en: 'Filed: drafting the investigation plan' },
  awaiting_plan_approval: { zh: '审查调查方案待审批', en: 'Investigation plan awaiting approval' },
  investigating: { zh: '审查调查中', en: 'Under review and investigation' },
  awaiting_trial: { zh: '移送审理待受理', en: 'Awaiting acceptance for trial' },
  in_trial: { zh: '案件审理中', en: 'Under trial review' },
  awaiting_decision: { zh: '审理意见待决定', en: 'Trial opinion awaiting decision' },
  decided: { zh: '已作出处理决定', en: 'Decided' },
  closed: { zh: '已结案', en: 'Closed' },
  filing_rejected: { zh: '不予立案', en: 'Filing refused' },
  revoked: { zh: '撤销案件', en: 'Case withdrawn' },
};

export const CASE_ACTION_LABELS: Record<CaseAction, LocalisedText> = {
  approve_filing: { zh: '批准立案', en: 'Approve the filing' },
  reject_filing: { zh: '不予立案', en: 'Refuse the filing' },
  submit_investigation_plan: { zh: '报送审查调查方案', en: 'Submit the investigation plan' },
  approve_investigation_plan: { zh: '批准审查调查方案', en: 'Approve the investigation plan' },
  return_investigation_plan: { zh: '退回审查调查方案', en: 'Return the investigation plan' },
  propose_measure: { zh: '采取或报批措施', en: 'Take or propose a measure' },
  approve_measure: { zh: '批准措施', en: 'Approve a measure' },
  reject_measure: { zh: '不批准措施', en: 'Refuse a measure' },
  lift_measure: { zh: '解除措施', en: 'Lift a measure' },
  add_evidence: { zh: '证据入卷', en: 'Add evidence' },
  submit_investigation_report: { zh: '报送审查调查报告并移送审理', en: 'Submit the investigation report for trial' },
  revoke_filing: { zh: '撤销案件', en: 'Withdraw the case' },
  accept_for_trial: { zh: '受理审理', en: 'Accept for trial review' },
  return_to_investigation: { zh: '退回补充调查', en: 'Return for further investigation' },
  conclude_trial: { zh: '提出审理意见', en: 'Conclude the trial review' },
  decide: { zh: '作出处理决定', en: 'Decide' },
  return_to_trial: { zh: '退回重新审理', en: 'Return to the trial office' },
  close_case: { zh: '结案归档', en: 'Close and archive the case' },
};
