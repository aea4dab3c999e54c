import type { CompareOp, Severity } from '@qingfeng/core';

/**
 * What the builder edits: a rule in the terms a person thinks in (datasets, join keys,
 * conditions, checks against other datasets, an optional threshold per group, parameters,
 * texts). `toModelSpec` turns it into the model document format the built-in library uses,
 * so a saved model is indistinguishable from a shipped one; `fromModelSpec` reads one back.
 */

/** `alias.field`, e.g. `a.paid_on`. */
export type FieldRef = string;

export interface DraftSource {
  dataset: string;
  join: 'inner' | 'left';
  /** Pairs of equal fields: one of an earlier source, one of this source. */
  on: KeyPair[];
}

export type Operand =
  { kind: 'field'; field: FieldRef } | { kind: 'param'; key: string } | { kind: 'value'; value: string };

export type DraftOp = CompareOp | 'is_null' | 'not_null' | 'within_days';
export const DRAFT_OPS: readonly DraftOp[] = ['=', '<>', '>', '>=', '<', '<=', 'is_null', 'not_null', 'within_days'];

export interface DraftCondition {
  left: FieldRef;
  op: DraftOp;
  right: Operand;
  /** A days parameter added to the right side (a date window), or the window of `within_days`. */
  days?: string;
}

/** A key pair: a field of an earlier source (`alias.field`) equal to a field of this dataset (its key). */
export interface KeyPair {
  left: FieldRef;
  right: string;
}

/**
 * "There is (not) a row of another dataset for this hit": rows matched by key pairs and
 * optional conditions — a date window is a condition on one of its dates. Its rows never
 * become evidence (absence is not evidence), so it adds no source.
 */
export interface DraftExists {
  negate: boolean;
  dataset: string;
  on: KeyPair[];
  /** On its fields (`x1.death_date`) and the sources' (`a.paid_on`), e.g. a date window. */
  conditions: DraftCondition[];
}

/** A group key: a field, or the month or year of a date field ("in a month"). */
export interface DraftGroupKey {
  field: FieldRef;
  bucket?: 'month' | 'year';
}

export type DraftMeasure = 'count' | 'count_distinct' | 'sum' | 'min' | 'max' | 'avg';
export const DRAFT_MEASURES: readonly DraftMeasure[] = ['count', 'count_distinct', 'sum', 'min', 'max', 'avg'];

/** One threshold on a group: the measure (over `field`, except a plain count) compared with a parameter or value. */
export interface DraftThreshold {
  measure: DraftMeasure;
  field?: FieldRef;
  op: CompareOp;
  right: Extract<Operand, { kind: 'param' | 'value' }>;
}

/** Rows grouped by keys; each group meeting every threshold is one hit. */
export interface DraftAggregate {
  groupBy: DraftGroupKey[];
  having: DraftThreshold[];
}

export type DraftParamType = 'int' | 'number' | 'money' | 'date' | 'text';
export const DRAFT_PARAM_TYPES: readonly DraftParamType[] = ['int', 'number', 'money', 'date', 'text'];

export interface DraftParam {
  key: string;
  type: DraftParamType;
  default: number | string | null;
  min?: number;
  max?: number;
  unit?: 'days' | 'yuan' | 'count' | 'percent';
  label: { zh: string; en: string };
}

export interface Draft {
  id: string;
  category: string;
  severity: Severity;
  name: { zh: string; en: string };
  basis: { zh: string; en: string };
  explanation: { zh: string; en: string };
  handling: { zh: string; en: string };
  sources: DraftSource[];
  params: DraftParam[];
  conditions: DraftCondition[];
  exists: DraftExists[];
  /** null: every matching row combination is a hit. */
  aggregate: DraftAggregate | null;
  /** The hit's primary subject: a person or organisation field of a source. */
  subject: FieldRef;
}

/** Source aliases by position: a, b, c… */
export const aliasOf = (index: number): string => String.fromCharCode(97 + index);

/** Aliases of the exists checks: x1, x2… (never a source's). */
export const existsAliasOf = (index: number): string => `x${index + 1}`;

export const EMPTY_TEXT = { zh: '', en: '' };

export function emptyDraft(): Draft {
  return {
    id: '',
    category: 'U',
    severity: 'orange',
    name: { ...EMPTY_TEXT },
    basis: { ...EMPTY_TEXT },
    explanation: { ...EMPTY_TEXT },
    handling: { ...EMPTY_TEXT },
    sources: [{ dataset: '', join: 'inner', on: [] }],
    params: [],
    conditions: [],
    exists: [],
    aggregate: null,
    subject: '',
  };
}

/**
 * Removes exists check `index`; the later checks move up one alias (x3 → x2), and so do
 * the fields their conditions name.
 */
export function removeExists(checks: DraftExists[], index: number): DraftExists[] {
  const rename = (ref: FieldRef, from: number): FieldRef =>
    ref.startsWith(`${existsAliasOf(from)}.`)
      ? `${existsAliasOf(from - 1)}${ref.slice(existsAliasOf(from).length)}`
      : ref;
  return checks.flatMap((check, i) => {
    if (i < index) return [check];
    if (i === index) return [];
    const conditions = check.conditions.map((c) => ({
      ...c,
      left: rename(c.left, i),
      right: c.right.kind === 'field' ? { ...c.right, field: rename(c.right.field, i) } : c.right,
    }));
    return [{ ...check, conditions }];
  });
}
