import type { CompareOp, Condition, Expr } from '@qingfeng/core';
import type { DraftCondition, DraftGroupKey, DraftMeasure, DraftThreshold, FieldRef, Operand } from './draft';

/*
 * Reads back the shapes spec-parts.ts writes; anything else is undefined, and the caller
 * reports it as something the builder cannot show.
 */

const COMPARE = new Set<string>(['=', '<>', '<', '<=', '>', '>=']);
const REF = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

type Comparison = Extract<Condition, { op: CompareOp }>;
const isComparison = (c: Condition): c is Comparison => COMPARE.has(c.op);

/** A plain `alias.field` (not a derived value such as `a.id.birth_date`). */
export const isRef = (e: Expr | undefined): e is FieldRef => typeof e === 'string' && REF.test(e);

const isObject = (e: Expr | undefined): e is Exclude<Expr, string> => typeof e === 'object' && e !== null;

function readOperand(e: Expr | undefined): Operand | undefined {
  if (isRef(e)) return { kind: 'field', field: e };
  if (!isObject(e)) return undefined;
  if ('param' in e) return { kind: 'param', key: e.param };
  if ('value' in e && (typeof e.value === 'string' || typeof e.value === 'number')) {
    return { kind: 'value', value: String(e.value) };
  }
  return undefined;
}

/** An operand, shifted by a days parameter when it is `add_days(operand, {param})`. */
function readShifted(e: Expr | undefined): { right: Operand; days?: string } | undefined {
  if (isObject(e) && 'fn' in e && e.fn === 'add_days' && e.args.length === 2) {
    const [base, days] = e.args;
    const right = readOperand(base);
    if (right && isObject(days) && 'param' in days) return { right, days: days.param };
    return undefined;
  }
  const right = readOperand(e);
  return right && { right };
}

/** `abs(days_between(right, left)) <= window`: the `within_days` form. */
function readWithinDays(c: Comparison): DraftCondition | undefined {
  if (c.op !== '<=' || !isObject(c.left) || !('fn' in c.left) || c.left.fn !== 'abs') return undefined;
  const between = c.left.args[0];
  if (c.left.args.length !== 1 || !isObject(between) || !('fn' in between) || between.fn !== 'days_between')
    return undefined;
  const [other, left] = between.args;
  const right = readOperand(other);
  if (!isRef(left) || !right || between.args.length !== 2) return undefined;
  if (isObject(c.right) && 'param' in c.right) return { left, op: 'within_days', right, days: c.right.param };
  if (isObject(c.right) && 'value' in c.right && c.right.value === 0) return { left, op: 'within_days', right };
  return undefined;
}

/** A condition of the builder's forms; `left` comes back as the full `alias.field`. */
export function readCondition(c: Condition): DraftCondition | undefined {
  if (c.op === 'is_null' || c.op === 'not_null')
    return isRef(c.expr) ? { left: c.expr, op: c.op, right: blank() } : undefined;
  if (!isComparison(c)) return undefined;
  const within = readWithinDays(c);
  if (within) return within;
  const shifted = readShifted(c.right);
  if (!isRef(c.left) || !shifted) return undefined;
  return { left: c.left, op: c.op, ...shifted };
}

/** What a unary condition's unused right side holds in the draft. */
const blank = (): Operand => ({ kind: 'field', field: '' });

export function readGroupKey(e: Expr): DraftGroupKey | undefined {
  if (isRef(e)) return { field: e };
  if (isObject(e) && 'fn' in e && (e.fn === 'month_of' || e.fn === 'year_of') && e.args.length === 1) {
    const [field] = e.args;
    if (isRef(field)) return { field, bucket: e.fn === 'month_of' ? 'month' : 'year' };
  }
  return undefined;
}

function readMeasure(e: Expr): Pick<DraftThreshold, 'measure' | 'field'> | undefined {
  if (!isObject(e) || !('agg' in e) || e.filter !== undefined) return undefined;
  if (e.agg === 'count' && e.arg === undefined && !e.distinct) return { measure: 'count' };
  if (!isRef(e.arg)) return undefined;
  if (e.agg === 'count') return e.distinct ? { measure: 'count_distinct', field: e.arg } : undefined;
  return e.distinct ? undefined : { measure: e.agg as DraftMeasure, field: e.arg };
}

export function readThreshold(c: Condition): DraftThreshold | undefined {
  if (!isComparison(c)) return undefined;
  const measure = readMeasure(c.left);
  const right = readOperand(c.right);
  if (!measure || !right || right.kind === 'field') return undefined;
  return { ...measure, op: c.op, right };
}
