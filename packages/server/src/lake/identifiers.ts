import { LakeError } from './errors.js';

/**
 * Lower-case, at most 63 characters (PostgreSQL's limit), so a name means the same on
 * both engines once quoted: unquoted PostgreSQL names fold to lower case, DuckDB's don't.
 */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throws unless `name` is a valid lake identifier (table or column name). */
export function assertIdentifier(name: unknown, what = 'identifier'): asserts name is string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new LakeError(
      'LAKE_INVALID_IDENTIFIER',
      `Invalid ${what} ${JSON.stringify(name)}: use 1–63 characters of a-z, 0-9 and _, not starting with a digit`,
    );
  }
}

/**
 * Validates and double-quotes an identifier. Quoting is still needed after validation:
 * names such as `order` or `user` are reserved words.
 */
export function quoteIdentifier(name: string, what?: string): string {
  assertIdentifier(name, what);
  return `"${name}"`;
}

/** Validates a column list for appends: non-empty, valid names, no repeats. */
export function assertColumnList(columns: readonly string[]): void {
  if (!Array.isArray(columns) || columns.length === 0) {
    throw new LakeError('LAKE_INVALID_DEFINITION', 'appendRows needs at least one column');
  }
  const seen = new Set<string>();
  for (const column of columns) {
    assertIdentifier(column, 'column name');
    if (seen.has(column)) {
      throw new LakeError('LAKE_INVALID_DEFINITION', `Column "${column}" is listed twice`);
    }
    seen.add(column);
  }
}

/** Throws LAKE_UNKNOWN_COLUMN, naming them all, when `table` lacks any of `columns` (`known` holds its columns). */
export function assertKnownColumns(table: string, columns: readonly string[], known: ReadonlySet<string>): void {
  const missing = columns.filter((column) => !known.has(column));
  if (missing.length > 0) {
    throw new LakeError(
      'LAKE_UNKNOWN_COLUMN',
      `Table "${table}" has no column ${missing.map((m) => `"${m}"`).join(', ')}`,
    );
  }
}

/** `$1, $2, …` for a list of bound values (an `IN (…)` list). */
export function parameterList(values: readonly unknown[]): string {
  return values.map((_v, i) => `$${i + 1}`).join(', ');
}
