import type { ColumnAccounting } from '@qingfeng/core';

const REASONS = {
  no_column: '无对应列 / no column',
  all_empty: '每行均为空 / empty in every row',
} as const;

/**
 * An import's columns accounted for, as the command line prints it after the batch (or
 * before it, with --dry-run): the columns that fed no field with the fields they might feed,
 * the fields left empty, and the enabled models those leave blind. Empty when every column
 * fed a field and every field holds a value.
 */
export function describeColumnAccounting(accounting: ColumnAccounting): string {
  const lines = [`  列 / columns: ${accounting.matchedColumns} of ${accounting.columns} fed a field / 已对应字段`];
  if (accounting.unusedColumns.length > 0) {
    lines.push('  未使用的列 / columns that fed no field:');
    for (const column of accounting.unusedColumns) {
      const why = column.duplicateOf !== null ? ` (重复 / repeats ${column.duplicateOf})` : '';
      const offers = column.suggestions.map((s) => `${s.label.zh} ${s.field}`).join(', ');
      lines.push(`    ${column.header}${why}${offers ? ` → 可能是 / maybe: ${offers}` : ''}`);
    }
  }
  const empty = accounting.emptyFields.filter((f) => !f.required || f.reason === 'all_empty');
  if (empty.length > 0) {
    lines.push('  空字段 / fields left empty:');
    for (const f of empty) {
      lines.push(`    ${f.label.zh} ${f.field}: ${REASONS[f.reason]}${f.header !== null ? ` (${f.header})` : ''}`);
    }
  }
  if (accounting.blindModels.length > 0) {
    lines.push('  看不到这些行的模型 / models left blind (they read an empty field):');
    for (const m of accounting.blindModels)
      lines.push(`    ${m.id} ${m.name.zh} / ${m.name.en}: ${m.fields.join(', ')}`);
  }
  const suggested = accounting.unusedColumns.filter((c) => c.suggestions.length > 0);
  if (suggested.length > 0) {
    const example = Object.fromEntries(suggested.map((c) => [c.header, c.suggestions[0]?.field]));
    lines.push(`  如需对应，用 / to map them, pass --mapping <file.json> with ${JSON.stringify(example)}`);
  }
  return `${lines.join('\n')}\n`;
}
