import type { LocalisedText } from '../standard/result.js';
import { boolLabel, joinList, type Lang } from '../standard/value-labels.js';
import { literalText, percentText } from './explain.js';
import type { Geofence, ModelParameter, ModelSpec } from './spec-types.js';

// A number's unit after it, in each language; a count needs none, a share is a percentage.
const UNIT_WORDS: Readonly<Record<NonNullable<ModelParameter['unit']>, LocalisedText | null>> = {
  days: { zh: '天', en: ' days' },
  hours: { zh: '小时', en: ' hours' },
  yuan: { zh: '元', en: ' yuan' },
  percent: { zh: '%', en: '%' },
  ratio: null,
  km: { zh: '公里', en: ' km' },
  count: null,
  year: { zh: '年', en: ' years' },
  mu: { zh: '亩', en: ' mu' },
};

const NOT_SET: LocalisedText = { zh: '未设置', en: 'not set' };

/** A code a parameter holds (a programme, a company role) by its label; `a:b` as a pair of them. */
function codeWords(text: string, lang: Lang): string {
  const pair = text.split(':');
  if (pair.length === 2) return pair.map((code) => literalText(code, lang)).join(lang === 'zh' ? '与' : ' and ');
  return literalText(text, lang);
}

function isGeofence(value: unknown): value is Geofence {
  return typeof value === 'object' && value !== null && 'radiusKm' in value && 'name' in value;
}

/**
 * A parameter's value as a reader sees it: a number with its unit (a ratio as a percentage),
 * yes or no, codes by their labels, a geofence by its name and radius; never JSON.
 */
export function paramValueText(def: ModelParameter | undefined, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return NOT_SET[lang];
  if (typeof value === 'boolean') return boolLabel(value, lang);
  if (typeof value === 'number') {
    if (def?.unit === 'ratio') return percentText(value);
    const unit = def?.unit === undefined ? null : UNIT_WORDS[def.unit];
    return unit === null ? String(value) : `${value}${unit[lang]}`;
  }
  if (typeof value === 'string') return def?.type === 'date' ? value : codeWords(value, lang);
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'zh' ? '无' : 'none';
    return joinList(
      value.map((item: unknown) => {
        if (isGeofence(item)) {
          return lang === 'zh'
            ? `${item.name}（半径${item.radiusKm}公里）`
            : `${item.name} (${item.radiusKm} km radius)`;
        }
        return typeof item === 'string' ? codeWords(item, lang) : String(item);
      }),
      lang,
    );
  }
  // Nothing a parameter holds is left (every ParamValue is handled above); shown, not thrown.
  return JSON.stringify(value);
}

/** Each parameter a version holds, by its label in the reader's language, and its value in words. */
export function paramsInWords(
  spec: ModelSpec,
  params: Readonly<Record<string, unknown>>,
  lang: Lang,
): { key: string; label: string; text: string }[] {
  return Object.entries(params).map(([key, value]) => {
    const def = spec.parameters.find((p) => p.key === key);
    // A parameter the current document no longer has is named by its key.
    return { key, label: def?.label[lang] ?? key, text: paramValueText(def, value, lang) };
  });
}
