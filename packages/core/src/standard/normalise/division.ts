import { toDivisionCode12 } from '../../divisions/division-code.js';
import { fail, ok, type NormaliseResult } from '../result.js';
import { cleanText, compactCode } from '../text.js';
import { hasProvincePrefix } from './province-codes.js';

/**
 * Resolves a division name to the 12-digit codes it may mean. The deployment supplies it
 * from the division table it loads; returning several codes reports an ambiguous name
 * (新华区 exists in more than one city) instead of picking one.
 */
export type DivisionNameResolver = (name: string) => readonly string[];

/**
 * Normalises an administrative division to its 12-digit statistical code. Accepts 6-digit
 * GB/T 2260 codes, 9- and 12-digit codes (trailing zeros optional up to those lengths), or a
 * Chinese name when `resolveName` is given. Promises 12 digits with a province prefix.
 */
export function normaliseDivision(raw: string, resolveName?: DivisionNameResolver): NormaliseResult<string> {
  const code = compactCode(raw);
  if (/^\d+$/.test(code)) {
    const code12 = toDivisionCode12(code);
    if (!code12) {
      return fail(
        `区划代码应为 6、9 或 12 位数字，实际为 ${code.length} 位`,
        `a division code has 6, 9 or 12 digits; got ${code.length}`,
      );
    }
    if (!hasProvincePrefix(code12)) {
      return fail(`区划代码前两位 ${code12.slice(0, 2)} 不是省级代码`, `${code12.slice(0, 2)} is not a province code`);
    }
    return ok(code12);
  }
  const name = cleanText(raw).replace(/\s+/g, '');
  if (!resolveName) {
    return fail(
      `「${name}」不是区划代码，且未加载区划表，无法按名称解析`,
      `"${name}" is not a division code and no division table is loaded to resolve names`,
    );
  }
  const candidates = [...new Set(resolveName(name))];
  if (candidates.length === 0) {
    return fail(`区划表中找不到「${name}」，请填写区划代码`, `no division named "${name}"; give the division code`);
  }
  if (candidates.length > 1) {
    return fail(
      `区划名称「${name}」有多个匹配（${candidates.join('、')}），请写全上级名称或填写代码`,
      `"${name}" matches several divisions (${candidates.join(', ')}); include the parent division or give the code`,
    );
  }
  return normaliseDivision(candidates[0] ?? '');
}
