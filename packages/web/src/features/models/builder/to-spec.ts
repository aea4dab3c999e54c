import type { Condition, Expr, ModelParameter, ModelSpec, Source } from '@qingfeng/core';
import { type Draft, type DraftExists, aliasOf, existsAliasOf } from './draft';
import { checkFieldChoices, findChoice } from './fields';
import { placeholderChoices } from './placeholders';
import { conditionOf, groupExpr, thresholdOf } from './spec-parts';

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

/** The check as the built-ins write it: its key pairs (its field first), then its conditions. */
function existsOf(draft: Draft, check: DraftExists, index: number): Condition {
  const alias = existsAliasOf(index);
  const own = checkFieldChoices(draft, index);
  return {
    op: check.negate ? 'not_exists' : 'exists',
    alias,
    dataset: check.dataset,
    where: [
      ...check.on.map((pair) => ({ op: '=' as const, left: `${alias}.${pair.right}`, right: pair.left })),
      ...check.conditions.map((c) =>
        conditionOf(c, c.left, (own.find((f) => f.ref === c.left) ?? findChoice(draft, c.left))?.field),
      ),
    ],
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
  return Object.fromEntries(placeholderChoices(draft).flatMap((p) => (used.has(p.name) ? [[p.name, p.expr]] : [])));
}

/** A grouped hit's subject must be one value per group: the field when it is a key, else the group's smallest. */
function subjectOf(draft: Draft): Expr {
  const isKey = draft.aggregate?.groupBy.some((k) => !k.bucket && k.field === draft.subject) ?? true;
  return isKey ? draft.subject : { agg: 'min', arg: draft.subject };
}

/** The draft as a model document, in exactly the format of the built-in library. */
export function toModelSpec(draft: Draft): ModelSpec {
  const read = [...new Set(draft.sources.map((s) => s.dataset).filter(Boolean))];
  const inputs = [...new Set([...read, ...draft.exists.map((e) => e.dataset).filter(Boolean)])];
  const where = [
    ...draft.conditions.map((c) => conditionOf(c, c.left, findChoice(draft, c.left)?.field)),
    ...draft.exists.map((check, i) => existsOf(draft, check, i)),
  ];
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
    // New rows of a dataset read drive an incremental run, joined against everything loaded;
    // a group's threshold needs all its rows, so grouped models always run in full.
    incremental: draft.aggregate ? false : { drivers: read },
    logic: {
      kind: 'rule',
      sources: draft.sources.map((_, i) => sourceOf(draft, i)),
      ...(where.length > 0 ? { where } : {}),
      ...(draft.aggregate
        ? {
            aggregate: {
              groupBy: draft.aggregate.groupBy.map(groupExpr),
              having: draft.aggregate.having.map(thresholdOf),
            },
          }
        : {}),
      subject: subjectOf(draft),
      facts: factsOf(draft),
    },
  };
}
