import { type Lang, type LocalisedText, type PlaceNames, toDivisionCode12 } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { englishDivisionNameCached } from './english-place-name.js';

// A village is named with its town (两个村可以同名), so the town's code is read beside it.
function townOf(code12: string): string | null {
  return code12.endsWith('000') ? null : `${code12.slice(0, 9)}000`;
}

const CHUNK = 1000;

/**
 * A village with its town: 城关镇东风村 in Chinese; "Dongfeng Village, Chengguan Town" in
 * English, the smaller place first as English addresses are written. A register whose
 * village names already carry the town's is not doubled.
 */
function withTown(own: string, townName: string | undefined, lang: Lang): string {
  const alone = townName !== undefined && own.startsWith(townName) ? own.slice(townName.length) : own;
  if (lang === 'zh') return townName === undefined ? own : `${townName}${alone}`;
  const village = englishDivisionNameCached(alone === '' ? own : alone);
  return townName === undefined ? village : `${village}, ${englishDivisionNameCached(townName)}`;
}

/**
 * The place names of divisions, read from the division register in one query per thousand
 * codes, however many warnings or rows name them: a village as its town and village
 * (城关镇东风村), a town or a county as itself; in English, romanised. A code the register
 * does not know has no name, and is shown as its code.
 */
export async function findPlaceNames(db: Kysely<DB>, codes: Iterable<string>): Promise<PlaceNames> {
  const wanted = new Set<string>();
  for (const raw of codes) {
    const code = toDivisionCode12(raw);
    if (code === null) continue;
    wanted.add(code);
    const town = townOf(code);
    if (town !== null) wanted.add(town);
  }
  const names = new Map<string, string>();
  const all = [...wanted];
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = await db
      .selectFrom('divisions')
      .select(['code', 'name'])
      .where('code', 'in', all.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) names.set(row.code, row.name);
  }
  return (code12, lang) => {
    const own = names.get(code12);
    if (own === undefined) return undefined;
    const town = townOf(code12);
    return withTown(own, town === null ? undefined : names.get(town), lang);
  };
}

/** A division's place name in both languages, or null when the register does not name it (shown as its code). */
export function placeNameOf(places: PlaceNames, code: string): LocalisedText | null {
  const code12 = toDivisionCode12(code);
  const zh = code12 === null ? undefined : places(code12, 'zh');
  return code12 === null || zh === undefined ? null : { zh, en: places(code12, 'en') ?? zh };
}

/** Every value in `values` that could be a division code (6, 9 or 12 digits). */
export function divisionCodesIn(values: Iterable<unknown>): string[] {
  const out = new Set<string>();
  for (const value of values) if (typeof value === 'string' && /^\d{6}(\d{3}(\d{3})?)?$/.test(value)) out.add(value);
  return [...out];
}
