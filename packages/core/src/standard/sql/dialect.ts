/**
 * SQL dialects the import pipeline stages raw text in. The builders in this folder return
 * SQL expression text only; core never executes anything.
 *
 * The property test that feeds the TypeScript normalisers and both SQL forms the same
 * inputs lives in the server (the lake team runs it against real DuckDB and PostgreSQL).
 * The tests beside these builders only check structure.
 */
export type SqlDialect = 'duckdb' | 'postgres';

/** Whether `expr` matches `pattern` as a whole (the pattern has no anchors). */
export function fullMatch(dialect: SqlDialect, expr: string, pattern: string): string {
  return dialect === 'duckdb'
    ? `regexp_full_match(${expr}, ${literal(pattern)})`
    : `(${expr} ~ ${literal(`^(?:${pattern})$`)})`;
}

/** A single-quoted SQL string literal. Both dialects treat backslashes literally. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const FULL_WIDTH =
  '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ';
const HALF_WIDTH = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Full-width digits, letters, ideographic space and common punctuation made half width. */
export function halfWidthSql(expr: string, extraFrom = '', extraTo = ''): string {
  return `translate(${expr}, ${literal(`${FULL_WIDTH}\u3000－，．（）${extraFrom}`)}, ${literal(`${HALF_WIDTH} -,.()${extraTo}`)})`;
}

/**
 * The SQL counterpart of `compactCode(...).toUpperCase()` with a leading apostrophe (Excel's
 * text marker) removed. Zero-width characters are not handled here; the TS form is the
 * reference when they disagree.
 */
export function compactCodeSql(expr: string): string {
  const noSpaces = `regexp_replace(${halfWidthSql(expr)}, '[\\s-]', '', 'g')`;
  return `upper(regexp_replace(${noSpaces}, '^''', ''))`;
}

/** Integer value of the 1-based character `position` of a digit string. */
export function digitAt(expr: string, position: number): string {
  return `CAST(substr(${expr}, ${position}, 1) AS INTEGER)`;
}

/** True when integer expressions y/m/d name a real day in years [minYear, maxYear]. */
export function realDateSql(y: string, m: string, d: string, minYear: number, maxYear: number): string {
  const leap = `((${y}) % 4 = 0 AND ((${y}) % 100 <> 0 OR (${y}) % 400 = 0))`;
  const days = `CASE WHEN (${m}) = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN (${m}) IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `((${y}) BETWEEN ${minYear} AND ${maxYear} AND (${m}) BETWEEN 1 AND 12 AND (${d}) BETWEEN 1 AND (${days}))`;
}
