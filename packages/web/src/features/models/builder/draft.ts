import type { CompareOp, Severity } from '@qingfeng/core';

/**
 * What the builder edits: a rule in the terms a person thinks in (datasets, join keys,
 * conditions, parameters, texts). `toModelSpec` turns it into the model document format
 * the built-in library uses, so a saved model is indistinguishable from a shipped one.
 */

/** `alias.field`, e.g. `a.paid_on`. */
export type FieldRef = string;

export interface DraftSource {
  dataset: string;
  join: 'inner' | 'left';
  /** Pairs of equal fields: one of an earlier source, one of this source. */
  on: { left: FieldRef; right: string }[];
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
  /** The hit's primary subject: a person or organisation field of a source. */
  subject: FieldRef;
}

/** Source aliases by position: a, b, c… */
export const aliasOf = (index: number): string => String.fromCharCode(97 + index);

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
    subject: '',
  };
}
