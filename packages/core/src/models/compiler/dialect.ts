import { sqlTypeName, type ModelEngine } from './binder.js';

/**
 * The few constructs the two engines spell differently. Everything else the compiler
 * emits is common SQL that DuckDB and PostgreSQL read the same way.
 */
export interface Dialect {
  readonly engine: ModelEngine;
  readonly double: string;
  readonly text: string;
  /** 'YYYY-MM' of a date or timestamp. */
  monthOf(sql: string): string;
  /** 'YYYY-MM-DD HH:MM:SS' of a timestamp. */
  timestampText(sql: string): string;
  /** A JSON string literal (with quotes and escapes) of a text value; NULL stays NULL. */
  jsonString(sql: string): string;
}

const DUCKDB: Dialect = {
  engine: 'duckdb',
  double: sqlTypeName('double', 'duckdb'),
  text: sqlTypeName('text', 'duckdb'),
  monthOf: (sql) => `strftime(CAST(${sql} AS DATE), '%Y-%m')`,
  timestampText: (sql) => `strftime(CAST(${sql} AS TIMESTAMP), '%Y-%m-%d %H:%M:%S')`,
  jsonString: (sql) => `CAST(to_json(CAST(${sql} AS VARCHAR)) AS VARCHAR)`,
};

const POSTGRES: Dialect = {
  engine: 'postgres',
  double: sqlTypeName('double', 'postgres'),
  text: sqlTypeName('text', 'postgres'),
  monthOf: (sql) => `to_char(${sql}, 'YYYY-MM')`,
  timestampText: (sql) => `to_char(CAST(${sql} AS TIMESTAMP), 'YYYY-MM-DD HH24:MI:SS')`,
  jsonString: (sql) => `CAST(to_json(CAST(${sql} AS TEXT)) AS TEXT)`,
};

/** The dialect of an engine. */
export function dialectFor(engine: ModelEngine): Dialect {
  return engine === 'duckdb' ? DUCKDB : POSTGRES;
}
