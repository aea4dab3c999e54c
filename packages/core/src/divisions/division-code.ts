/**
 * GB/T 2260 division codes, widened to the 12-digit statistical form used down to villages:
 * province (2 digits), city (4), county (6), township (9), village (12).
 */
export type DivisionLevel = 'country' | 'province' | 'city' | 'county' | 'township' | 'village';

/** The all-zero code stands for the whole country: the jurisdiction of a national commission. */
export const COUNTRY_DIVISION_CODE = '000000000000';

const LEVEL_PREFIX_LENGTH: Record<DivisionLevel, number> = {
  country: 0,
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

const DIGITS = /^\d+$/;

/** Pads a 6-, 9- or 12-digit code to 12 digits, or returns null when it is not a code. */
export function toDivisionCode12(raw: string): string | null {
  const code = raw.trim();
  if (!DIGITS.test(code)) return null;
  if (code.length !== 6 && code.length !== 9 && code.length !== 12) return null;
  return code.padEnd(12, '0');
}

/** The level of a 12-digit code, judged by which trailing groups are zero. */
export function divisionLevel(code12: string): DivisionLevel {
  if (code12 === COUNTRY_DIVISION_CODE) return 'country';
  if (code12.slice(2) === '0000000000') return 'province';
  if (code12.slice(4) === '00000000') return 'city';
  if (code12.slice(6) === '000000') return 'county';
  if (code12.slice(9) === '000') return 'township';
  return 'village';
}

/**
 * The prefix shared by every division inside this one. A jurisdiction is a subtree, so a
 * division is inside it exactly when its code starts with this prefix.
 */
export function jurisdictionPrefix(code12: string): string {
  return code12.slice(0, LEVEL_PREFIX_LENGTH[divisionLevel(code12)]);
}

/** Whether `code12` lies within the jurisdiction rooted at `rootCode12`. */
export function isWithinJurisdiction(code12: string, rootCode12: string): boolean {
  return code12.startsWith(jurisdictionPrefix(rootCode12));
}

/** The code of the parent division, or null for the country. */
export function parentDivisionCode(code12: string): string | null {
  const level = divisionLevel(code12);
  if (level === 'country') return null;
  if (level === 'province') return COUNTRY_DIVISION_CODE;
  const parentLength: Record<Exclude<DivisionLevel, 'country' | 'province'>, number> = {
    city: 2,
    county: 4,
    township: 6,
    village: 9,
  };
  return code12.slice(0, parentLength[level]).padEnd(12, '0');
}
