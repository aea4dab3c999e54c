import { fail, ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';
import { formatIsoDate } from './calendar.js';
import { parseDateParts } from './date-parts.js';
import { normaliseDateTime, shanghaiDateOf } from './datetime.js';

/**
 * Normalises a calendar date to ISO `YYYY-MM-DD`. Accepts every date form of the standard;
 * a value that also carries a time (databases often export DATE columns as DATETIME) is
 * read as a datetime and its Asia/Shanghai calendar day kept. Promises: impossible days
 * such as 2023-02-29 are refused, never rolled over.
 */
export function normaliseDate(raw: string): NormaliseResult<string> {
  const text = cleanText(raw);
  const parsed = parseDateParts(text);
  if (parsed) return parsed.ok ? ok(formatIsoDate(parsed.value.year, parsed.value.month, parsed.value.day)) : parsed;
  const asDateTime = normaliseDateTime(text);
  if (asDateTime.ok) return ok(shanghaiDateOf(asDateTime.value));
  if (/\d{1,2}:\d{2}/.test(text)) return asDateTime;
  return fail(
    `无法识别的日期「${text}」，可用格式：2024-03-05、2024/3/5、20240305、2024年3月5日、2024.3.5`,
    `unrecognised date "${text}"; use 2024-03-05, 2024/3/5, 20240305, 2024年3月5日 or 2024.3.5`,
  );
}
