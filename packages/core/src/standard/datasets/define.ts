import type { EnumFieldDef, EnumValue, ScalarFieldDef } from '../catalogue-types.js';
import type { FieldType } from '../field-types.js';

/** Options shared by the field builders; fields are optional unless marked required. */
export interface FieldOptions {
  readonly required?: boolean;
  readonly synonyms?: readonly string[];
}

/** Builds a non-enum field definition. */
export function field(
  key: string,
  type: Exclude<FieldType, 'enum'>,
  zh: string,
  en: string,
  options: FieldOptions = {},
): ScalarFieldDef {
  return { key, type, label: { zh, en }, required: options.required ?? false, synonyms: options.synonyms ?? [] };
}

/** Builds an enum field definition with its codes. */
export function enumField(
  key: string,
  zh: string,
  en: string,
  values: readonly EnumValue[],
  options: FieldOptions = {},
): EnumFieldDef {
  return {
    key,
    type: 'enum',
    label: { zh, en },
    required: options.required ?? false,
    synonyms: options.synonyms ?? [],
    values,
  };
}

/** Builds one enum code with its Chinese label and the other terms in use for it. */
export function code(code: string, zh: string, en: string, terms: readonly string[] = []): EnumValue {
  return { code, label: { zh, en }, terms };
}

/** Marks a field required, for reusing common fields where the spec stars them. */
export function required<T extends ScalarFieldDef | EnumFieldDef>(def: T): T {
  return { ...def, required: true };
}
