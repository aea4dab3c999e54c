import { fail, ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';
import { formatExactDecimal, parseExactDecimal } from './decimal-text.js';

function normaliseDegrees(raw: string, limit: number, zh: string, en: string): NormaliseResult<number> {
  const text = cleanText(raw).replace(/\s+/g, '').replace(/°$/, '');
  const parsed = parseExactDecimal(text);
  if (!parsed) return fail(`${zh}「${text}」不是十进制度数`, `${en} "${text}" is not in decimal degrees`);
  const value = Number(formatExactDecimal(parsed));
  if (value < -limit || value > limit) {
    return fail(`${zh} ${value} 超出范围（-${limit} 至 ${limit}）`, `${en} ${value} is outside -${limit} to ${limit}`);
  }
  return ok(value);
}

/** Normalises a latitude in decimal degrees; promises a value in [-90, 90]. */
export function normaliseLat(raw: string): NormaliseResult<number> {
  return normaliseDegrees(raw, 90, '纬度', 'latitude');
}

/** Normalises a longitude in decimal degrees; promises a value in [-180, 180]. */
export function normaliseLon(raw: string): NormaliseResult<number> {
  return normaliseDegrees(raw, 180, '经度', 'longitude');
}
