import { fullMatch, literal, type SqlDialect } from './dialect.js';

/*
 * SQL forms of the text clean-up in ../text.ts. Like every SQL form here they are a fast
 * path: on any input they either give exactly what the TypeScript form gives, or NULL, in
 * which case the import hands the row to the TypeScript form (the reference), which
 * accepts it or explains what is wrong. The property test in the server proves the
 * "exactly or NULL" half on real engines.
 */

const FULL_WIDTH_FROM = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_v, i) => String.fromCharCode(0xff01 + i)).join(
  '',
);
const FULL_WIDTH_TO = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_v, i) => String.fromCharCode(0x21 + i)).join('');
// Spaces cleanText turns into a plain space (U+3000 first: toHalfWidth does it).
const ODD_SPACES = '\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f';
// Characters cleanText deletes; they come last in translate's `from`, with no partner in `to`.
const INVISIBLE = '\u200b\u200c\u200d\ufeff';
/** What JavaScript's trim() still removes once odd spaces are plain: ASCII white space and a few rare ones. */
const TRIMMED = '\t\n\u000b\f\r \u1680\u2028\u2029';

/** The translate() maps of `cleanText`: full width to half width, odd spaces to ' ', invisible characters gone. */
function cleanMapSql(expr: string): string {
  const from = FULL_WIDTH_FROM + ODD_SPACES + INVISIBLE;
  const to = FULL_WIDTH_TO + ' '.repeat(ODD_SPACES.length);
  // The semicolon goes in as chr(59), so no SQL text built here ever contains one.
  const toSql = to.split(';').map(literal).join(' || chr(59) || ');
  return `translate(${expr}, ${literal(from)}, ${toSql})`;
}

/** SQL counterpart of `cleanText`: half width, invisible characters removed, odd spaces plain, trimmed. */
export function cleanTextSql(dialect: SqlDialect, expr: string): string {
  const mapped = cleanMapSql(expr);
  const full = dialect === 'duckdb' ? `trim(${mapped}, ${literal(TRIMMED)})` : `btrim(${mapped}, ${literal(TRIMMED)})`;
  // Most cells are printable ASCII and common CJK ideographs, where only spaces can need
  // trimming: skip the (costly) character maps for them. Most have no space at either end
  // either, and are their own clean text: trim() would copy each of them.
  const plain = `CASE WHEN ${edgeSpaceSql(dialect, expr)} THEN trim(${expr}) ELSE ${expr} END`;
  return `CASE WHEN ${fullMatch(dialect, expr, '[ -~\u4e00-\u9fff]*')} THEN ${plain} ELSE ${full} END`;
}

/** Whether text starts or ends with a plain space. */
function edgeSpaceSql(dialect: SqlDialect, expr: string): string {
  return dialect === 'duckdb'
    ? `(starts_with(${expr}, ' ') OR ends_with(${expr}, ' '))`
    : `(${expr} LIKE ' %' OR ${expr} LIKE '% ')`;
}

/**
 * Whether already-cleaned text counts as blank (`isBlank`): NULL, empty, or a database's
 * NULL marker (`NULL`, `\N`).
 */
export function blankSql(cleaned: string): string {
  return `(${cleaned} IS NULL OR lower(${cleaned}) IN ('', 'null', '\\n'))`;
}

/**
 * SQL counterpart of `foldForMatch` for matching words: lower case, spaces removed. Other
 * white space is left in place, so such text matches no word and goes to the TS form.
 */
export function foldSql(cleaned: string): string {
  return `replace(lower(${cleaned}), ' ', '')`;
}

/** `normaliseText`: the cleaned text itself. Never NULL for non-NULL input. */
export function textSql(dialect: SqlDialect, expr: string): string {
  return cleanTextSql(dialect, expr);
}

/** `compactCode` without the apostrophe and case handling: cleaned, spaces and hyphens removed. */
export function compactSql(dialect: SqlDialect, expr: string): string {
  return `replace(replace(replace(${cleanTextSql(dialect, expr)}, ' ', ''), '-', ''), chr(9), '')`;
}

/**
 * `normalisePhone` for the common shapes: mobiles (optionally +86/86/0086, grouped with
 * spaces or hyphens) become 11 digits; landlines `0AA(A)-NNNNNNN(N)` stay as written.
 */
export function phoneSql(dialect: SqlDialect, expr: string): string {
  const s = `replace(${cleanTextSql(dialect, expr)}, ' ', '')`;
  const digits = `regexp_replace(${s}, '[^0-9]', '', 'g')`;
  return [
    'CASE',
    `WHEN ${fullMatch(dialect, s, '(\\+86|86|0086)?-?1[3-9][0-9]{1,4}(-?[0-9]{1,4}){0,3}')} AND ${fullMatch(dialect, digits, '(86|0086)?1[3-9][0-9]{9}')}`,
    `THEN right(${digits}, 11)`,
    `WHEN ${fullMatch(dialect, s, '0[0-9]{2,3}-[0-9]{7,8}')} THEN ${s}`,
    'END',
  ].join(' ');
}

/** `normaliseAccount`: 6–40 letters or digits, upper case, spaces and hyphens removed, not Excel's 1.2E+17. */
export function accountSql(dialect: SqlDialect, expr: string): string {
  const s = `upper(regexp_replace(${compactSql(dialect, expr)}, '^''', ''))`;
  return [
    'CASE',
    `WHEN ${fullMatch(dialect, s, '[0-9A-Z]{6,40}')} AND NOT ${fullMatch(dialect, s, '[0-9](\\.[0-9]+)?E\\+?[0-9]+')} THEN ${s}`,
    'END',
  ].join(' ');
}
