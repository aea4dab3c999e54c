import { fullMatch, type SqlDialect } from './dialect.js';
import { dateOfCleanSql } from './date.js';
import { cleanTextSql } from './text.js';

const SEPARATED = '[0-9]{4} *[-/.年] *[0-9]{1,2} *月?(份)?';

/** `normaliseMonth`: `YYYY-MM` for 2024-03, 2024/3, 202403, 2024年3月(份) and full dates; NULL otherwise. */
export function monthSql(dialect: SqlDialect, column: string): string {
  const d = cleanTextSql(dialect, column);
  const y = `CAST(substr(${d}, 1, 4) AS INTEGER)`;
  const m = `CAST(regexp_replace(${d}, '^[0-9]{4} *[-/.年] *([0-9]{1,2}).*$', '\\1') AS INTEGER)`;
  const compactM = `CAST(substr(${d}, 5, 2) AS INTEGER)`;
  const format = (mm: string): string =>
    `CASE WHEN ${y} BETWEEN 1800 AND 2199 AND ${mm} BETWEEN 1 AND 12 THEN substr(${d}, 1, 4) || '-' || lpad(CAST(${mm} AS VARCHAR), 2, '0') END`;
  const date = dateOfCleanSql(dialect, d);
  const fromDate = dialect === 'duckdb' ? `strftime(${date}, '%Y-%m')` : `to_char(${date}, 'YYYY-MM')`;
  return [
    'CASE',
    `WHEN ${fullMatch(dialect, d, SEPARATED)} THEN ${format(m)}`,
    `WHEN ${fullMatch(dialect, d, '[0-9]{6}')} THEN ${format(compactM)}`,
    `ELSE ${fromDate}`,
    'END',
  ].join(' ');
}
