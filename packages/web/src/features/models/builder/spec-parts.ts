import type { Condition, Expr, FieldDef } from '@qingfeng/core';
import type { DraftCondition, DraftGroupKey, DraftThreshold, FieldRef, Operand } from './draft';
import { isNumericField } from './fields';

/*
 * The pieces of a model document the builder writes, one function per draft element.
 * `fromModelSpec` reads exactly these shapes back, so the two files change together.
 */

/** A typed value: a number where the other side is numeric and the text reads as one. */
function valueExpr(text: string, numeric: boolean): Expr {
  const value = text.trim();
  return { value: numeric && value !== '' && Number.isFinite(Number(value)) ? Number(value) : value };
}

export function operandExpr(operand: Operand, numeric: boolean): Expr {
  switch (operand.kind) {
    case 'field':
      return operand.field;
    case 'param':
      return { param: operand.key };
    case 'value':
      return valueExpr(operand.value, numeric);
  }
}

/** One condition; `left` is the full `alias.field` of the condition's field, `field` its definition. */
export function conditionOf(c: DraftCondition, left: FieldRef, field: FieldDef | undefined): Condition {
  if (c.op === 'is_null' || c.op === 'not_null') return { op: c.op, expr: left };
  const right = operandExpr(c.right, isNumericField(field));
  if (c.op === 'within_days') {
    // |days between the two dates| ≤ the window; the window is a days parameter.
    const gap: Expr = { fn: 'abs', args: [{ fn: 'days_between', args: [right, left] }] };
    return { op: '<=', left: gap, right: c.days ? { param: c.days } : { value: 0 } };
  }
  const shifted: Expr = c.days ? { fn: 'add_days', args: [right, { param: c.days }] } : right;
  return { op: c.op, left, right: shifted };
}

/** The group key as an expression: the field, or its 'YYYY-MM' month or its year. */
export function groupExpr(key: DraftGroupKey): Expr {
  if (key.bucket === 'month') return { fn: 'month_of', args: [key.field] };
  if (key.bucket === 'year') return { fn: 'year_of', args: [key.field] };
  return key.field;
}

/** Placeholder name of a field: `a.paid_on` → `a_paid_on`. */
export const fieldName = (ref: FieldRef): string => ref.replace('.', '_');

export const groupKeyName = (key: DraftGroupKey): string =>
  key.bucket ? `${fieldName(key.field)}_${key.bucket}` : fieldName(key.field);

export function measureExpr(t: Pick<DraftThreshold, 'measure' | 'field'>): Expr {
  if (t.measure === 'count') return { agg: 'count' };
  if (t.measure === 'count_distinct') return { agg: 'count', arg: t.field ?? '', distinct: true };
  return { agg: t.measure, arg: t.field ?? '' };
}

/** Placeholder name of a measure: `count`, `count_distinct_a_id`, `sum_a_amount`. */
export const measureName = (t: Pick<DraftThreshold, 'measure' | 'field'>): string =>
  t.measure === 'count' ? 'count' : `${t.measure}_${fieldName(t.field ?? '')}`;

/** A threshold as a `having` condition; measures are numbers, so a typed value is one too. */
export function thresholdOf(t: DraftThreshold): Condition {
  return { op: t.op, left: measureExpr(t), right: operandExpr(t.right, true) };
}
