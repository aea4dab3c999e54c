import type { Expr } from '@qingfeng/core';
import type { Draft } from './draft';
import { fieldChoices } from './fields';
import { fieldName, groupExpr, groupKeyName, measureExpr, measureName } from './spec-parts';

export interface Placeholder {
  name: string;
  expr: Expr;
}

/**
 * Placeholders of a grouped rule. A hit is a group, so a field that is not a group key is
 * shown as one value of the group (the smallest): meant for values the group shares, such
 * as the name of the person it is grouped by. The group's count, its thresholds' measures
 * and the totals of its amounts can be named too.
 */
function groupedPlaceholders(draft: Draft, aggregate: NonNullable<Draft['aggregate']>): Placeholder[] {
  const plainKeys = new Set(aggregate.groupBy.filter((k) => !k.bucket).map((k) => k.field));
  const fields = fieldChoices(draft);
  return [
    ...fields.map((c) => ({
      name: fieldName(c.ref),
      expr: plainKeys.has(c.ref) ? c.ref : ({ agg: 'min', arg: c.ref } as const),
    })),
    ...aggregate.groupBy.filter((k) => k.bucket).map((k) => ({ name: groupKeyName(k), expr: groupExpr(k) })),
    { name: 'count', expr: { agg: 'count' } },
    ...aggregate.having
      .filter((t) => t.measure === 'count' || t.field)
      .map((t) => ({
        name: measureName(t),
        expr: measureExpr(t),
      })),
    ...fields
      .filter((c) => c.field.type === 'money')
      .map((c) => ({
        name: measureName({ measure: 'sum', field: c.ref }),
        expr: measureExpr({ measure: 'sum', field: c.ref }),
      })),
  ];
}

/** Placeholders the explanation may use (`a_paid_on` for fields, the key for parameters), each once. */
export function placeholderChoices(draft: Draft): Placeholder[] {
  const base = draft.aggregate
    ? groupedPlaceholders(draft, draft.aggregate)
    : fieldChoices(draft).map((c) => ({ name: fieldName(c.ref), expr: c.ref }));
  const all = [...base, ...draft.params.filter((p) => p.key).map((p) => ({ name: p.key, expr: { param: p.key } }))];
  const seen = new Set<string>();
  return all.filter((p) => !seen.has(p.name) && seen.add(p.name));
}
