import { PROVINCE_PREFIXES } from '../normalise/province-codes.js';
import { compactCodeSql, digitAt, fullMatch, literal, realDateSql, type SqlDialect } from './dialect.js';

// Same weights and check characters as normalise/id-number.ts (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function checkCharSql(first17: string): string {
  const sum = WEIGHTS.map((w, i) => `${digitAt(first17, i + 1)} * ${w}`).join(' + ');
  return `substr('10X98765432', ((${sum}) % 11) + 1, 1)`;
}

/** Province prefix and birth date checks on an 18-digit expression known to be all digits. */
function plausibleSql(id18: string): string {
  const y = `CAST(substr(${id18}, 7, 4) AS INTEGER)`;
  const m = `CAST(substr(${id18}, 11, 2) AS INTEGER)`;
  const d = `CAST(substr(${id18}, 13, 2) AS INTEGER)`;
  return `substr(${id18}, 1, 2) IN (${PROVINCE_PREFIXES.map(literal).join(', ')}) AND ${realDateSql(y, m, d, 1850, 9999)}`;
}

/**
 * A SQL expression yielding the normalised 18-character identity number (upper-case X) for
 * the raw text in `column`, or NULL when it is not a valid GB 11643 number. Mirrors
 * `normaliseIdNumber`: full width, spaces, hyphens, lower-case x and 15-digit conversion.
 * Nested CASEs guard every CAST, since PostgreSQL does not promise AND short-circuits.
 */
export function idCheckDigitSql(dialect: SqlDialect, column: string): string {
  return idFromCompactSql(dialect, compactCodeSql(column));
}

/** `idCheckDigitSql` over an expression already compacted by `compactCodeSql` (compute that once, it is costly). */
export function idFromCompactSql(dialect: SqlDialect, s: string): string {
  const from15 = `(substr(${s}, 1, 6) || '19' || substr(${s}, 7, 9))`;
  return [
    'CASE',
    `WHEN ${fullMatch(dialect, s, '[0-9]{17}[0-9X]')} THEN`,
    `CASE WHEN ${plausibleSql(s)} AND substr(${s}, 18, 1) = ${checkCharSql(s)} THEN ${s} END`,
    `WHEN ${fullMatch(dialect, s, '[0-9]{15}')} THEN`,
    `CASE WHEN ${plausibleSql(`${from15} || '0'`)} THEN ${from15} || ${checkCharSql(from15)} END`,
    'END',
  ].join(' ');
}
