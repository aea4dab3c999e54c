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
  lines.push(...describeUnknownValues(accounting));
  const suggested = accounting.unusedColumns.filter((c) => c.suggestions.length > 0);
  const headers = Object.fromEntries(suggested.map((c) => [c.header, c.suggestions[0]?.field]));
  const values: Record<string, Record<string, string>> = {};
  for (const u of accounting.unknownValues) {
    const [first] = u.suggestions;
    if (first !== undefined) values[u.field] = { ...values[u.field], [u.value]: first.code };
  }
  if (suggested.length > 0 || Object.keys(values).length > 0) {
    const example = {
      ...(suggested.length > 0 ? { headers } : {}),
      ...(Object.keys(values).length > 0 ? { values } : {}),
    };
    lines.push(
      '  建议仅供参考，确认后写入映射文件 / suggestions only: check them, then pass --mapping <file.json> with',
      `    ${JSON.stringify(example)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const HOW = {
  contains: '含有 / contains',
  similar: '相近 / alike',
} as const;

/**
 * The values of coded fields that are none of their codes, each with the codes it might mean
 * (suggestions, never applied: a person writes them into the mapping file's "values").
 */
function describeUnknownValues(accounting: ColumnAccounting): string[] {
  if (accounting.unknownValues.length === 0) return [];
  const lines = ['  未识别的代码值 / values that are none of the codes:'];
  for (const u of accounting.unknownValues) {
    const outcome = u.required ? '整行拒收 / rows rejected' : '保留行，值置空 / kept without value';
    const offers = u.suggestions.map((s) => `${s.code} ${s.label.zh} (${HOW[s.how]} ${s.word})`).join(', ');
    lines.push(
      `    ${u.label.zh} ${u.field}: "${u.value}" × ${u.count}, ${outcome}${offers ? ` → 可能是 / maybe: ${offers}` : ''}`,
    );
  }
  return lines;
}
