import { findDataset } from '../standard/catalogue.js';
import type { LocalisedText } from '../standard/result.js';
import type { Expr, ModelSpec, RuleLogic } from './spec-types.js';

/**
 * What makes one warning of a model, in words for the model library document: the values
 * its hit key is made of (the rule's `key`, else its group keys, else every source's natural
 * key, i.e. one warning per row), per branch where a union's branches differ, and what the
 * warning sums up (ModelSpec.summary).
 */
export function describeWarningUnit(model: ModelSpec): LocalisedText {
  const logic = model.logic;
  if (logic.kind === 'sql') return { zh: '模板给出的键（key_text）', en: 'the key the template gives (its key_text)' };
  const rules: (RuleLogic & { name?: string })[] = logic.kind === 'rule' ? [logic] : [...logic.branches];
  const described = rules.map((r) => ({ name: r.name, text: ruleUnit(r) }));
  const same = described.every((d) => d.text.zh === described[0]?.text.zh);
  const parts = same
    ? [described[0]?.text ?? { zh: '', en: '' }]
    : described.map((d) => ({ zh: `${d.name ?? ''}：${d.text.zh}`, en: `${d.name ?? ''}: ${d.text.en}` }));
  const unit = { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
  const summary = summaryWords(model);
  return summary === undefined ? unit : { zh: `${unit.zh}；${summary.zh}`, en: `${unit.en}; ${summary.en}` };
}

function ruleUnit(rule: RuleLogic): LocalisedText {
  const aliases = new Map(rule.sources.map((s) => [s.alias, s.dataset]));
  if (rule.key !== undefined || rule.aggregate !== undefined) {
    const words = (rule.key ?? rule.aggregate?.groupBy ?? []).map((e) => exprWords(e, aliases));
    return { zh: `每个${words.map((w) => w.zh).join('、')}一条`, en: `one per ${words.map((w) => w.en).join(', ')}` };
  }
  const rows = rule.sources.map((s) => findDataset(s.dataset)?.name ?? { zh: s.dataset, en: s.dataset });
  return {
    zh: `每组记录一条（${rows.map((r) => r.zh).join(' × ')}）`,
    en: `one per combination of rows (${rows.map((r) => r.en).join(' × ')})`,
  };
}

/** A key part in words: a field by its label in its dataset, anything computed as such. */
function exprWords(expr: Expr, aliases: ReadonlyMap<string, string>): LocalisedText {
  if (typeof expr !== 'string') return { zh: '计算值', en: 'a computed value' };
  const [alias, field] = expr.split('.');
  const dataset = findDataset(aliases.get(alias ?? '') ?? '');
  const def = dataset?.fields.find((f) => f.key === field);
  if (dataset === undefined || def === undefined) return { zh: expr, en: expr };
  return { zh: `${dataset.name.zh}的${def.label.zh}`, en: `${def.label.en} (${dataset.name.en})` };
}

function summaryWords(model: ModelSpec): LocalisedText | undefined {
  const s = model.summary;
  if (s === undefined) return undefined;
  const zh = [`计数角色为 ${s.items} 的记录`];
  const en = [`counts the rows playing ${s.items}`];
  if (s.period !== undefined) {
    zh.push(`期间取自 ${s.period}`);
    en.push(`its period from ${s.period}`);
  }
  if (s.amount !== undefined) {
    zh.push(`合计 ${s.amount}`);
    en.push(`its total of ${s.amount}`);
  }
  return { zh: zh.join('，'), en: en.join(', ') };
}
