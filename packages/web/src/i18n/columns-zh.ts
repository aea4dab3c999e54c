/** Simplified Chinese for the accounting of an import's columns (preview and result). */
export const columnsZh = {
  'columns.title': '列与字段核对',
  'columns.matched': '文件共 {columns} 列，{matched} 列已对应字段',
  'columns.unused': '{count} 列未对应任何字段，导入时将被忽略',
  'columns.repeats': '与另一列重复对应「{field}」',
  'columns.suggest': '可能对应：',
  'columns.noSuggestion': '无相近字段',
  'columns.mapTo': '对应到「{field}」',
  'columns.empty': '{count} 个字段将为空',
  'columns.reason.no_column': '无对应列',
  'columns.reason.all_empty': '列「{header}」每行均为空',
  'columns.blind': '{count} 个已启用的模型读取这些空字段，将看不到本批数据',
  'columns.blindReads': '读取：{fields}',
  'columns.allAccounted': '每一列都已对应字段，每个字段都有数据',
};
