import { fail, ok, type NormaliseResult } from '../result.js';
import { formatIsoDate, isRealDate, MAX_YEAR, MIN_YEAR } from './calendar.js';
import { excelSerialToParts } from './excel-serial.js';

/** Year, month and day of a calendar date, already checked to be real. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Year-month-day with -, /, . or 年月日 as separators (any mix, since hand-typed cells mix them).
const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/**
 * Excel serials accepted as dates: exactly five integer digits, 10000 (1927-05-18) to 99999
 * (2173). Shorter numbers are refused rather than guessed, because a bare "2024" in a date
 * column is far more likely a year than the serial for 1905-07-16.
 */
export const EXCEL_SERIAL = /^\d{5}(\.\d+)?$/;

/**
 * Parses the date-only forms of the standard (2024-03-05, 2024/3/5, 20240305, 2024年3月5日,
 * 2024.3.5, Excel serial). Returns null when the text has none of those shapes, and a
 * failure when it has one but the day does not exist.
 */
export function parseDateParts(text: string): NormaliseResult<DateParts> | null {
  const m = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (m) return checkedParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (EXCEL_SERIAL.test(text)) {
    const parts = excelSerialToParts(Number(text));
    if (!parts) {
      return fail(`${text} 不是有效的 Excel 日期序号`, `${text} is not a valid Excel date serial number`);
    }
    return ok({ year: parts.year, month: parts.month, day: parts.day });
  }
  return null;
}

/** Checks that year/month/day exist and the year is plausible. */
export function checkedParts(year: number, month: number, day: number): NormaliseResult<DateParts> {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(
      `年份 ${year} 超出合理范围（${MIN_YEAR}–${MAX_YEAR}）`,
      `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`,
    );
  }
  if (!isRealDate(year, month, day)) {
    return fail(`${year}年${month}月${day}日 不存在`, `${formatIsoDate(year, month, day)} does not exist`);
  }
  return ok({ year, month, day });
}
