import { fail, ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';
import { pad2 } from './calendar.js';
import { checkedParts, parseDateParts } from './date-parts.js';

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$/;
const COMPACT = /^(\d{4})(\d{2})$/;

/**
 * Normalises a period to `YYYY-MM`. Accepts 2024-03, 2024/3, 2024.03, 202403, 2024年3月
 * and full dates, since Excel turns a typed "2024-03" into the first day of that month.
 */
export function normaliseMonth(raw: string): NormaliseResult<string> {
  const text = cleanText(raw);
  const m = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (m) {
    const checked = checkedParts(Number(m[1]), Number(m[2]), 1);
    if (!checked.ok) {
      return fail(`月份「${text}」无效，月应在 1–12 之间`, `period "${text}" is invalid; the month must be 1–12`);
    }
    return ok(`${checked.value.year}-${pad2(checked.value.month)}`);
  }
  const asDate = parseDateParts(text);
  if (asDate?.ok) return ok(`${asDate.value.year}-${pad2(asDate.value.month)}`);
  if (asDate) return asDate;
  return fail(
    `无法识别的月份「${text}」，可用格式：2024-03、202403、2024年3月`,
    `unrecognised period "${text}"; use 2024-03, 202403 or 2024年3月`,
  );
}
