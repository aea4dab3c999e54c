import { findDataset, findField } from '../standard/catalogue.js';
import type { Lang, PlaceNames } from '../standard/value-labels.js';
import { factText } from './explain.js';
import { columnKind } from './fact-kinds.js';

const DERIVED: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  birth_date: { zh: '出生日期', en: 'date of birth' },
  sex: { zh: '性别', en: 'sex' },
  region: { zh: '籍贯地区', en: 'region of issue' },
};

/**
 * A lake column of a dataset under its label in the reader's language; the values the lake
 * derives from an identity number (`<field>_birth_date|sex|region`) are named after it.
 * A column the standard does not know keeps its name.
 */
export function columnLabel(dataset: string, column: string, lang: Lang): string {
  const type = findDataset(dataset);
  if (type === undefined) return column;
  const own = findField(type, column);
  if (own !== undefined) return own.label[lang];
  const m = /^(.+)_(birth_date|sex|region)$/.exec(column);
  const base = m?.[1] === undefined ? undefined : findField(type, m[1]);
  const derived = m?.[2] === undefined ? undefined : DERIVED[m[2]];
  if (base === undefined || derived === undefined) return column;
  return `${base.label[lang]} · ${derived[lang]}`;
}

/** A value of an evidence row in words: a code by its label, a division by its place name, yes or no. */
export function columnValueText(
  dataset: string,
  column: string,
  value: unknown,
  lang: Lang,
  places?: PlaceNames,
): string {
  if (value === '') return '—';
  return factText(value, columnKind(dataset, column), { lang, places, sentenceStart: true });
}
