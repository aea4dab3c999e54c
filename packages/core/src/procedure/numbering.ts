import type { LocalisedText } from '../standard/result.js';

/**
 * A deployment's numbering scheme for registered clues (and, with its own pattern, cases):
 * a pattern of literal text and the placeholders `{org}` (the organisation's abbreviation),
 * `{year}` (four digits) and `{seq}` or `{seq:N}` (the year's running number, padded to N
 * digits). The default gives `县纪线〔2026〕0001`-style numbers, the form registers use.
 */
export interface NumberingScheme {
  readonly pattern: string;
}

export const DEFAULT_CLUE_NUMBERING: NumberingScheme = { pattern: '{org}线〔{year}〕{seq:4}' };
export const DEFAULT_CASE_NUMBERING: NumberingScheme = { pattern: '{org}案〔{year}〕{seq:3}' };

const PLACEHOLDER = /\{(org|year|seq)(?::(\d+))?\}|\{[^}]*\}/g;

/**
 * Problems with a scheme, all at once. The year and the running number must both appear
 * once, since the server restarts the count each year and a number must never repeat.
 */
export function checkNumberingScheme(scheme: NumberingScheme): LocalisedText[] {
  const problems: LocalisedText[] = [];
  const found = [...scheme.pattern.matchAll(PLACEHOLDER)];
  for (const m of found) {
    if (!m[1]) problems.push({ zh: `未知占位符：${m[0]}`, en: `Unknown placeholder: ${m[0]}` });
    else if (m[2] !== undefined && (m[1] !== 'seq' || Number(m[2]) < 1 || Number(m[2]) > 12)) {
      problems.push({ zh: `占位符宽度无效：${m[0]}`, en: `Invalid width in ${m[0]} (only {seq:1} to {seq:12})` });
    }
  }
  for (const name of ['year', 'seq'] as const) {
    const count = found.filter((m) => m[1] === name).length;
    if (count !== 1) {
      problems.push({ zh: `编号规则须恰好包含一个{${name}}`, en: `The pattern must contain {${name}} exactly once` });
    }
  }
  if (scheme.pattern.length > 60) problems.push({ zh: '编号规则过长', en: 'The pattern is longer than 60 characters' });
  return problems;
}

export interface NumberParts {
  readonly org: string;
  readonly year: number;
  readonly sequence: number;
}

/** The registration number for `parts` under `scheme`. Throws on a scheme `checkNumberingScheme` rejects. */
export function formatRegistrationNumber(scheme: NumberingScheme, parts: NumberParts): string {
  const problems = checkNumberingScheme(scheme);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.en).join('; '));
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999)
    throw new RangeError(`Not a year: ${parts.year}`);
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1)
    throw new RangeError(`Not a running number: ${parts.sequence}`);
  return scheme.pattern.replace(PLACEHOLDER, (_all, name: string, width?: string) => {
    if (name === 'org') return parts.org;
    if (name === 'year') return String(parts.year);
    return String(parts.sequence).padStart(Number(width ?? 1), '0');
  });
}
