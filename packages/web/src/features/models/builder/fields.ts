import { type FieldDef, findDataset } from '@qingfeng/core';
import type { Draft, FieldRef } from './draft';
import { aliasOf } from './draft';

/** Field types that stand for a person or an organisation (joined by subject key). */
export const SUBJECT_TYPES = new Set(['id', 'uscc', 'subject']);
const NUMERIC_TYPES = new Set(['int', 'decimal', 'money', 'lat', 'lon']);

export interface FieldChoice {
  ref: FieldRef;
  alias: string;
  dataset: string;
  field: FieldDef;
}

/** Every field of the draft's sources (those before `upTo`, when given), as `alias.field`. */
export function fieldChoices(draft: Draft, upTo = draft.sources.length): FieldChoice[] {
  return draft.sources.slice(0, upTo).flatMap((source, i) => {
    const alias = aliasOf(i);
    return (findDataset(source.dataset)?.fields ?? []).map((field) => ({
      ref: `${alias}.${field.key}`,
      alias,
      dataset: source.dataset,
      field,
    }));
  });
}

export function findChoice(draft: Draft, ref: FieldRef): FieldChoice | undefined {
  return fieldChoices(draft).find((c) => c.ref === ref);
}

export const isNumericField = (field: FieldDef | undefined) => field !== undefined && NUMERIC_TYPES.has(field.type);

/** The join keys people ask for by name; each is the same field key on both sides. */
export const JOIN_PRESETS = [
  { key: 'subject', fields: ['id'] },
  { key: 'household', fields: ['household_no'] },
  { key: 'account', fields: ['account_no'] },
  { key: 'tender', fields: ['tender_id'] },
  { key: 'company', fields: ['uscc'] },
] as const;

export type JoinPreset = (typeof JOIN_PRESETS)[number]['key'];

/** The preset's pair for source `index`: the first earlier source with the field, and this one. */
export function presetPair(
  draft: Draft,
  index: number,
  preset: JoinPreset,
): { left: FieldRef; right: string } | undefined {
  const fields = JOIN_PRESETS.find((p) => p.key === preset)?.fields ?? [];
  const mine = findDataset(draft.sources[index]?.dataset ?? '')?.fields ?? [];
  for (const key of fields) {
    if (!mine.some((f) => f.key === key)) continue;
    const earlier = fieldChoices(draft, index).find((c) => c.field.key === key);
    if (earlier) return { left: earlier.ref, right: key };
  }
  return undefined;
}

/** Placeholders the explanation may use: `a_paid_on` for fields, the key for parameters. */
export function placeholderChoices(draft: Draft): { name: string; ref?: FieldRef; param?: string }[] {
  return [
    ...fieldChoices(draft).map((c) => ({ name: `${c.alias}_${c.field.key}`, ref: c.ref })),
    ...draft.params.filter((p) => p.key).map((p) => ({ name: p.key, param: p.key })),
  ];
}
