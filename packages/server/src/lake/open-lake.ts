import { DuckDbLake } from './duckdb-lake.js';
import { LakeError } from './errors.js';
import type { Lake } from './lake.js';
import { PostgresLake } from './postgres-lake.js';

/** Where the lake lives. */
export interface OpenLakeOptions {
  /** A postgres:// or postgresql:// URL selects PostgreSQL. */
  url?: string;
  /** Otherwise DuckDB on this file (':memory:' for a throwaway lake). */
  file?: string;
  /** PostgreSQL only: the schema holding the lake's tables. */
  schema?: string;
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** Opens the lake: PostgreSQL for a postgres URL, else DuckDB at `file`. */
export async function openLake(options: OpenLakeOptions): Promise<Lake> {
  if (options.url !== undefined && POSTGRES_URL.test(options.url)) {
    return PostgresLake.open({ url: options.url, ...(options.schema === undefined ? {} : { schema: options.schema }) });
  }
  if (options.url !== undefined) {
    // A URL we do not understand must not silently fall back to a local file.
    throw new LakeError('LAKE_INVALID_DEFINITION', 'The lake URL must start with postgres:// or postgresql://');
  }
  if (options.file === undefined || options.file === '') {
    throw new LakeError('LAKE_INVALID_DEFINITION', 'Give the lake a postgres URL or a DuckDB file');
  }
  return DuckDbLake.open(options.file);
}
