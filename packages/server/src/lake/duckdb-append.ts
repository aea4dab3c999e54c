import {
  DuckDBDateValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBAppender,
  type DuckDBType,
} from '@duckdb/node-api';
import { LakeError } from './errors.js';
import { describe, scalarText } from './js-values.js';
import { parseTimestampMicros, utcEpochDays } from './temporal.js';

/** Appends one non-null value to the appender's current column. */
type ValueWriter = (appender: DuckDBAppender, value: unknown) => void;

const MICROS_PER_MS = 1000n;

function invalid(column: string, value: unknown, expected: string): LakeError {
  return new LakeError('LAKE_INVALID_VALUE', `Column "${column}" expects ${expected}, got ${describe(value)}`);
}

/**
 * Native JS values go through the appender's typed calls (fastest); text goes through
 * appendVarchar, which DuckDB casts to the column type, as PostgreSQL's COPY does with
 * its input text. Decimals always go as text so no digit passes through a double.
 */
export function valueWriterFor(type: DuckDBType, column: string): ValueWriter {
  return WRITERS[type.typeId]?.(column) ?? castFromText(column, type.toString());
}

/** Any scalar as text, cast by DuckDB: for tables made outside createTable with other types. */
function castFromText(column: string, expected: string): ValueWriter {
  return (a, v) => {
    const text = scalarText(v);
    if (text === undefined) throw invalid(column, v, expected);
    a.appendVarchar(text);
  };
}

const WRITERS: Partial<Record<DuckDBTypeId, (column: string) => ValueWriter>> = {
  [DuckDBTypeId.VARCHAR]: (column) => castFromText(column, 'text'),
  [DuckDBTypeId.INTEGER]: (column) => (a, v) => {
    if (typeof v === 'number' && Number.isInteger(v)) a.appendInteger(v);
    else if (typeof v === 'string' || typeof v === 'bigint') a.appendVarchar(String(v));
    // A fractional number would be rounded by DuckDB and rejected by PostgreSQL: reject it on both.
    else throw invalid(column, v, 'an integer');
  },
  [DuckDBTypeId.BIGINT]: (column) => (a, v) => {
    if (typeof v === 'bigint') a.appendBigInt(v);
    else if (typeof v === 'number' && Number.isSafeInteger(v)) a.appendBigInt(BigInt(v));
    else if (typeof v === 'string') a.appendVarchar(v);
    else throw invalid(column, v, 'a safe integer, bigint or integer text');
  },
  [DuckDBTypeId.DOUBLE]: (column) => (a, v) => {
    if (typeof v === 'number') a.appendDouble(v);
    else if (typeof v === 'string' || typeof v === 'bigint') a.appendVarchar(String(v));
    else throw invalid(column, v, 'a number');
  },
  [DuckDBTypeId.DECIMAL]: (column) => (a, v) => {
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'bigint') a.appendVarchar(String(v));
    else throw invalid(column, v, 'a number or decimal text');
  },
  [DuckDBTypeId.BOOLEAN]: (column) => (a, v) => {
    if (typeof v === 'boolean') a.appendBoolean(v);
    else if (typeof v === 'string') a.appendVarchar(v);
    else throw invalid(column, v, 'a boolean');
  },
  [DuckDBTypeId.DATE]: (column) => (a, v) => {
    if (isValidDate(v)) a.appendDate(new DuckDBDateValue(utcEpochDays(v)));
    else if (typeof v === 'string') a.appendVarchar(v);
    else throw invalid(column, v, "a Date or 'YYYY-MM-DD'");
  },
  [DuckDBTypeId.TIMESTAMP]: (column) => (a, v) => {
    if (isValidDate(v)) return a.appendTimestamp(new DuckDBTimestampValue(BigInt(v.getTime()) * MICROS_PER_MS));
    if (typeof v !== 'string') throw invalid(column, v, 'a Date or ISO-8601 text');
    // DuckDB's cast to TIMESTAMP ignores a UTC offset; parse it here so '+08:00' counts.
    const micros = parseTimestampMicros(v);
    if (micros === undefined) a.appendVarchar(v);
    else a.appendTimestamp(new DuckDBTimestampValue(micros));
  },
};

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
