import type { LocalisedText } from '../standard/result.js';
import type {
  ClueAction,
  ClueDisposal,
  ClueSource,
  ClueState,
  InquiryConclusion,
  VerificationRecommendation,
} from './clue-types.js';

export const CLUE_STATE_LABELS: Record<ClueState, LocalisedText> = {
  received: { zh: '待登记', en: 'Awaiting registration' },
  registered: { zh: '待集体排查', en: 'Awaiting collective triage' },
  awaiting_disposal_approval: { zh: '处置意见待审批', en: 'Disposal awaiting approval' },
  talk_inquiry: { zh: '谈话函询中', en: 'Under talk or letter inquiry' },
  inquiry_replied: { zh: '函询已回复', en: 'Inquiry answered' },
  verification_planning: { zh: '拟订初核方案', en: 'Drafting the verification plan' },
  awaiting_plan_approval: { zh: '初核方案待审批', en: 'Verification plan awaiting approval' },
  verifying: { zh: '初步核实中', en: 'Under preliminary verification' },
  awaiting_report_approval: { zh: '初核报告待审批', en: 'Verification report awaiting approval' },
  held: { zh: '暂存待查', en: 'Held for later' },
  closed: { zh: '予以了结', en: 'Closed' },
  transferred: { zh: '已移送有管辖权机关', en: 'Transferred to the organ with jurisdiction' },
  merged: { zh: '已并入其他线索', en: 'Merged into another clue' },
  case_filing: { zh: '转立案', en: 'Proposed for case filing' },
};

export const CLUE_ACTION_LABELS: Record<ClueAction, LocalisedText> = {
  register: { zh: '统一归口登记', en: 'Register centrally' },
  merge_into: { zh: '并入其他线索', en: 'Merge into another clue' },
  link_related: { zh: '关联线索', en: 'Link a related clue' },
  propose_disposal: { zh: '提出处置意见', en: 'Propose a disposal' },
  approve_disposal: { zh: '批准处置意见', en: 'Approve the disposal' },
  return_disposal: { zh: '退回处置意见', en: 'Return the disposal' },
  record_inquiry_reply: { zh: '记录谈话或函询回复', en: 'Record the inquiry reply' },
  conclude_inquiry: { zh: '提出函询结论', en: 'Conclude the inquiry' },
  submit_verification_plan: { zh: '报送初核方案', en: 'Submit the verification plan' },
  approve_verification_plan: { zh: '批准初核方案', en: 'Approve the verification plan' },
  return_verification_plan: { zh: '退回初核方案', en: 'Return the verification plan' },
  record_verification_work: { zh: '记录核查工作', en: 'Record verification work' },
  submit_verification_report: { zh: '报送初核报告', en: 'Submit the verification report' },
  approve_verification_report: { zh: '批准初核报告', en: 'Approve the verification report' },
  return_verification_report: { zh: '退回初核报告', en: 'Return the verification report' },
  reopen: { zh: '重新启用暂存线索', en: 'Reopen a held clue' },
  reassign: { zh: '调整承办部门和承办人', en: 'Reassign the clue' },
  declare_conflict: { zh: '申请回避', en: 'Declare a conflict of interest' },
  recuse_person: { zh: '决定人员回避', en: 'Recuse a person' },
};

export const CLUE_SOURCE_LABELS: Record<ClueSource, LocalisedText> = {
  model_warning: { zh: '模型预警', en: 'Model warning' },
  letters_visits: { zh: '信访举报', en: 'Letters and visits report' },
  supervision: { zh: '监督检查发现', en: 'Supervision and inspection finding' },
  audit: { zh: '审计发现', en: 'Audit finding' },
  inspection_tour: { zh: '巡视巡察移交', en: 'Inspection tour finding' },
  transfer: { zh: '其他机关移送', en: 'Transfer from another organ' },
  self_report: { zh: '主动交代', en: 'Self-report' },
};

export const CLUE_DISPOSAL_LABELS: Record<ClueDisposal, LocalisedText> = {
  talk_inquiry: { zh: '谈话函询', en: 'Talk or letter inquiry' },
  preliminary_verification: { zh: '初步核实', en: 'Preliminary verification' },
  hold: { zh: '暂存待查', en: 'Hold for later' },
  close: { zh: '予以了结', en: 'Close' },
  transfer: { zh: '移送有管辖权的机关', en: 'Transfer to the organ with jurisdiction' },
};

export const VERIFICATION_RECOMMENDATION_LABELS: Record<VerificationRecommendation, LocalisedText> = {
  file_case: { zh: '建议立案审查调查', en: 'File a case' },
  close: { zh: '建议予以了结', en: 'Close' },
  hold: { zh: '建议暂存待查', en: 'Hold for later' },
};

export const INQUIRY_CONCLUSION_LABELS: Record<InquiryConclusion, LocalisedText> = {
  cleared: { zh: '问题已说清，予以了结', en: 'Explained: close' },
  first_form: { zh: '了结并作第一种形态处理', en: 'Close with a first-form outcome' },
  verify: { zh: '转初步核实', en: 'Verify further' },
};
