import { type FieldDef, findDataset } from '@qingfeng/core';
import type { Draft, FieldRef, KeyPair } from './draft';
import { aliasOf, existsAliasOf } from './draft';

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

/** The fields of exists check `index`, under its alias. */
export function checkFieldChoices(draft: Draft, index: number): FieldChoice[] {
  const dataset = draft.exists[index]?.dataset ?? '';
  const alias = existsAliasOf(index);
  return (findDataset(dataset)?.fields ?? []).map((field) => ({ ref: `${alias}.${field.key}`, alias, dataset, field }));
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

/** The preset's pair for `dataset` against earlier fields: the first earlier field with the key, and the key. */
export function presetPair(dataset: string, earlier: FieldChoice[], preset: JoinPreset): KeyPair | undefined {
  const fields = JOIN_PRESETS.find((p) => p.key === preset)?.fields ?? [];
  const mine = findDataset(dataset)?.fields ?? [];
  for (const key of fields) {
    if (!mine.some((f) => f.key === key)) continue;
    const match = earlier.find((c) => c.field.key === key);
    if (match) return { left: match.ref, right: key };
  }
  return undefined;
}
