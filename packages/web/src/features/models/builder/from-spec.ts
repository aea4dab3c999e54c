import type { Condition, ModelParameter, ModelSpec, RuleLogic, Source } from '@qingfeng/core';
import {
  DRAFT_PARAM_TYPES,
  type Draft,
  type DraftCondition,
  type DraftExists,
  type DraftParam,
  type DraftSource,
  type KeyPair,
  aliasOf,
  existsAliasOf,
} from './draft';
import { isRef, readCondition, readGroupKey, readThreshold } from './read-parts';
import { toModelSpec } from './to-spec';

/** Why a part of a document cannot be shown in the builder (each has a message in both languages). */
export type UnsupportedCode =
  'logic' | 'feature' | 'alias' | 'join' | 'condition' | 'aggregate' | 'parameter' | 'differs';

/** A part of the document the builder cannot show, by its path in the document. */
export interface SpecProblem {
  code: UnsupportedCode;
  path: string;
}

const UNITS = new Set(['days', 'yuan', 'count', 'percent']);

/** The first path at which two JSON values differ (keys holding undefined count as absent). */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  const here = path || '(document)';
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return here;
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return here;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const found = firstDifference(x[key], y[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Reads a model document back into a draft, for editing a builder-made model. Whatever the
 * builder cannot show is listed as a problem rather than dropped: a document opens only when
 * the draft it yields writes the very same document again (its version aside).
 */
export function fromModelSpec(spec: ModelSpec): { draft: Draft; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const fail = (code: UnsupportedCode, path: string) => void problems.push({ code, path });

  const param = (p: ModelParameter, i: number): DraftParam[] => {
    const type = DRAFT_PARAM_TYPES.find((t) => t === p.type);
    const value = p.default;
    if (
      !type ||
      p.options ||
      (p.unit && !UNITS.has(p.unit)) ||
      !(value === null || ['number', 'string'].includes(typeof value))
    ) {
      fail('parameter', `parameters[${i}]`);
      return [];
    }
    return [
      {
        key: p.key,
        type,
        default: value as number | string | null,
        label: { ...p.label },
        ...(p.unit ? { unit: p.unit as DraftParam['unit'] } : {}),
        ...(p.min !== undefined ? { min: p.min } : {}),
        ...(p.max !== undefined ? { max: p.max } : {}),
      },
    ];
  };

  const source = (s: Source, i: number): DraftSource => {
    const path = `logic.sources[${i}]`;
    if (s.alias !== aliasOf(i)) fail('alias', `${path}.alias`);
    if (s.where) fail('condition', `${path}.where`);
    const on: KeyPair[] = [];
    (s.on ?? []).forEach((c, k) => {
      const own = `${s.alias}.`;
      if (c.op === '=' && isRef(c.left) && typeof c.right === 'string' && c.right.startsWith(own)) {
        on.push({ left: c.left, right: c.right.slice(own.length) });
      } else fail('join', `${path}.on[${k}]`);
    });
    return { dataset: s.dataset, join: s.join === 'left' ? 'left' : 'inner', on };
  };

  const check = (c: Extract<Condition, { op: 'exists' | 'not_exists' }>, index: number, path: string): DraftExists => {
    if (c.alias !== existsAliasOf(index)) fail('alias', `${path}.alias`);
    const own = `${c.alias}.`;
    const on: KeyPair[] = [];
    const conditions: DraftCondition[] = [];
    c.where.forEach((w, k) => {
      // The leading equalities of its field with a source's are its key pairs, as the builder writes them.
      if (
        conditions.length === 0 &&
        w.op === '=' &&
        isRef(w.left) &&
        w.left.startsWith(own) &&
        isRef(w.right) &&
        !w.right.startsWith(own)
      ) {
        on.push({ left: w.right, right: w.left.slice(own.length) });
        return;
      }
      const read = readCondition(w);
      if (read) conditions.push(read);
      else fail('condition', `${path}.where[${k}]`);
    });
    return { negate: c.op === 'not_exists', dataset: c.dataset, on, conditions };
  };

  const logic = spec.logic;
  const draft: Draft = {
    id: spec.id,
    category: spec.category,
    severity: spec.severity,
    name: { ...spec.name },
    basis: { ...spec.basis },
    explanation: { ...spec.explanation },
    handling: { ...spec.handling },
    params: spec.parameters.flatMap(param),
    sources: [],
    conditions: [],
    exists: [],
    aggregate: null,
    subject: '',
  };
  if (spec.escalation) fail('feature', 'escalation');
  if (spec.indicator) fail('feature', 'indicator');
  if (logic.kind !== 'rule') {
    fail('logic', 'logic.kind');
    return { draft, problems };
  }
  for (const part of ['outlier', 'related', 'key', 'escalate'] as const satisfies (keyof RuleLogic)[]) {
    if (logic[part] !== undefined) fail('feature', `logic.${part}`);
  }
  draft.sources = logic.sources.map(source);
  (logic.where ?? []).forEach((c, i) => {
    const path = `logic.where[${i}]`;
    if (c.op === 'exists' || c.op === 'not_exists') {
      draft.exists.push(check(c, draft.exists.length, path));
      return;
    }
    const read = draft.exists.length === 0 ? readCondition(c) : undefined;
    if (read) draft.conditions.push(read);
    else fail('condition', path);
  });
  if (logic.aggregate) {
    const groupBy = logic.aggregate.groupBy.map(readGroupKey);
    const having = logic.aggregate.having.map(readThreshold);
    groupBy.forEach((k, i) => k || fail('aggregate', `logic.aggregate.groupBy[${i}]`));
    having.forEach((t, i) => t || fail('aggregate', `logic.aggregate.having[${i}]`));
    draft.aggregate = {
      groupBy: groupBy.filter((k) => k !== undefined),
      having: having.filter((t) => t !== undefined),
    };
  }
  const subject = logic.subject;
  if (isRef(subject)) draft.subject = subject;
  else if (typeof subject === 'object' && 'agg' in subject && subject.agg === 'min' && isRef(subject.arg))
    draft.subject = subject.arg;
  else fail('feature', 'logic.subject');

  if (problems.length === 0) {
    // Anything else the builder would write differently (facts, roles, incremental…).
    const found = firstDifference({ ...spec, version: 1 }, toModelSpec(draft));
    if (found) fail('differs', found);
  }
  return { draft, problems };
}
