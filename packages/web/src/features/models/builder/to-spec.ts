import type { Condition, Expr, ModelParameter, ModelSpec, Source } from '@qingfeng/core';
import { type Draft, type DraftCondition, type Operand, aliasOf } from './draft';
import { findChoice, isNumericField, placeholderChoices } from './fields';

function operandExpr(draft: Draft, condition: DraftCondition, operand: Operand): Expr {
  switch (operand.kind) {
    case 'field':
      return operand.field;
    case 'param':
      return { param: operand.key };
    case 'value': {
      const numeric = isNumericField(findChoice(draft, condition.left)?.field);
      const value = operand.value.trim();
      return { value: numeric && value !== '' && Number.isFinite(Number(value)) ? Number(value) : value };
    }
  }
}

function conditionOf(draft: Draft, c: DraftCondition): Condition {
  if (c.op === 'is_null' || c.op === 'not_null') return { op: c.op, expr: c.left };
  const right = operandExpr(draft, c, c.right);
  if (c.op === 'within_days') {
    // |days between the two dates| ≤ the window; the window is a days parameter.
    const gap: Expr = { fn: 'abs', args: [{ fn: 'days_between', args: [right, c.left] }] };
    return { op: '<=', left: gap, right: c.days ? { param: c.days } : { value: 0 } };
  }
  const shifted: Expr = c.days ? { fn: 'add_days', args: [right, { param: c.days }] } : right;
  return { op: c.op, left: c.left, right: shifted };
}

function sourceOf(draft: Draft, index: number): Source {
  const source = draft.sources[index];
  const alias = aliasOf(index);
  const repeats = draft.sources.filter((s) => s.dataset === source?.dataset).length > 1;
  const base = {
    alias,
    dataset: source?.dataset ?? '',
    role: repeats ? `${source?.dataset}_${alias}` : (source?.dataset ?? ''),
  };
  if (index === 0 || !source) return base;
  return {
    ...base,
    ...(source.join === 'left' ? { join: 'left' as const } : {}),
    on: source.on.map((pair) => ({ op: '=' as const, left: pair.left, right: `${alias}.${pair.right}` })),
  };
}

function parameterOf(p: Draft['params'][number]): ModelParameter {
  return {
    key: p.key,
    type: p.type,
    default: p.default,
    label: p.label,
    ...(p.unit ? { unit: p.unit } : {}),
    ...(p.min !== undefined && p.min !== null ? { min: p.min } : {}),
    ...(p.max !== undefined && p.max !== null ? { max: p.max } : {}),
  };
}

/** The placeholders named in the explanation, each made a fact of the hit. */
function factsOf(draft: Draft): Record<string, Expr> {
  const used = new Set(
    [...`${draft.explanation.zh} ${draft.explanation.en}`.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1]),
  );
  const facts: Record<string, Expr> = {};
  for (const choice of placeholderChoices(draft)) {
    if (!used.has(choice.name)) continue;
    facts[choice.name] = choice.ref ?? { param: choice.param ?? '' };
  }
  return facts;
}

/** The draft as a model document, in exactly the format of the built-in library. */
export function toModelSpec(draft: Draft): ModelSpec {
  const inputs = [...new Set(draft.sources.map((s) => s.dataset).filter(Boolean))];
  return {
    id: draft.id.trim(),
    version: 1,
    name: draft.name,
    category: draft.category.trim(),
    inputs,
    parameters: draft.params.map(parameterOf),
    severity: draft.severity,
    basis: draft.basis,
    explanation: draft.explanation,
    handling: draft.handling,
    // Each dataset's new rows drive an incremental run, joined against everything loaded.
    incremental: { drivers: inputs },
    logic: {
      kind: 'rule',
      sources: draft.sources.map((_, i) => sourceOf(draft, i)),
      ...(draft.conditions.length > 0 ? { where: draft.conditions.map((c) => conditionOf(draft, c)) } : {}),
      subject: draft.subject,
      facts: factsOf(draft),
    },
  };
}
