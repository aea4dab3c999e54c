import { pinyin } from 'pinyin-pro';

/**
 * What a division's name ends with, in English: the name's own part is written in pinyin
 * (GB/T 16159: its syllables joined, an apostrophe before a syllable that opens with a
 * vowel, as in Xi'an), the generic part translated, as Chinese place names are given in
 * English text ("城关镇" → "Chengguan Town"). Longest first: 自治县 before 县.
 */
const GENERIC_PARTS: readonly (readonly [string, string])[] = [
  ['街道办事处', 'Subdistrict'],
  ['自治县', 'Autonomous County'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治区', 'Autonomous Region'],
  ['开发区', 'Development Zone'],
  ['居委会', "Residents' Committee"],
  ['村委会', 'Village Committee'],
  ['街道', 'Subdistrict'],
  ['社区', 'Community'],
  ['林场', 'Forest Farm'],
  ['农场', 'Farm'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['村', 'Village'],
  ['县', 'County'],
  ['区', 'District'],
  ['市', 'City'],
  ['省', 'Province'],
];

const HAN = /[\u3400-\u9fff]/;

/** The proper part of a name in pinyin, capitalised: 长乐 → Changle, 西安 → Xi'an. */
function properName(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const joined = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) && HAN.test(text) ? `'${s}` : s))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/**
 * One division's name in English: 城关镇 → Chengguan Town, 东风村 → Dongfeng Village, 北山街道 →
 * Beishan Subdistrict. A name with nothing Chinese in it is kept as it is; a name that is only
 * a generic word (村) is romanised whole.
 */
export function englishDivisionName(name: string): string {
  const trimmed = name.trim();
  if (!HAN.test(trimmed)) return trimmed;
  for (const [zh, en] of GENERIC_PARTS) {
    if (trimmed.endsWith(zh) && trimmed.length > zh.length) {
      return `${properName(trimmed.slice(0, -zh.length))} ${en}`;
    }
  }
  return properName(trimmed);
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** `englishDivisionName`, remembered: the same few hundred names are asked for on every page. */
export function englishDivisionNameCached(name: string): string {
  let english = cache.get(name);
  if (english === undefined) {
    english = englishDivisionName(name);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(name, english);
  }
  return english;
}
