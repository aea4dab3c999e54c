/**
 * Text clean-up shared by the normalisers and header matching. Departments' files mix
 * full-width and half-width characters (Chinese input methods type full-width digits and
 * letters), so every comparison starts by folding them together.
 */

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Converts full-width ASCII variants (Ａ, １, ，, －) and the ideographic space to half width. */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) {
      out += String.fromCodePoint(code - FULL_TO_HALF_OFFSET);
    } else if (code === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

// Spreadsheet exports carry non-breaking and zero-width spaces that `trim()` misses.
const INVISIBLE = /[\u200b-\u200d\ufeff]/g;
const ODD_SPACES = /[\u00a0\u2000-\u200a\u202f\u205f]/g;

/** Half-width, invisible characters removed, odd spaces made plain, trimmed. */
export function cleanText(input: string): string {
  return toHalfWidth(input).replace(INVISIBLE, '').replace(ODD_SPACES, ' ').trim();
}

/** `cleanText` with every space and hyphen-like dash removed: for codes typed in groups. */
export function compactCode(input: string): string {
  return cleanText(input).replace(/[\s\-\u2010-\u2015\u2212]/g, '');
}

/**
 * Excel shows long numbers such as identity or account numbers as `1.10105E+17` once the
 * column is not text; the digits are gone by then, so the only fix is a re-export.
 */
export function looksLikeScientificNotation(input: string): boolean {
  return /^\d(\.\d+)?e\+?\d+$/i.test(input);
}

/**
 * The form used to compare labels, terms and headers: half width, lower case, no spaces.
 * "身份证号", " 身份证号 " and "身份证号" in full-width all fold to the same key.
 */
export function foldForMatch(input: string): string {
  return cleanText(input).toLowerCase().replace(/\s+/g, '');
}
