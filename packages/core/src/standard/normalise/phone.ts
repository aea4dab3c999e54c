import { fail, ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';

/**
 * Normalises a telephone number: half width, spaces removed; mobiles reduced to their 11
 * digits (no +86, no grouping) so the same phone compares equal across files. Landlines keep
 * their hyphen (0591-87654321) because the area code boundary matters when reading them.
 */
export function normalisePhone(raw: string): NormaliseResult<string> {
  const text = cleanText(raw)
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  const digits = text.replace(/\D/g, '');
  // A mobile however it is grouped (138-1234-5678, +86 138…) becomes its 11 bare digits.
  const mobile = /^(?:86|0086)?(1[3-9]\d{9})$/.exec(digits);
  if (mobile && /^[+\d\-()]+$/.test(text)) return ok(mobile[1] ?? '');
  if (!/^\+?[\d\-()]+(?:(?:转|ext\.?|#)\d{1,6})?$/i.test(text) || digits.length < 5 || digits.length > 20) {
    return fail(
      `「${cleanText(raw)}」不像电话号码，应为 5–20 位数字（可含区号连字符）`,
      `"${cleanText(raw)}" is not a telephone number; expected 5–20 digits, optionally with an area-code hyphen`,
    );
  }
  return ok(text);
}
