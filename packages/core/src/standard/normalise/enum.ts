import type { EnumValue } from '../catalogue-types.js';
import { fail, ok, type NormaliseResult } from '../result.js';
import { foldForMatch } from '../text.js';

/**
 * Normalises an enum value to its code. Accepts the code itself, the Chinese label or any
 * term departments use for it, ignoring case, spaces and full/half width.
 */
export function normaliseEnum(values: readonly EnumValue[], raw: string): NormaliseResult<string> {
  const wanted = foldForMatch(raw);
  for (const value of values) {
    const words = [value.code, value.label.zh, value.label.en, ...value.terms];
    if (words.some((word) => foldForMatch(word) === wanted)) return ok(value.code);
  }
  const choices = values.map((v) => `${v.label.zh}(${v.code})`).join('、');
  return fail(
    `「${raw.trim()}」不是允许的取值，可选：${choices}`,
    `"${raw.trim()}" is not an allowed value; choose one of ${values.map((v) => v.code).join(', ')}`,
  );
}
