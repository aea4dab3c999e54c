import { toDivisionCode12 } from '../divisions/division-code.js';
import { wallClockMinute } from '../models/wall-clock.js';
import type { EnumValue, FieldDef } from './catalogue-types.js';
import { STANDARD_DATASETS } from './catalogue.js';
import type { LocalisedText } from './result.js';

/** The two languages every text is shown in. */
export type Lang = keyof LocalisedText;

/**
 * A division's place name for a 12-digit code in the reader's language (town and village,
 * as the deployment's division register names them; in English, romanised), or undefined
 * when the register does not know it. The server builds one from a single query for all the
 * codes a page shows.
 */
export type PlaceNames = (code12: string, lang: Lang) => string | undefined;

const BOOL: Readonly<Record<'true' | 'false', LocalisedText>> = {
  true: { zh: '是', en: 'yes' },
  false: { zh: '否', en: 'no' },
};

/** 是/否 or yes/no. */
export function boolLabel(value: boolean, lang: Lang): string {
  return BOOL[value ? 'true' : 'false'][lang];
}

/** The label of a code in a list of enum values, or undefined when the code is not in it. */
export function codeLabel(values: readonly EnumValue[], code: string, lang: Lang): string | undefined {
  return values.find((v) => v.code === code)?.label[lang];
}

// Every code of every enum field of the standard, first definition wins: a code such as
// `spouse` means the same wherever it appears.
let everyCode: ReadonlyMap<string, LocalisedText> | undefined;
function standardCodes(): ReadonlyMap<string, LocalisedText> {
  if (everyCode === undefined) {
    const codes = new Map<string, LocalisedText>();
    for (const dataset of STANDARD_DATASETS) {
      for (const field of dataset.fields) {
        if (field.type !== 'enum') continue;
        for (const value of field.values) if (!codes.has(value.code)) codes.set(value.code, value.label);
      }
    }
    everyCode = codes;
  }
  return everyCode;
}

/** Every enum code of the data standard (programmes, sex, relations, statuses…) and its label. */
export function standardCodeLabels(): ReadonlyMap<string, LocalisedText> {
  return standardCodes();
}

const DIVISION_DIGITS = /^\d{6}(\d{3}(\d{3})?)?$/;

/** A division code shown as its place name; the code itself when the register does not know it. */
export function placeLabel(code: string, places: PlaceNames | undefined, lang: Lang): string {
  if (!DIVISION_DIGITS.test(code)) return code;
  const code12 = toDivisionCode12(code);
  return (code12 === null ? undefined : places?.(code12, lang)) ?? code;
}

/** A list shown in running text: 、 between Chinese items, a comma between English ones. */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

/**
 * One value of a dataset field as a reader sees it: an enum code by its label, a boolean as
 * yes or no, a division by its place name, an instant on the wall clock; other values as
 * they are. `field` undefined (a column the standard does not name) shows the value as is.
 */
export function fieldValueLabel(field: FieldDef | undefined, value: unknown, lang: Lang, places?: PlaceNames): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return boolLabel(value, lang);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field?.type === 'enum') return codeLabel(field.values, value, lang) ?? value;
  if (field?.type === 'division') return placeLabel(value, places, lang);
  if (field?.type === 'bool' && (value === 'true' || value === 'false')) return boolLabel(value === 'true', lang);
  return wallClockMinute(value) ?? value;
}

/** The sex an identity number gives, as the lake stores it (`<field>_sex`). */
export const SEX_VALUES: readonly EnumValue[] = [
  { code: 'female', label: { zh: '女', en: 'Female' }, terms: [] },
  { code: 'male', label: { zh: '男', en: 'Male' }, terms: [] },
];
