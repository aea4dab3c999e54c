import { fail, ok, type NormaliseResult } from '../result.js';
import { compactCode, looksLikeScientificNotation } from '../text.js';

/**
 * Normalises a bank account or card number: half width, spaces and hyphens removed (cards
 * are printed in groups of four), upper case. Promises 6–40 letters or digits.
 */
export function normaliseAccount(raw: string): NormaliseResult<string> {
  const code = compactCode(raw).replace(/^'/, '').toUpperCase();
  if (looksLikeScientificNotation(code)) {
    return fail(
      '账号被 Excel 显示为科学计数法，后几位已丢失，请将该列设为文本后重新导出',
      'the account number was turned into scientific notation by Excel and lost digits; set the column to text and export again',
    );
  }
  if (!/^[0-9A-Z]{6,40}$/.test(code)) {
    return fail('账号应为 6–40 位数字或字母', 'an account number has 6–40 digits or letters');
  }
  return ok(code);
}
