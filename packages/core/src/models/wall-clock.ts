/**
 * The deployment's wall clock: models read days and hours of a timestamp on it, and hit
 * explanations show times on it. Asia/Shanghai is China Standard Time, UTC+8 all year (no
 * summer time since 1991), so a fixed offset is exact for the data models judge and needs
 * neither a time-zone database (DuckDB's ICU extension) nor a session TimeZone setting.
 */
export const WALL_CLOCK = { zone: 'Asia/Shanghai', utcOffsetHours: 8, utcOffset: '+08:00' } as const;

// RFC 3339 with an explicit offset, as facts carry instants (and as normaliseDateTime writes them).
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `YYYY-MM-DD HH:mm` on the wall clock for an instant written with its offset
 * (`2024-03-01T17:30:00Z` → `2024-03-02 01:30`); undefined for any other text.
 */
export function wallClockMinute(text: string): string | undefined {
  if (!INSTANT.test(text)) return undefined;
  const utcMs = Date.parse(text);
  if (Number.isNaN(utcMs)) return undefined;
  const wall = new Date(utcMs + WALL_CLOCK.utcOffsetHours * 3_600_000).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
}
