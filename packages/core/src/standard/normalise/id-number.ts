import { fail, ok, type NormaliseResult } from '../result.js';
import { compactCode, looksLikeScientificNotation } from '../text.js';
import { formatIsoDate, isRealDate } from './calendar.js';
import { hasProvincePrefix } from './province-codes.js';

/** A valid identity number and what it says about its holder. */
export interface IdNumberInfo {
  /** 18 characters, upper-case `X`. */
  readonly id: string;
  /** ISO date of birth encoded in the number. */
  readonly birthDate: string;
  /** GB 11643: an odd 17th digit is male, even is female. */
  readonly sex: 'male' | 'female';
  /** The 6-digit GB/T 2260 code of the issuing region (which may since have been renamed). */
  readonly regionCode: string;
  /** True when the raw value was a legacy 15-digit number converted to 18 digits. */
  readonly convertedFrom15: boolean;
}

// ISO 7064 MOD 11-2: weight of position i (from the left, 0-based) is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The GB 11643 check character for the first 17 digits of an identity number. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * The identity number of someone registered in `region` (6 digits, GB/T 2260) and born on
 * `birthDate` (YYYYMMDD) with order code `sequence` (0–999; odd for a man, even for a
 * woman), its check character computed: what generated data needs to pass an import.
 * Throws a RangeError for parts of the wrong shape.
 */
export function composeIdNumber(region: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError(`region must be 6 digits, got "${region}"`);
  if (!/^\d{8}$/.test(birthDate)) throw new RangeError(`birth date must be YYYYMMDD, got "${birthDate}"`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer from 0 to 999, got ${sequence}`);
  }
  const first17 = `${region}${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** Converts a legacy 15-digit number (YYMMDD birth date) to 18 digits, born in the 1900s. */
export function convertId15To18(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

/**
 * Normalises a citizen identity number (GB 11643-1999). Accepts full-width characters,
 * lower-case `x`, spaces or hyphens inside, and legacy 15-digit numbers (converted by
 * inserting `19` and computing the check digit). Promises: on success the id is 18
 * characters with a correct check digit, a real birth date and a known province prefix.
 */
export function normaliseIdNumber(raw: string): NormaliseResult<IdNumberInfo> {
  const code = compactCode(raw).replace(/^'/, '').toUpperCase();
  if (looksLikeScientificNotation(code)) {
    return fail(
      '身份证号被 Excel 显示为科学计数法，后几位已丢失，请将该列设为文本后重新导出',
      'the identity number was turned into scientific notation by Excel and lost digits; set the column to text and export again',
    );
  }
  const convertedFrom15 = /^\d{15}$/.test(code);
  if (!convertedFrom15 && !/^\d{17}[\dX]$/.test(code)) {
    return fail(
      `身份证号应为 18 位（末位可为 X）或 15 位数字，实际为 ${code.length} 位`,
      `an identity number has 18 characters (the last may be X) or 15 digits; got ${code.length}`,
    );
  }
  if (!hasProvincePrefix(code)) {
    return fail(
      `身份证号前两位 ${code.slice(0, 2)} 不是有效的省级行政区划代码`,
      `the first two digits ${code.slice(0, 2)} are not a province code`,
    );
  }
  const id = convertedFrom15 ? convertId15To18(code) : code;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1850 || !isRealDate(year, month, day)) {
    return fail(
      `身份证号中的出生日期 ${id.slice(6, 14)} 不是有效日期`,
      `the birth date ${id.slice(6, 14)} inside the identity number is not a real date`,
    );
  }
  const expected = idCheckCharacter(id);
  if (!convertedFrom15 && id[17] !== expected) {
    return fail(`身份证号校验位错误，应为 ${expected}`, `check digit should be ${expected}`);
  }
  return ok({
    id,
    birthDate: formatIsoDate(year, month, day),
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
    convertedFrom15,
  });
}
