/**
 * Excel stores dates as days since 1899-12-30 in its 1900 date system, and pretends that
 * 1900-02-29 existed (serial 60) for compatibility with Lotus 1-2-3. Serials below 60 are
 * therefore one day off from the naive count; 60 itself names a day that never was.
 */
export interface ExcelDateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);
const LAST_SERIAL = 2_958_465; // 9999-12-31

/** Converts an Excel serial (with optional time fraction) to wall-clock parts, or null. */
export function excelSerialToParts(serial: number): ExcelDateTimeParts | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_SERIAL + 1) return null;
  const days = Math.floor(serial);
  if (days === 60) return null;
  const shifted = days < 60 ? days + 1 : days;
  // Round the fraction to whole seconds: Excel stores times as binary fractions of a day.
  const seconds = Math.round((serial - days) * 86_400);
  const when = new Date(EPOCH_UTC + shifted * MS_PER_DAY + seconds * 1000);
  return {
    year: when.getUTCFullYear(),
    month: when.getUTCMonth() + 1,
    day: when.getUTCDate(),
    hour: when.getUTCHours(),
    minute: when.getUTCMinutes(),
    second: when.getUTCSeconds(),
  };
}
