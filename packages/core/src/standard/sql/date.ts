import { fullMatch, halfWidthSql, realDateSql, type SqlDialect } from './dialect.js';

/**
 * A SQL expression yielding a DATE for the raw text in `column`, or NULL. Mirrors
 * `normaliseDate` for 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, five-digit
 * Excel serials, and those forms followed by a time without zone (the time is dropped).
 * Values with an explicit zone are left to the TS form, which converts them to Shanghai time.
 */
export function dateSql(dialect: SqlDialect, column: string): string {
  const trimmed = `trim(${halfWidthSql(column)})`;
  const noTime = `regexp_replace(${trimmed}, '(\\s+|T)([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$', '')`;
  const tight = `regexp_replace(${noTime}, '\\s*([-/.年月日号])\\s*', '\\1', 'g')`;
  const s = `translate(${tight}, '/.年月日号', '----')`;
  const part = (n: number): string => `CAST(split_part(${s}, '-', ${n}) AS INTEGER)`;
  const ymd = (y: string, m: string, d: string): string =>
    `CASE WHEN ${realDateSql(y, m, d, 1800, 2199)} THEN make_date(${y}, ${m}, ${d}) END`;
  const compact = (from: number, len: number): string => `CAST(substr(${s}, ${from}, ${len}) AS INTEGER)`;
  const serialDays = `CAST(floor(CAST(${noTime} AS DECIMAL(12, 6))) AS INTEGER)`;
  return [
    'CASE',
    `WHEN ${fullMatch(dialect, s, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}')} THEN ${ymd(part(1), part(2), part(3))}`,
    `WHEN ${fullMatch(dialect, s, '[0-9]{8}')} THEN ${ymd(compact(1, 4), compact(5, 2), compact(7, 2))}`,
    // Five-digit serials only (1927-2173), as in the TS form; all are past Excel's 1900 leap bug.
    `WHEN ${fullMatch(dialect, noTime, '[0-9]{5}(\\.[0-9]+)?')} THEN CAST(DATE '1899-12-30' + ${serialDays} AS DATE)`,
    'END',
  ].join(' ');
}
