import { compactCodeSql, fullMatch, type SqlDialect } from './dialect.js';

// Same character set and weights as normalise/uscc.ts (GB 32100-2015).
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A SQL expression yielding the normalised 18-character USCC for the raw text in `column`,
 * or NULL when it is not a valid GB 32100-2015 code. Mirrors `normaliseUscc`.
 */
export function usccCheckDigitSql(dialect: SqlDialect, column: string): string {
  return usccFromCompactSql(dialect, compactCodeSql(column));
}

/** `usccCheckDigitSql` over an expression already compacted by `compactCodeSql`. */
export function usccFromCompactSql(dialect: SqlDialect, s: string): string {
  const sum = WEIGHTS.map((w, i) => `(strpos('${CHARSET}', substr(${s}, ${i + 1}, 1)) - 1) * ${w}`).join(' + ');
  const check = `substr('${CHARSET}', ((31 - ((${sum}) % 31)) % 31) + 1, 1)`;
  const shape = fullMatch(dialect, s, '[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}');
  return `CASE WHEN ${shape} THEN CASE WHEN substr(${s}, 18, 1) = ${check} THEN ${s} END END`;
}
