import { fullMatch, literal, type SqlDialect } from './dialect.js';
import { PROVINCE_PREFIXES } from '../normalise/province-codes.js';
import { compactSql } from './text.js';

/**
 * `normaliseDivision` for codes: 6, 9 or 12 digits with a province prefix, padded to 12.
 * Division names need the deployment's table and are left to the TS form (NULL here).
 */
export function divisionSql(dialect: SqlDialect, expr: string): string {
  const s = compactSql(dialect, expr);
  return [
    'CASE',
    `WHEN ${fullMatch(dialect, s, '[0-9]{6}|[0-9]{9}|[0-9]{12}')} AND substr(${s}, 1, 2) IN (${PROVINCE_PREFIXES.map(literal).join(', ')})`,
    `THEN rpad(${s}, 12, '0')`,
    'END',
  ].join(' ');
}
