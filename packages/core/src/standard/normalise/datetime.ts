import { fail, ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';
import { formatIsoDate, pad2 } from './calendar.js';
import { EXCEL_SERIAL, parseDateParts } from './date-parts.js';
import { excelSerialToParts } from './excel-serial.js';

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Wall-clock parts of an instant in Asia/Shanghai. */
function shanghaiParts(utcMs: number): number[] {
  const parts = SHANGHAI.formatToParts(new Date(utcMs));
  const pick = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return [pick('year'), pick('month'), pick('day'), pick('hour'), pick('minute'), pick('second')];
}

/** Minutes Asia/Shanghai is ahead of UTC at an instant (China kept summer time 1986–1991). */
function shanghaiOffsetMinutes(utcMs: number): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = shanghaiParts(utcMs);
  return Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Renders an instant as ISO 8601 in Asia/Shanghai local time with its offset. */
function formatShanghai(utcMs: number): string {
  const offset = shanghaiOffsetMinutes(utcMs);
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = shanghaiParts(utcMs);
  return `${formatIsoDate(y, mo, d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${formatOffset(offset)}`;
}

/** The Asia/Shanghai calendar date of a normalised datetime string. */
export function shanghaiDateOf(isoDateTime: string): string {
  return isoDateTime.slice(0, 10);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** UTC milliseconds of a Shanghai wall-clock time; two passes settle the DST edges. */
function shanghaiWallToUtc(w: WallClock): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const first = naive - shanghaiOffsetMinutes(naive) * 60_000;
  return naive - shanghaiOffsetMinutes(first) * 60_000;
}

function parseOffset(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

/**
 * Normalises a local date and time to ISO 8601 with offset, e.g. `2024-03-05T14:30:00+08:00`.
 * Accepts every date form of the standard followed by `HH:mm[:ss]` (space or `T` between),
 * an optional zone (`Z`, `+08:00`), or an Excel serial with a time fraction. Without a zone
 * the time is read as Asia/Shanghai; a date alone means the start of that day. Promises:
 * the result is always rendered in Asia/Shanghai time.
 */
export function normaliseDateTime(raw: string): NormaliseResult<string> {
  const text = cleanText(raw);
  if (EXCEL_SERIAL.test(text)) {
    const p = excelSerialToParts(Number(text));
    if (!p) return fail(`${text} 不是有效的 Excel 日期序号`, `${text} is not a valid Excel date serial number`);
    return ok(formatShanghai(shanghaiWallToUtc(p)));
  }
  const split = /^(.+?)(?:\s+|T)(\d{1,2}:\d{2}.*)$/i.exec(text);
  const datePart = split?.[1] ?? text;
  const date = parseDateParts(datePart);
  if (!date) {
    return fail(
      `无法识别的日期时间「${text}」，可用格式如 2024-03-05 14:30 或 2024年3月5日 14:30:00`,
      `unrecognised date and time "${text}"; use e.g. 2024-03-05 14:30 or 2024-03-05T14:30:00`,
    );
  }
  if (!date.ok) return date;
  const timeText = split?.[2] ?? '0:00';
  const t = TIME.exec(timeText);
  const hour = Number(t?.[1]);
  const minute = Number(t?.[2]);
  const second = Number(t?.[3] ?? 0);
  if (!t || hour > 23 || minute > 59 || second > 59) {
    return fail(
      `时间「${timeText}」无效，应为 HH:mm 或 HH:mm:ss`,
      `time "${timeText}" is invalid; use HH:mm or HH:mm:ss`,
    );
  }
  const wall = { ...date.value, hour, minute, second };
  const zone = t[4];
  const utc =
    zone === undefined
      ? shanghaiWallToUtc(wall)
      : Date.UTC(wall.year, wall.month - 1, wall.day, hour, minute, second) - parseOffset(zone) * 60_000;
  return ok(formatShanghai(utc));
}
