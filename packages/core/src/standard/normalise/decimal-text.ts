/**
 * Exact parsing of decimal text into an integer mantissa and a power of ten, so that money
 * and decimals are handled without binary floating point (0.1 + 0.2 problems).
 */
export interface ExactDecimal {
  /** Signed integer of all significant digits. */
  readonly mantissa: bigint;
  /** The value is `mantissa × 10^exponent`. */
  readonly exponent: number;
}

// Either plain digits or correctly grouped thousands (1,234,567); a lone "1,5" is refused
// because some exports use the comma as the decimal mark and guessing would be wrong.
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(?:\.(\d+))?(?:e([+-]?\d{1,3}))?$/i;

/** Parses `-1,234.50`, `1.2E+5` or `.5`; returns null for anything else. */
export function parseExactDecimal(text: string): ExactDecimal | null {
  const m = NUMBER.exec(text.replace(/\u2212/g, '-'));
  if (!m) return null;
  const whole = (m[2] ?? '').replace(/,/g, '');
  const fraction = m[3] ?? '';
  const digits = `${whole}${fraction}` || '0';
  const magnitude = BigInt(digits);
  return {
    mantissa: m[1] === '-' ? -magnitude : magnitude,
    exponent: Number(m[4] ?? 0) - fraction.length,
  };
}

/** Rounds `mantissa × 10^exponent` to an integer count of `10^targetExponent`, half away from zero. */
export function rescale(value: ExactDecimal, targetExponent: number): bigint {
  const shift = value.exponent - targetExponent;
  if (shift >= 0) return value.mantissa * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const negative = value.mantissa < 0n;
  const abs = negative ? -value.mantissa : value.mantissa;
  const rounded = (abs + divisor / 2n) / divisor;
  return negative ? -rounded : rounded;
}

/** Plain decimal text without exponent or trailing fractional zeros: `1200`, `-0.5`. */
export function formatExactDecimal(value: ExactDecimal): string {
  if (value.mantissa === 0n) return '0';
  const negative = value.mantissa < 0n;
  let digits = (negative ? -value.mantissa : value.mantissa).toString();
  let exponent = value.exponent;
  while (exponent < 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  let text: string;
  if (exponent >= 0) {
    text = digits + '0'.repeat(exponent);
  } else {
    const padded = digits.padStart(-exponent + 1, '0');
    text = `${padded.slice(0, exponent)}.${padded.slice(exponent)}`;
  }
  return negative ? `-${text}` : text;
}
