import { fail, ok, type NormaliseResult } from '../result.js';
import { compactCode } from '../text.js';

// GB 32100-2015 uses 31 characters: digits and capitals without I, O, S, V, Z.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/** The GB 32100-2015 check character for the first 17 characters of a USCC. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

// An organisation of another register, named with that register's scheme as Open Contracting
// writes it (org-id.guide: a country or XI, a hyphen, the register, e.g. `GB-COH`), a colon and
// its identifier there: `GB-COH:09876543`. The OCDS import writes a party the publisher
// identifies by no scheme as `OCDS-PARTY:<party id>`. CN-USCC itself is never accepted this way.
const OTHER_SCHEME = /^([A-Z0-9]{2,}(?:-[A-Z0-9]+)+):(\S.{0,199})$/i;

/** An identifier of another register in its stored form (`GB-COH:09876543`), or null. */
export function otherRegisterId(raw: string): string | null {
  const other = OTHER_SCHEME.exec(raw.trim());
  const scheme = other?.[1]?.toUpperCase();
  return other && scheme !== 'CN-USCC' ? `${scheme}:${other[2] ?? ''}` : null;
}

/**
 * Normalises a unified social credit code (GB 32100-2015). Accepts full-width characters,
 * lower case, spaces and hyphens. Promises: on success 18 upper-case characters from the
 * standard's character set with a correct check character, or an identifier of another
 * register tagged with its scheme (`GB-COH:09876543`), kept as given with the scheme in
 * upper case.
 */
export function normaliseUscc(raw: string): NormaliseResult<string> {
  const other = otherRegisterId(raw);
  if (other !== null) return ok(other);
  const code = compactCode(raw.trim().replace(/^CN-USCC:/i, '')).toUpperCase();
  if (code.length !== 18) {
    return fail(
      `统一社会信用代码应为 18 位，实际为 ${code.length} 位`,
      `a unified social credit code has 18 characters; got ${code.length}`,
    );
  }
  if (!SHAPE.test(code)) {
    const bad = [...code].find((ch) => !CHARSET.includes(ch));
    return bad !== undefined
      ? fail(
          `统一社会信用代码含有不允许的字符「${bad}」（不使用 I、O、S、V、Z）`,
          `the code contains "${bad}", which the standard does not use (no I, O, S, V, Z)`,
        )
      : fail(
          '统一社会信用代码第 3–8 位应为行政区划代码（数字）',
          'characters 3–8 of the code must be the division code (digits)',
        );
  }
  const expected = usccCheckCharacter(code);
  if (code[17] !== expected) {
    return fail(`统一社会信用代码校验位错误，应为 ${expected}`, `check character should be ${expected}`);
  }
  return ok(code);
}
