/**
 * Simplified Chinese for the warning lifecycle the data drives: retired warnings and the
 * platform's entries in a warning's history. (The other warning texts sit in models-zh.)
 */
export const warningsZh = {
  'warnings.retired': '已失效',
  'warnings.retiredReason.evidence_rolled_back': '证据已回滚',
  'warnings.retiredReason.no_longer_found': '不再发现',
  'warnings.retiredAt': '失效时间',
  'warnings.retiredNotice':
    '该预警已失效（{reason}），不再计入待处置预警。处置状态保持不变；若后续运行再次发现该线索，预警将自动恢复。',
  'warnings.retiredFilter.exclude': '不含已失效',
  'warnings.retiredFilter.only': '仅已失效',
  'warnings.retiredFilter.include': '含已失效',
  'warnings.event.retired': '预警失效：{reason}',
  'warnings.event.restored': '再次发现，预警已恢复',
  'warnings.event.not_found': '全量运行不再发现该线索（处置状态保留）',
  'warnings.event.evidence_added': '运行新增证据（处置状态保留）',
  'warnings.summary': '涉及',
  'warnings.summary.items': '{count} 笔',
  'warnings.summary.rows': '{count} 条证据',
  'warnings.summary.total': '合计 {total}',
  'warnings.event.batch': '批次 {batch}',
  'warnings.event.run': '运行 #{run}',
  'warnings.statusOpen': '待处理（新预警与核查中）',
  'warnings.guidance': '依据与处置',
};
