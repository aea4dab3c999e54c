import type { LocalisedText } from '../standard/result.js';
import type { Measure, MeasureKind, MeasureRule, MeasureStatus } from './case-types.js';

const once = (needsApproval: boolean): MeasureRule => ({ needsApproval, lasting: false, clock: null });
const lasting = (clock: MeasureRule['clock'] = null): MeasureRule => ({ needsApproval: true, lasting: true, clock });

/**
 * The measures and their governance. Talks, questioning of witnesses, taking documents,
 * inspection and expert opinions are covered by the approved investigation plan; the rest
 * reach into liberty, property, movement or privacy and each needs its own approval.
 * Detention and freezing run statutory terms (three and six months, extendable).
 */
export const MEASURE_RULES: Readonly<Record<MeasureKind, MeasureRule>> = {
  talk: once(false),
  questioning: once(false),
  interrogation: once(true),
  records_inquiry: once(true),
  retrieval: once(false),
  seizure: lasting(),
  impoundment: lasting(),
  freezing: lasting('freezing'),
  search: once(true),
  inspection: once(false),
  expert_opinion: once(false),
  exit_restriction: lasting(),
  technical_investigation: lasting(),
  wanted_notice: lasting(),
  detention: lasting('detention'),
};

/** Whether a measure still binds someone: awaiting approval, or in force until lifted. */
export function isMeasureOpen(measure: Measure): boolean {
  return measure.status === 'awaiting_approval' || measure.status === 'in_force';
}

export const MEASURE_LABELS: Record<MeasureKind, LocalisedText> = {
  talk: { zh: '谈话', en: 'Talk' },
  questioning: { zh: '询问', en: 'Questioning of a witness' },
  interrogation: { zh: '讯问', en: 'Interrogation' },
  records_inquiry: { zh: '查询', en: 'Inquiry into deposits and records' },
  retrieval: { zh: '调取', en: 'Obtaining documents' },
  seizure: { zh: '查封', en: 'Sealing up property' },
  impoundment: { zh: '扣押', en: 'Impounding' },
  freezing: { zh: '冻结', en: 'Freezing' },
  search: { zh: '搜查', en: 'Search' },
  inspection: { zh: '勘验检查', en: 'Inspection of a scene' },
  expert_opinion: { zh: '鉴定', en: 'Expert opinion' },
  exit_restriction: { zh: '限制出境', en: 'Restriction on leaving the country' },
  technical_investigation: { zh: '技术调查', en: 'Technical investigation' },
  wanted_notice: { zh: '通缉', en: 'Wanted notice' },
  detention: { zh: '留置', en: 'Detention (liuzhi)' },
};

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, LocalisedText> = {
  awaiting_approval: { zh: '待审批', en: 'Awaiting approval' },
  in_force: { zh: '执行中', en: 'In force' },
  done: { zh: '已完成', en: 'Done' },
  rejected: { zh: '未获批准', en: 'Not approved' },
  lifted: { zh: '已解除', en: 'Lifted' },
};
