import type { EnumValue } from '../catalogue-types.js';
import { foldForMatch } from '../text.js';
import { cleanTextSql, foldSql } from './text.js';
import { literal, type SqlDialect } from './dialect.js';

// Same words as normalise/bool.ts, already folded.
const TRUE_WORDS = ['是', 'y', 'yes', '1', 'true', 't', '有', '√', '✓', '对'];
const FALSE_WORDS = ['否', 'n', 'no', '0', 'false', 'f', '无', '×', '✗', '不是', '没有'];

function inList(words: readonly string[]): string {
  return words.map(literal).join(', ');
}

/** `normaliseBool`: 是/否, Y/N, 1/0, true/false, 有/无 and check marks; NULL for anything else. */
export function boolSql(dialect: SqlDialect, expr: string): string {
  const word = foldSql(cleanTextSql(dialect, expr));
  return `CASE WHEN ${word} IN (${inList(TRUE_WORDS)}) THEN TRUE WHEN ${word} IN (${inList(FALSE_WORDS)}) THEN FALSE END`;
}

/**
 * `normaliseEnum`: the code for its code, labels or terms, compared folded. The words are
 * folded here by the TypeScript fold, so both sides agree by construction; a word claimed
 * by two codes keeps the first, as the TS form's loop does.
 */
export function enumSql(dialect: SqlDialect, expr: string, values: readonly EnumValue[]): string {
  const word = foldSql(cleanTextSql(dialect, expr));
  const claimed = new Set<string>();
  const branches: string[] = [];
  for (const value of values) {
    const words = [value.code, value.label.zh, value.label.en, ...value.terms]
      .map(foldForMatch)
      .filter((w) => !claimed.has(w));
    for (const w of words) claimed.add(w);
    if (words.length > 0) branches.push(`WHEN ${word} IN (${inList([...new Set(words)])}) THEN ${literal(value.code)}`);
  }
  return branches.length === 0 ? 'CASE WHEN FALSE THEN NULL END' : `CASE ${branches.join(' ')} END`;
}
