import type { LocalisedText } from '../standard/result.js';
import type { DeadlineState, DeadlineStep, DeadlineUnit } from './deadlines.js';

export const DEADLINE_STEP_LABELS: Record<DeadlineStep, LocalisedText> = {
  clue_registration: { zh: '线索登记', en: 'Registering the clue' },
  clue_triage: { zh: '集体排查并提出处置意见', en: 'Collective triage' },
  disposal_approval: { zh: '处置意见审批', en: 'Approving the disposal' },
  inquiry_reply: { zh: '谈话函询回复', en: 'Reply to the inquiry' },
  inquiry_conclusion: { zh: '提出函询结论', en: 'Concluding the inquiry' },
  verification_plan: { zh: '拟订初核方案', en: 'Drafting the verification plan' },
  plan_approval: { zh: '方案审批', en: 'Approving the plan' },
  preliminary_verification: { zh: '初步核实', en: 'Preliminary verification' },
  report_approval: { zh: '报告审批', en: 'Approving the report' },
  held_review: { zh: '暂存线索定期复查', en: 'Reviewing a held clue' },
  filing_approval: { zh: '立案审批', en: 'Approving the filing' },
  investigation_plan: { zh: '拟订审查调查方案', en: 'Drafting the investigation plan' },
  investigation: { zh: '审查调查', en: 'Review and investigation' },
  supplementary_investigation: { zh: '补充调查', en: 'Further investigation' },
  measure_approval: { zh: '措施审批', en: 'Approving a measure' },
  detention: { zh: '留置期限', en: 'Term of detention' },
  freezing: { zh: '冻结期限', en: 'Term of freezing' },
  trial_acceptance: { zh: '审理受理', en: 'Accepting for trial' },
  trial: { zh: '案件审理', en: 'Trial review' },
  decision: { zh: '作出处理决定', en: 'Deciding' },
  case_closing: { zh: '结案归档', en: 'Closing the case' },
};

export const DEADLINE_UNIT_LABELS: Record<DeadlineUnit, LocalisedText> = {
  calendar_day: { zh: '日', en: 'days' },
  working_day: { zh: '个工作日', en: 'working days' },
  month: { zh: '个月', en: 'months' },
};

export const DEADLINE_STATE_LABELS: Record<DeadlineState, LocalisedText> = {
  running: { zh: '正常', en: 'On time' },
  reminding: { zh: '即将到期', en: 'Due soon' },
  due_today: { zh: '今日到期', en: 'Due today' },
  overdue: { zh: '已超期', en: 'Overdue' },
};
