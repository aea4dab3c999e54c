import { type DivisionNameResolver, cleanText, parentDivisionCode } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** How deep a name may be qualified by its parents: 石家庄市新华区, 河北省石家庄市新华区… */
const MAX_CHAIN = 5;

interface DivisionEntry {
  code: string;
  name: string;
  parent_code: string | null;
}

/** Names compare without spaces and in half-width, as core's normaliser hands them over. */
function foldName(name: string): string {
  return cleanText(name).replace(/\s+/g, '');
}

/** The 12-digit codes of the divisions above one whose code starts with `prefix`. */
function ancestorCodes(prefix: string): string[] {
  if (prefix === '') return [];
  const out: string[] = [];
  let code: string | null = parentDivisionCode(prefix.padEnd(12, '0'));
  out.push(prefix.padEnd(12, '0'));
  while (code !== null && code !== '000000000000') {
    out.push(code);
    code = parentDivisionCode(code);
  }
  return out;
}

/**
 * Builds the name → codes index of a set of divisions. Each division is found by its own
 * name and by its name prefixed with one or more of its ancestors' names, so that an
 * ambiguous 新华区 can be written 石家庄市新华区 as the normaliser's message suggests.
 */
export function buildDivisionNameIndex(entries: readonly DivisionEntry[]): Map<string, string[]> {
  const byCode = new Map(entries.map((e) => [e.code.trim(), e]));
  const index = new Map<string, string[]>();
  const add = (name: string, code: string) => {
    const codes = index.get(name) ?? [];
    if (!codes.includes(code)) codes.push(code);
    index.set(name, codes);
  };
  for (const entry of entries) {
    const code = entry.code.trim();
    let name = foldName(entry.name);
    add(name, code);
    let parent = entry.parent_code?.trim() ?? null;
    for (let depth = 1; depth < MAX_CHAIN && parent !== null; depth++) {
      const up = byCode.get(parent);
      if (!up) break;
      name = foldName(up.name) + name;
      add(name, code);
      parent = up.parent_code?.trim() ?? null;
    }
  }
  return index;
}

/**
 * Loads a resolver for core's `normaliseDivision(raw, resolveName)` from the operational
 * `divisions` table. Build one per import and pass it in the normalise context: the
 * index is read once (the normaliser is synchronous and runs per cell), so later edits of
 * the table reach the next import, not a running one.
 *
 * `underPrefix` limits the index to a jurisdiction (plus its ancestors, for qualified
 * names): a county's clerk writes names of that county, and a national table of some
 * 700 000 villages need not sit in memory for it. An unknown name resolves to no code and
 * an ambiguous one to several, which the normaliser reports on the row.
 */
export async function loadDivisionResolver(
  db: Kysely<DB>,
  options: { underPrefix?: string } = {},
): Promise<DivisionNameResolver> {
  const prefix = options.underPrefix ?? '';
  let query = db.selectFrom('divisions').select(['code', 'name', 'parent_code']);
  if (prefix !== '') {
    const ancestors = ancestorCodes(prefix);
    query = query.where((eb) => eb.or([eb('code', 'like', `${prefix}%`), eb('code', 'in', ancestors)]));
  }
  const index = buildDivisionNameIndex(await query.execute());
  return (name) => index.get(foldName(name)) ?? [];
}
