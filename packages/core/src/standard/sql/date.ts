import { fullMatch, literal, realDateSql, type SqlDialect } from './dialect.js';
import { cleanTextSql } from './text.js';

// The time a date may carry (no zone: a zone is left to the TS form, which converts it).
const TIME_TAIL = '( +|T)([01]?[0-9]|2[0-3]):([0-5][0-9])(:([0-5][0-9])(\\.[0-9]+)?)?';
// normalise/date-parts.ts SEPARATED with plain spaces only (other white space goes to the TS form).
const SEPARATED = '[0-9]{4} *[-/.年] *[0-9]{1,2} *[-/.月] *[0-9]{1,2} *[日号]?';
// Five-digit Excel serials; at most four decimals, so the rounded time never reaches midnight.
const SERIAL = '[0-9]{5}(\\.[0-9]{1,4})?';

/** Capture group `group` of `pattern` (which must match) in `expr`. */
export function captureSql(dialect: SqlDialect, expr: string, pattern: string, group: number): string {
  return dialect === 'duckdb'
    ? `regexp_extract(${expr}, ${literal(pattern)}, ${group})`
    : `(regexp_match(${expr}, ${literal(pattern)}))[${group}]`;
}

/** The date of cleaned text `d` that has no time: separated, compact or Excel serial forms, or NULL. */
export function dateOfCleanSql(dialect: SqlDialect, d: string): string {
  const tight = `regexp_replace(${d}, ' *([-/.年月日号]) *', '\\1', 'g')`;
  const s = `translate(${tight}, '/.年月日号', '----')`;
  const part = (n: number): string => `CAST(split_part(${s}, '-', ${n}) AS INTEGER)`;
  const compact = (from: number, len: number): string => `CAST(substr(${d}, ${from}, ${len}) AS INTEGER)`;
  const ymd = (y: string, m: string, day: string): string =>
    `CASE WHEN ${realDateSql(y, m, day, 1800, 2199)} THEN make_date(${y}, ${m}, ${day}) END`;
  const serialDays = `CAST(floor(CAST(${d} AS DECIMAL(12, 4))) AS INTEGER)`;
  return [
    'CASE',
    `WHEN ${fullMatch(dialect, d, SEPARATED)} THEN ${ymd(part(1), part(2), part(3))}`,
    `WHEN ${fullMatch(dialect, d, '[0-9]{8}')} THEN ${ymd(compact(1, 4), compact(5, 2), compact(7, 2))}`,
    `WHEN ${fullMatch(dialect, d, SERIAL)} THEN CAST(DATE '1899-12-30' + ${serialDays} AS DATE)`,
    'END',
  ].join(' ');
}

/** Cleaned text without a trailing zone-less time. */
function withoutTimeSql(cleaned: string): string {
  return `regexp_replace(${cleaned}, ${literal(`${TIME_TAIL}$`)}, '')`;
}

/**
 * A SQL expression yielding a DATE for the raw text in `column`, or NULL. Mirrors
 * `normaliseDate` for 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, five-digit
 * Excel serials, and those forms followed by a time without zone (the time is dropped).
 * Values with an explicit zone are left to the TS form, which converts them to Shanghai time.
 */
export function dateSql(dialect: SqlDialect, column: string): string {
  return dateOfCleanSql(dialect, withoutTimeSql(cleanTextSql(dialect, column)));
}

/**
 * `normaliseDateTime` as an instant (DuckDB TIMESTAMP in UTC, PostgreSQL timestamptz): the
 * date forms with an optional `HH:mm[:ss]`, or an Excel serial with a time fraction, read
 * as Asia/Shanghai time. Only years when Shanghai was a plain UTC+8 are taken (1950–1985,
 * 1992–2199); earlier local mean time, 1940s and 1986–1991 summer time go to the TS form.
 */
export function datetimeSql(dialect: SqlDialect, column: string): string {
  const cleaned = cleanTextSql(dialect, column);
  const hasTime = fullMatch(dialect, cleaned, `.*${TIME_TAIL}`);
  const group = (n: number): string =>
    `CAST(NULLIF(${captureSql(dialect, cleaned, `${TIME_TAIL}$`, n)}, '') AS INTEGER)`;
  const seconds = `CASE WHEN ${hasTime} THEN coalesce(${group(5)}, 0) ELSE 0 END`;
  const hours = `CASE WHEN ${hasTime} THEN ${group(2)} ELSE 0 END`;
  const minutes = `CASE WHEN ${hasTime} THEN ${group(3)} ELSE 0 END`;
  const date = dateOfCleanSql(dialect, withoutTimeSql(cleaned));
  const serialSeconds = `CAST(round((CAST(${cleaned} AS DECIMAL(12, 4)) - floor(CAST(${cleaned} AS DECIMAL(12, 4)))) * 86400) AS INTEGER)`;
  const isSerial = fullMatch(dialect, cleaned, SERIAL);
  const secondsOfDay = `CASE WHEN ${isSerial} THEN ${serialSeconds} ELSE (${hours}) * 3600 + (${minutes}) * 60 + (${seconds}) END`;
  const local =
    dialect === 'duckdb'
      ? `(CAST(${date} AS TIMESTAMP) + to_seconds(${secondsOfDay}))`
      : `(CAST(${date} AS timestamp) + make_interval(secs => ${secondsOfDay}))`;
  const utc =
    dialect === 'duckdb' ? `(${local} - INTERVAL 8 HOUR)` : `((${local} - interval '8 hours') AT TIME ZONE 'UTC')`;
  const year = `extract(year FROM ${date})`;
  return `CASE WHEN ${date} IS NOT NULL AND ${year} >= 1950 AND NOT (${year} BETWEEN 1986 AND 1991) THEN ${utc} END`;
}
