import { cleanTextSql } from './text.js';
import { fullMatch, type SqlDialect } from './dialect.js';

// parseExactDecimal's shape without the look-ahead, capped so no CAST can overflow.
const DECIMAL = '[+-]?(([0-9]{1,30}|[0-9]{1,3}(,[0-9]{3}){1,9})(\\.[0-9]{1,30})?|\\.[0-9]{1,30})([eE][+-]?[0-9]{1,2})?';

function compactNumber(dialect: SqlDialect, expr: string): string {
  return `replace(${cleanTextSql(dialect, expr)}, ' ', '')`;
}

/** `normaliseInt` for whole numbers up to 15 digits, with thousands separators or a zero fraction. */
export function intSql(dialect: SqlDialect, expr: string): string {
  const s = compactNumber(dialect, expr);
  const digits = `regexp_replace(replace(${s}, ',', ''), '\\.0+$', '')`;
  const shape = fullMatch(dialect, s, '[+-]?([0-9]{1,15}|[0-9]{1,3}(,[0-9]{3}){1,4})(\\.0+)?');
  return `CASE WHEN ${shape} THEN CAST(${digits} AS BIGINT) END`;
}

/** `normaliseDecimal` as a DOUBLE (the lake's column type): plain, grouped or exponent forms, trailing %. */
export function decimalSql(dialect: SqlDialect, expr: string): string {
  const s = `regexp_replace(${compactNumber(dialect, expr)}, '%$', '')`;
  const double = dialect === 'duckdb' ? 'DOUBLE' : 'double precision';
  return `CASE WHEN ${fullMatch(dialect, s, DECIMAL)} THEN CAST(replace(${s}, ',', '') AS ${double}) END`;
}

function degreesSql(dialect: SqlDialect, expr: string, limit: number): string {
  const s = `regexp_replace(${compactNumber(dialect, expr)}, '°$', '')`;
  const double = dialect === 'duckdb' ? 'DOUBLE' : 'double precision';
  const value = `CAST(replace(${s}, ',', '') AS ${double})`;
  return `CASE WHEN ${fullMatch(dialect, s, DECIMAL)} THEN CASE WHEN ${value} BETWEEN -${limit} AND ${limit} THEN ${value} END END`;
}

/** `normaliseLat`: decimal degrees in [-90, 90]. */
export function latSql(dialect: SqlDialect, expr: string): string {
  return degreesSql(dialect, expr, 90);
}

/** `normaliseLon`: decimal degrees in [-180, 180]. */
export function lonSql(dialect: SqlDialect, expr: string): string {
  return degreesSql(dialect, expr, 180);
}
