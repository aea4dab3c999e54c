import type { DatasetType, EnumFieldDef, FieldDef } from './catalogue-types.js';
import type { LocalisedText } from './result.js';
import { foldForMatch } from './text.js';

/**
 * Value mappings (字典映射): a department's own words for the codes of the standard's coded
 * fields, field key → department word → code. They sit next to the header mapping in a
 * department's mapping file; a person writes them, nothing adds them by itself.
 */
export type ValueMappings = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A department's whole mapping file: header → field key, and its value mappings. */
export interface MappingFile {
  readonly headers: Readonly<Record<string, string>>;
  readonly values: ValueMappings;
}

function isTextRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/**
 * Reads a mapping file's parsed JSON: `{"headers": {…}, "values": {field: {word: code}}}`,
 * or the older header-only form `{"<file header>": "<field key>"}`. Returns null for any
 * other shape. A header-only file whose headers happen to be "headers" and "values" reads
 * as the new form only when both are objects, which a header → field file never has.
 */
export function parseMappingFile(json: unknown): MappingFile | null {
  if (isTextRecord(json)) return { headers: json, values: {} };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const record = json as Record<string, unknown>;
  if (Object.keys(record).some((k) => k !== 'headers' && k !== 'values')) return null;
  const headers = record.headers ?? {};
  const values = record.values ?? {};
  if (!isTextRecord(headers)) return null;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  if (!Object.values(values).every(isTextRecord)) return null;
  return { headers, values: values as ValueMappings };
}

function wordsOf(field: EnumFieldDef, code: string): string[] {
  const value = field.values.find((v) => v.code === code);
  return value ? [value.code, value.label.zh, value.label.en, ...value.terms] : [];
}

/** The code the standard already reads a word as, or null (first claim wins, as normaliseEnum). */
function standardCodeOf(field: EnumFieldDef, word: string): string | null {
  const folded = foldForMatch(word);
  for (const value of field.values) {
    if (wordsOf(field, value.code).some((w) => foldForMatch(w) === folded)) return value.code;
  }
  return null;
}

/**
 * What is wrong with value mappings for a dataset type, one line each: a field the type
 * lacks or that holds no codes, a code the field does not have, an empty word, or a word the
 * standard already reads as another code (a department may add words, not redefine them).
 * Empty when they can be applied.
 */
export function checkValueMappings(dataset: DatasetType, mappings: ValueMappings): LocalisedText[] {
  const problems: LocalisedText[] = [];
  const fields = new Map<string, FieldDef>(dataset.fields.map((f) => [f.key, f]));
  for (const [key, words] of Object.entries(mappings)) {
    const field = fields.get(key);
    if (field === undefined) {
      problems.push({ zh: `${dataset.key} 没有字段 ${key}`, en: `${dataset.key} has no field ${key}` });
      continue;
    }
    if (field.type !== 'enum') {
      problems.push({
        zh: `字段 ${key} 不是代码字段，不能做字典映射`,
        en: `field ${key} holds no codes, so its values cannot be mapped`,
      });
      continue;
    }
    for (const [word, code] of Object.entries(words)) {
      if (foldForMatch(word) === '') {
        problems.push({ zh: `字段 ${key} 的映射有空白的取值`, en: `field ${key} maps a blank value` });
      } else if (!field.values.some((v) => v.code === code)) {
        const codes = field.values.map((v) => v.code).join(', ');
        problems.push({
          zh: `字段 ${key} 没有代码「${code}」（「${word}」），可选：${codes}`,
          en: `field ${key} has no code "${code}" (for "${word}"); choose one of ${codes}`,
        });
      } else {
        const already = standardCodeOf(field, word);
        if (already !== null && already !== code) {
          problems.push({
            zh: `「${word}」在标准中已表示字段 ${key} 的代码 ${already}，不能映射为 ${code}`,
            en: `"${word}" already means code ${already} of field ${key} in the standard; it cannot map to ${code}`,
          });
        }
      }
    }
  }
  return problems;
}

/**
 * The dataset type as an import with these value mappings reads it: each mapped word becomes
 * one more term of its code, so core's TypeScript normaliser and its SQL form (which read the
 * terms) both accept it, and agree by construction. Call checkValueMappings first: words that
 * would redefine a code, and mappings of unknown fields or codes, are left out here.
 */
export function applyValueMappings<T extends DatasetType>(dataset: T, mappings: ValueMappings): T {
  if (Object.keys(mappings).length === 0) return dataset;
  const fields = dataset.fields.map((field): FieldDef => {
    const words = mappings[field.key];
    if (field.type !== 'enum' || words === undefined) return field;
    const added = new Map<string, string[]>();
    for (const [word, code] of Object.entries(words)) {
      const already = standardCodeOf(field, word);
      if (already !== null || foldForMatch(word) === '') continue;
      added.set(code, [...(added.get(code) ?? []), word]);
    }
    const values = field.values.map((v) =>
      added.has(v.code) ? { ...v, terms: [...v.terms, ...added.get(v.code)!] } : v,
    );
    return { ...field, values };
  });
  return { ...dataset, fields };
}
