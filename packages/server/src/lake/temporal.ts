/**
 * Date and time text shared by both engines: parse what callers send, format what the
 * lake returns. Kept in one place so DuckDB and PostgreSQL agree to the microsecond.
 */

const MICROS_PER_MS = 1000n;
// The range of a JS Date: beyond it a timestamp is returned as the engine printed it.
const MAX_DATE_MS = 8.64e15;

const TIMESTAMP_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?(?::?\d{2})?)?$/i;

/**
 * Parses 'YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]][Z|±HH[:MM[:SS]]]' into microseconds since
 * the Unix epoch, UTC. Text without an offset is taken as UTC (the lake's convention).
 * Returns undefined for anything else, leaving the engine to judge it.
 */
export function parseTimestampMicros(text: string): bigint | undefined {
  const match = TIMESTAMP_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(ms)) return undefined;
  // Date.UTC maps years 0–99 to 1900–1999; set the year again to keep them literal.
  const fixed = new Date(ms);
  fixed.setUTCFullYear(Number(year));
  const micros = BigInt(fixed.getTime()) * MICROS_PER_MS + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
  return micros - offsetMicros(offset);
}

function offsetMicros(offset: string | undefined): bigint {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0n;
  const digits = offset.slice(1).replaceAll(':', '');
  const seconds =
    Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || '0') * 60 + Number(digits.slice(4, 6) || '0');
  const sign = offset.startsWith('-') ? -1n : 1n;
  return sign * BigInt(seconds) * 1_000_000n;
}

/** Formats epoch microseconds as an ISO-8601 UTC string (millisecond precision, like Date). */
export function formatTimestampMicros(micros: bigint, fallback: () => string): string {
  // Floor, not truncate, so instants before 1970 keep their millisecond.
  const ms = micros >= 0n ? micros / MICROS_PER_MS : -((-micros + MICROS_PER_MS - 1n) / MICROS_PER_MS);
  const asNumber = Number(ms);
  return Math.abs(asNumber) <= MAX_DATE_MS ? new Date(asNumber).toISOString() : fallback();
}

/** Days since the Unix epoch of a Date's UTC calendar day. */
export function utcEpochDays(date: Date): number {
  return Math.floor(date.getTime() / 86_400_000);
}
