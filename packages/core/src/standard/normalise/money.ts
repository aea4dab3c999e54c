import { fail, ok, type NormaliseResult } from '../result.js';
import { cleanText } from '../text.js';
import { parseExactDecimal, rescale } from './decimal-text.js';

/** Units a money column may be kept in; budgets and registered capital are often in 万元. */
export type MoneyUnit = '元' | '千元' | '万元' | '亿元';

const UNIT_EXPONENT: Readonly<Record<MoneyUnit, number>> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

// Unit words a value may end with and the power of ten they multiply yuan by.
const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['亿元', 8],
  ['亿', 8],
  ['万元', 4],
  ['万', 4],
  ['千元', 3],
  ['元', 0],
  ['圆', 0],
];
// A currency mark may follow a minus sign ("-￥12") or precede it ("￥-12").
const LEADING_CURRENCY = /^([-\u2212]?)(?:[¥￥]|rmb|cny|人民币)/i;
const TRAILING_CURRENCY = /(?:rmb|cny|人民币)$/i;
// decimal(18,2): at most 16 digits before the point.
const LIMIT_FEN = 10n ** 18n;

/** Formats an amount in fen (1/100 yuan) as yuan with exactly two decimals: `-1234.50`. */
export function formatFen(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/**
 * Parses a money amount into integer fen. Accepts `1234.5`, `1,234.50`, `1234.50元`,
 * `￥1234.5`, `¥`, `RMB`, `0.12万元` (= 1200 yuan), `亿元`, negatives as `-12` or `(12)`.
 * A bare number is in `defaultUnit` (the unit a column header declares, e.g. "预算(万元)").
 * Sub-fen digits are rounded half away from zero (floating-point noise such as
 * 1234.5000000001 from spreadsheet formulas is common and harmless).
 */
export function parseMoneyToFen(raw: string, defaultUnit: MoneyUnit = '元'): NormaliseResult<bigint> {
  let text = cleanText(raw).replace(/\s+/g, '');
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    negative = true;
    text = bracketed[1] ?? '';
  }
  text = text.replace(LEADING_CURRENCY, '$1').replace(TRAILING_CURRENCY, '');
  if (/^[-\u2212]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  }
  let unitExponent = UNIT_EXPONENT[defaultUnit];
  const unit = UNITS.find(([word]) => text.endsWith(word));
  if (unit) {
    text = text.slice(0, -unit[0].length);
    unitExponent = unit[1];
  }
  const parsed = parseExactDecimal(text);
  if (!parsed || parsed.mantissa < 0n) {
    return fail(
      `无法识别的金额「${cleanText(raw)}」，可用格式如 1234.50、1,234.50、1234.50元、￥1234.5、0.12万元`,
      `unrecognised amount "${cleanText(raw)}"; use e.g. 1234.50, 1,234.50, 1234.50元, ￥1234.5 or 0.12万元`,
    );
  }
  const fen = rescale({ mantissa: parsed.mantissa, exponent: parsed.exponent + unitExponent }, -2);
  if (fen >= LIMIT_FEN) {
    return fail('金额超出上限（整数部分最多 16 位）', 'amount too large (at most 16 digits before the decimal point)');
  }
  return ok(negative && fen !== 0n ? -fen : fen);
}

/**
 * Normalises a money amount to yuan as a string with exactly two decimals (`1200.00`),
 * computed in integer fen so no binary floating-point error can creep in. A bare number is
 * read in `defaultUnit`; a unit written in the value itself always wins.
 */
export function normaliseMoney(raw: string, defaultUnit: MoneyUnit = '元'): NormaliseResult<string> {
  const fen = parseMoneyToFen(raw, defaultUnit);
  return fen.ok ? ok(formatFen(fen.value)) : fen;
}
