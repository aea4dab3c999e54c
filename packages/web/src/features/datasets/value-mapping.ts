import type { DatasetField, MappingFile, UnknownValue, ValueMappings } from '../../api/datasets';
import { type MappingChoice, toHeaderMapping } from './mapping';

/** The unknown values a person has not mapped yet (a mapped value is read as its code on import). */
export function pendingUnknownValues(unknown: readonly UnknownValue[], values: ValueMappings): UnknownValue[] {
  return unknown.filter((u) => values[u.field]?.[u.value] === undefined);
}

/** The value mappings with one more: `word` of `field` read as `code`. */
export function withValue(values: ValueMappings, field: string, word: string, code: string): ValueMappings {
  return { ...values, [field]: { ...values[field], [word]: code } };
}

/** The value mappings without `word` of `field` (and without the field once it has none left). */
export function withoutValue(values: ValueMappings, field: string, word: string): ValueMappings {
  const words = Object.fromEntries(Object.entries(values[field] ?? {}).filter(([w]) => w !== word));
  const rest = Object.fromEntries(Object.entries(values).filter(([f]) => f !== field));
  return Object.keys(words).length > 0 ? { ...rest, [field]: words } : rest;
}

/** The mapping file an import sends and the person can keep: the command line's --mapping reads the same. */
export function toMappingFile(choice: MappingChoice, values: ValueMappings): MappingFile {
  return { headers: toHeaderMapping(choice), values };
}

/**
 * Whether the choice feeds a coded field from a column the preview did not read for it: its
 * values have not been checked against the codes yet, so the preview must be read again.
 */
export function needsValueCheck(
  fields: readonly DatasetField[],
  checked: Record<string, string>,
  choice: MappingChoice,
): boolean {
  const coded = new Set(fields.filter((f) => f.values !== undefined).map((f) => f.key));
  return Object.entries(choice).some(([header, field]) => field && coded.has(field) && checked[header] !== field);
}
