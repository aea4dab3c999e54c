import { fail, ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';
import { parseExactDecimal, rescale } from './decimal-text.js';

/**
 * Normalises a whole number. Accepts thousands separators and a zero fraction (`12.0`, as
 * spreadsheets write counts); refuses fractions and values beyond JavaScript's safe range.
 */
export function normaliseInt(raw: string): NormaliseResult<number> {
  const text = cleanText(raw).replace(/\s+/g, '');
  const parsed = parseExactDecimal(text);
  if (!parsed) return fail(`「${text}」不是整数`, `"${text}" is not a whole number`);
  const whole = rescale(parsed, 0);
  if (rescale({ mantissa: whole, exponent: 0 }, parsed.exponent) !== parsed.mantissa) {
    return fail(`「${text}」含有小数部分，应为整数`, `"${text}" has a fraction; a whole number is expected`);
  }
  if (whole > BigInt(Number.MAX_SAFE_INTEGER) || whole < BigInt(Number.MIN_SAFE_INTEGER)) {
    return fail(`整数「${text}」超出范围`, `whole number "${text}" is out of range`);
  }
  return ok(Number(whole));
}
