import pg from 'pg';
import { integerToJs } from './js-values.js';
import { formatTimestampMicros, parseTimestampMicros } from './temporal.js';

// Type OIDs from pg_type.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

function parseInt8(text: string): number | string {
  return integerToJs(BigInt(text));
}

/**
 * Sessions run with TimeZone=UTC, so timestamptz text ends in '+00' and a plain timestamp
 * is read as UTC, the lake's convention. Microseconds are cut to milliseconds, as DuckDB's
 * values are, so both engines print the same string.
 */
function parseTimestamp(text: string): string {
  const micros = parseTimestampMicros(text);
  return micros === undefined ? text : formatTimestampMicros(micros, () => text);
}

const keep = (text: string): string => text;

const LAKE_PARSERS: Partial<Record<number, (text: string) => unknown>> = {
  [INT8]: parseInt8,
  [NUMERIC]: keep,
  [DATE]: keep, // pg's default makes a local-time Date, which shifts the day east of UTC.
  [TIMESTAMP]: parseTimestamp,
  [TIMESTAMPTZ]: parseTimestamp,
};

/**
 * Type parsers for the lake's pool only (passed as the `types` option), so the
 * operational store and other pg users in the process keep pg's defaults.
 */
export const lakeTypeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    const parser = format === 'binary' ? undefined : LAKE_PARSERS[oid];
    return parser ?? (pg.types.getTypeParser(oid, format ?? 'text') as (text: string) => unknown);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Turns caller parameters into what pg binds the same way as DuckDB (see duckdb-values.ts). */
export function toPgParams(params: readonly unknown[] | undefined): unknown[] {
  return (params ?? []).map((param) => {
    if (param === undefined) return null;
    // pg would send a local-time string with an offset; ISO UTC is unambiguous.
    if (param instanceof Date) return param.toISOString();
    if (typeof param === 'bigint') return param.toString();
    return param;
  });
}
