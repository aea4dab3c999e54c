import { fail, ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';
import { formatExactDecimal, parseExactDecimal } from './decimal-text.js';

/**
 * Normalises a decimal number to plain text without exponent or trailing zeros (`12.5`).
 * A trailing `%` is dropped: percentage fields (share_pct) already hold percent values.
 * Kept as text so the exact digits reach the numeric column.
 */
export function normaliseDecimal(raw: string): NormaliseResult<string> {
  const text = cleanText(raw).replace(/\s+/g, '').replace(/%$/, '');
  const parsed = parseExactDecimal(text);
  if (!parsed) return fail(`「${cleanText(raw)}」不是数字`, `"${cleanText(raw)}" is not a number`);
  return ok(formatExactDecimal(parsed));
}
