import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  JSDuckDBValueConverter,
  type DuckDBValue,
  type JS,
  type DuckDBValueConverter,
} from '@duckdb/node-api';
import { LakeError } from './errors.js';
import { describe, integerToJs } from './js-values.js';
import { formatTimestampMicros } from './temporal.js';

/**
 * Converts DuckDB values to the lake's plain shapes (see lake.ts). Types not listed fall
 * through to DuckDB's own JS converter, which calls back into this one for nested values
 * (a LIST of DATE still yields 'YYYY-MM-DD' strings).
 */
export const lakeValueConverter: DuckDBValueConverter<unknown> = (value, type, converter) => {
  if (value === null) return null;
  if (typeof value === 'bigint') return integerToJs(value);
  if (value instanceof DuckDBDecimalValue || value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    if (!value.isFinite) return value.micros > 0n ? 'infinity' : '-infinity';
    return formatTimestampMicros(value.micros, () => value.toString());
  }
  // Our converter returns a superset of JS (strings for dates), which the nested converters just pass along.
  return JSDuckDBValueConverter(value, type, converter as DuckDBValueConverter<JS>);
};

/**
 * Turns caller parameters into values DuckDB can bind. Dates go as ISO text, which DuckDB
 * casts to the parameter's type (for TIMESTAMP it reads the UTC wall clock, matching the
 * lake's UTC convention).
 */
export function toDuckDbParams(params: readonly unknown[] | undefined): DuckDBValue[] {
  return (params ?? []).map((param, index): DuckDBValue => {
    if (param === undefined || param === null) return null;
    if (
      typeof param === 'string' ||
      typeof param === 'number' ||
      typeof param === 'bigint' ||
      typeof param === 'boolean'
    ) {
      return param;
    }
    if (param instanceof Date) return param.toISOString();
    throw new LakeError('LAKE_INVALID_VALUE', `Parameter $${index + 1} has an unsupported type (${describe(param)})`);
  });
}
