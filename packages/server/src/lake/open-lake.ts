import { DuckDbLake } from './duckdb-lake.js';
import { LakeError } from './errors.js';
import type { Lake } from './lake.js';
import { PostgresLake } from './postgres-lake.js';

/** Where the lake lives. */
export interface OpenLakeOptions {
  /** A postgres:// or postgresql:// URL selects PostgreSQL. */
  url?: string;
  /** PostgreSQL only: the schema holding the lake's tables. */
  schema?: string;
  /**
   * PostgreSQL only: a login that may only SELECT the lake's `ds_*` tables, for untrusted
   * SQL. Without it the lake creates such a login itself, which needs a `url` that may
   * create roles; with neither, opening fails.
   */
  readerUrl?: string;
  /** Otherwise DuckDB on this file (':memory:' for a throwaway lake). */
  file?: string;
  /**
   * DuckDB only, and required with `file`: the one folder the engine may touch files in
   * (`<data folder>/uploads`, never the data folder itself, which holds the keys).
   */
  importDir?: string;
  /** DuckDB only: its memory limit (e.g. '512MB'), fixed for the life of the lake. */
  memoryLimit?: string;
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** Opens the lake: PostgreSQL for a postgres URL, else DuckDB at `file`. */
export async function openLake(options: OpenLakeOptions): Promise<Lake> {
  if (options.url !== undefined && POSTGRES_URL.test(options.url)) {
    if (options.readerUrl !== undefined && !POSTGRES_URL.test(options.readerUrl)) {
      throw new LakeError(
        'LAKE_INVALID_DEFINITION',
        'The lake reader URL must start with postgres:// or postgresql://',
      );
    }
    return PostgresLake.open({
      url: options.url,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(options.readerUrl === undefined ? {} : { readerUrl: options.readerUrl }),
    });
  }
  if (options.url !== undefined) {
    // A URL we do not understand must not silently fall back to a local file.
    throw new LakeError('LAKE_INVALID_DEFINITION', 'The lake URL must start with postgres:// or postgresql://');
  }
  if (options.file === undefined || options.file === '') {
    throw new LakeError('LAKE_INVALID_DEFINITION', 'Give the lake a postgres URL or a DuckDB file');
  }
  if (options.importDir === undefined || options.importDir === '') {
    throw new LakeError('LAKE_INVALID_DEFINITION', 'A DuckDB lake needs the folder it may import files from');
  }
  return DuckDbLake.open({
    file: options.file,
    importDir: options.importDir,
    ...(options.memoryLimit === undefined ? {} : { memoryLimit: options.memoryLimit }),
  });
}
