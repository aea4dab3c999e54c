import { fullMatch, halfWidthSql, type SqlDialect } from './dialect.js';

const UNIT_FACTORS: ReadonlyArray<readonly [string, string]> = [
  ['亿元', '100000000'],
  ['亿', '100000000'],
  ['万元', '10000'],
  ['万', '10000'],
  ['千元', '1000'],
  ['元', '1'],
  ['圆', '1'],
];

// Longer number texts are never a valid amount (16 digits before the point, and sub-fen
// digits beyond this are noise): the SQL form leaves them to the TypeScript normaliser.
const MAX_NUMBER_CHARS = 1000;

const DEFAULT_FACTORS = { 元: '1', 千元: '1000', 万元: '10000', 亿元: '100000000' } as const;

/**
 * A bare number is read in `defaultUnit` (the unit a column header declares).
 * A SQL expression yielding DECIMAL(18,2) yuan for the raw text in `column`, or NULL.
 * Mirrors `normaliseMoney`: thousands separators, ￥/¥/RMB, 元/万元/亿元 suffixes, minus
 * or parentheses for negatives, rounding half away from zero to the fen.
 */
export function moneySql(
  dialect: SqlDialect,
  column: string,
  defaultUnit: '元' | '千元' | '万元' | '亿元' = '元',
): string {
  const defaultFactor = DEFAULT_FACTORS[defaultUnit];
  const compact = `regexp_replace(${halfWidthSql(column)}, '\\s', '', 'g')`;
  const unwrapped = `regexp_replace(${compact}, '^\\((.*)\\)$', '\\1')`;
  const isBracketed = fullMatch(dialect, compact, '\\(.*\\)');
  const noLead = `regexp_replace(${unwrapped}, '^(-?)(¥|￥|[Rr][Mm][Bb]|[Cc][Nn][Yy]|人民币)', '\\1')`;
  const noCurrency = `regexp_replace(${noLead}, '([Rr][Mm][Bb]|[Cc][Nn][Yy]|人民币)$', '')`;
  const isMinus = `(substr(${noCurrency}, 1, 1) = '-')`;
  const unsigned = `regexp_replace(${noCurrency}, '^-', '')`;
  const unitPattern = UNIT_FACTORS.map(([u]) => u).join('|');
  const number = `replace(regexp_replace(${unsigned}, '(${unitPattern})$', ''), ',', '')`;
  const factor = `CASE ${UNIT_FACTORS.map(([u, f]) => `WHEN ${unsigned} LIKE '%${u}' THEN ${f}`).join(' ')} ELSE ${defaultFactor} END`;
  // A number too long for the engine's decimal (DuckDB's holds 26 digits before the point,
  // PostgreSQL's 131,072) must come out NULL, not fail the whole batch: NULL sends the row to
  // the TypeScript normaliser, which rejects it with its reason. TRY_CAST does that on DuckDB;
  // on PostgreSQL the length bound keeps any such text far below NUMERIC's limit.
  const cast =
    dialect === 'duckdb'
      ? `TRY_CAST(${number} AS DECIMAL(38, 12))`
      : `CASE WHEN length(${number}) <= ${MAX_NUMBER_CHARS} THEN CAST(${number} AS NUMERIC) END`;
  const yuan = `round(${cast} * ${factor}, 2)`;
  const signed = `CASE WHEN ${isMinus} <> ${isBracketed} THEN -${yuan} ELSE ${yuan} END`;
  const shape = fullMatch(
    dialect,
    unsigned,
    `(([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?|\\.[0-9]+)([eE][+-]?[0-9]{1,3})?(${unitPattern})?`,
  );
  return `CASE WHEN ${shape} THEN CASE WHEN ${yuan} < 10000000000000000 THEN CAST(${signed} AS DECIMAL(18, 2)) END END`;
}
