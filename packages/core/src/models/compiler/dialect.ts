import { WALL_CLOCK } from '../wall-clock.js';
import { sqlTypeName, type ModelEngine } from './binder.js';

// Shifting by a fixed interval (not AT TIME ZONE 'Asia/Shanghai') keeps the two engines
// identical whatever the session TimeZone and without DuckDB's ICU extension; see WALL_CLOCK.
const TO_WALL_CLOCK = `INTERVAL '${WALL_CLOCK.utcOffsetHours} hours'`;
// Lake timestamps are TIMESTAMP holding UTC on DuckDB, timestamptz on PostgreSQL (read at UTC
// here rather than in the session's zone).
const duckdbWallClock = (sql: string) => `(${sql} + ${TO_WALL_CLOCK})`;
const postgresWallClock = (sql: string) => `((${sql} AT TIME ZONE 'UTC') + ${TO_WALL_CLOCK})`;

/**
 * The few constructs the two engines spell differently. Everything else the compiler
 * emits is common SQL that DuckDB and PostgreSQL read the same way.
 */
export interface Dialect {
  readonly engine: ModelEngine;
  readonly double: string;
  readonly text: string;
  /** 'YYYY-MM' of a date or zone-less timestamp. */
  monthOf(sql: string): string;
  /** 'YYYY-MM-DD HH:MM:SS' of a timestamp, in UTC (the form hit keys hash). */
  timestampText(sql: string): string;
  /** The wall-clock reading of an instant, as a zone-less timestamp to take calendar fields from. */
  wallClock(sql: string): string;
  /** 'YYYY-MM-DDTHH:MM:SS+08:00' of an instant: its wall-clock reading with the offset. */
  wallClockText(sql: string): string;
  /** A JSON string literal (with quotes and escapes) of a text value; NULL stays NULL. */
  jsonString(sql: string): string;
  /**
   * Whether an incremental run narrows the sources joined to the driver by semi-joins
   * (incremental.ts). DuckDB hashes every semi-join and gains 3–10× on its small runs;
   * PostgreSQL, misjudging the join below as one row, nests a loop over the subquery
   * instead (W14: 30 ms became 650 ms on a 1M-row lake), so there it stays off.
   */
  readonly narrowsIncrementalJoins: boolean;
  /**
   * A text column as a key of a join on two or more equalities. DuckDB pushes the build
   * side's min and max of each key into the probe table's scan as range filters; a join on
   * one key also gets a Bloom filter, which prunes, but a join on several gets the ranges
   * alone, and on codes and names they prune nothing while decoding every compressed string
   * (W14's asset scan on a 10M-row lake: 3.4 ms without them, 11 ms with). An expression
   * rather than a bare column is left out of that pushdown; `|| ''` keeps the value and NULL.
   */
  multiKeyText(sql: string): string;
  /**
   * The distinct non-NULL values of an expression over a group, as an array. DuckDB's
   * DISTINCT aggregate builds a hash table per aggregate and thread, a fixed cost that
   * dominated small (incremental) runs; de-duplicating the list afterwards is cheaper.
   */
  distinctList(sql: string): string;
}

const DUCKDB: Dialect = {
  engine: 'duckdb',
  double: sqlTypeName('double', 'duckdb'),
  text: sqlTypeName('text', 'duckdb'),
  monthOf: (sql) => `strftime(CAST(${sql} AS DATE), '%Y-%m')`,
  timestampText: (sql) => `strftime(CAST(${sql} AS TIMESTAMP), '%Y-%m-%d %H:%M:%S')`,
  wallClock: duckdbWallClock,
  wallClockText: (sql) => `strftime(${duckdbWallClock(sql)}, '%Y-%m-%dT%H:%M:%S${WALL_CLOCK.utcOffset}')`,
  jsonString: (sql) => `CAST(to_json(CAST(${sql} AS VARCHAR)) AS VARCHAR)`,
  narrowsIncrementalJoins: true,
  multiKeyText: (sql) => `(${sql} || '')`,
  distinctList: (sql) => `list_distinct(array_agg(${sql}))`,
};

const POSTGRES: Dialect = {
  engine: 'postgres',
  double: sqlTypeName('double', 'postgres'),
  text: sqlTypeName('text', 'postgres'),
  monthOf: (sql) => `to_char(${sql}, 'YYYY-MM')`,
  timestampText: (sql) => `to_char(CAST(${sql} AS TIMESTAMP), 'YYYY-MM-DD HH24:MI:SS')`,
  wallClock: postgresWallClock,
  // "T" is quoted: bare, "DDTH" would read as DD with the ordinal suffix TH.
  wallClockText: (sql) => `to_char(${postgresWallClock(sql)}, 'YYYY-MM-DD"T"HH24:MI:SS"${WALL_CLOCK.utcOffset}"')`,
  jsonString: (sql) => `CAST(to_json(CAST(${sql} AS TEXT)) AS TEXT)`,
  narrowsIncrementalJoins: false,
  multiKeyText: (sql) => sql,
  distinctList: (sql) => `array_remove(array_agg(DISTINCT ${sql}), NULL)`,
};

/** The dialect of an engine. */
export function dialectFor(engine: ModelEngine): Dialect {
  return engine === 'duckdb' ? DUCKDB : POSTGRES;
}
