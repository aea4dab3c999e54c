import { fail, ok, type NormaliseResult } from '../result.js';
import { foldForMatch } from '../text.js';

const TRUE_WORDS = new Set(['是', 'y', 'yes', '1', 'true', 't', '有', '√', '✓', '对']);
const FALSE_WORDS = new Set(['否', 'n', 'no', '0', 'false', 'f', '无', '×', '✗', '不是', '没有']);

/** Normalises 是/否, Y/N, yes/no, 1/0, true/false, 有/无 and check marks to a boolean. */
export function normaliseBool(raw: string): NormaliseResult<boolean> {
  const word = foldForMatch(raw);
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail(
    `无法识别的是否值「${raw.trim()}」，可用：是/否、Y/N、1/0、true/false、有/无`,
    `unrecognised yes/no value "${raw.trim()}"; use 是/否, Y/N, 1/0, true/false or 有/无`,
  );
}
