/**
 * The analytical lake: one interface over DuckDB (embedded default) and PostgreSQL
 * (shared deployments). Everything above this folder talks to `Lake`, never to an engine.
 *
 * Both engines return the same plain JS shapes so compiled models and their tests do not
 * branch on the engine: BIGINT/HUGEINT → number when it is a safe integer, else a decimal
 * string; DECIMAL/NUMERIC → string (keeps every digit); DATE → 'YYYY-MM-DD';
 * TIMESTAMP → ISO-8601 UTC string with millisecond precision ('2024-01-02T03:04:05.678Z').
 */

/** The engines a lake can run on. */
export type LakeEngine = 'duckdb' | 'postgres';

/** Every engine, in the order the test suite runs them. */
export const LAKE_ENGINES: readonly LakeEngine[] = ['duckdb', 'postgres'];

/** Portable column types; each engine maps them to its own (see `ddl.ts`). */
export type LakeColumnType = 'text' | 'integer' | 'bigint' | 'double' | 'decimal' | 'boolean' | 'date' | 'timestamp';

/** One column of a lake table. */
export interface LakeColumn {
  name: string;
  type: LakeColumnType;
  /** Defaults to true. */
  nullable?: boolean;
  /** Decimal only: total digits, 1–38 (default 18). */
  precision?: number;
  /** Decimal only: digits after the point, 0–precision (default 2: amounts in yuan). */
  scale?: number;
  /**
   * Text only: the column's closed set of values (printable ASCII). DuckDB stores such a
   * column as an ENUM, which it writes like a small integer (a text column costs several
   * times more per row) and which refuses any other value; PostgreSQL stores text.
   */
  values?: readonly string[];
}

/** A table definition; `createTable` accepts it as is. */
export interface LakeTableDef {
  name: string;
  columns: LakeColumn[];
  primaryKey?: string[];
}

/** Rows for `appendRows`: arrays of values in the order of the `columns` argument. */
export type LakeRows = AsyncIterable<unknown[]> | Iterable<unknown[]>;

/** The statements available inside a transaction (and, with more, on the lake itself). */
export interface LakeTx {
  /**
   * Runs a statement and returns its rows as plain objects. Parameters are positional,
   * written `$1`, `$2` … on both engines, and always bound, never spliced into the SQL.
   * Pass instants as `Date` (or UTC text): DuckDB ignores an offset in text it casts to a
   * TIMESTAMP parameter, PostgreSQL honours it. (appendRows handles offsets on both.)
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a statement for its effect; returns the number of rows changed where the engine reports it (else 0). */
  execute(sql: string, params?: unknown[]): Promise<number>;
  /**
   * Appends rows through the engine's bulk path, streaming the input (never buffering it
   * whole). All rows land or none. Returns the number of rows appended.
   */
  appendRows(table: string, columns: string[], rows: LakeRows): Promise<number>;
  /**
   * Runs a SELECT and yields its rows (arrays of values in the select list's order) in
   * batches of about `batchRows`, reading from the engine as the caller consumes them, so a
   * table of any size passes through in bounded memory. Run no other statement of the
   * transaction until the iteration ends.
   */
  streamRows(sql: string, params: unknown[], batchRows: number): AsyncIterable<unknown[][]>;
}

/** The tables untrusted SQL may read: the imported datasets, `ds_<type>`, and no other. */
export const DATASET_TABLE_PREFIX = 'ds_';

/** Limits of one untrusted query (see `Lake.queryUntrusted`). */
export interface UntrustedQueryLimits {
  /** Wall-clock limit in milliseconds; PostgreSQL enforces it in the server. */
  readonly timeoutMs: number;
  /**
   * A small query (an incremental model's): PostgreSQL starts no parallel workers for it.
   * DuckDB has no per-query setting.
   */
  readonly small?: boolean;
}

/**
 * An analytical store. Obtain one with `openLake`. Streaming reads happen inside
 * `transaction` only: a PostgreSQL cursor lives in one transaction.
 */
export interface Lake extends Omit<LakeTx, 'streamRows'> {
  readonly engine: LakeEngine;
  /**
   * The one folder whose files the engine may read or write (DuckDB: its only allowed
   * directory, where an import puts the copy of a file the engine reads itself); null on
   * PostgreSQL, whose server reads no file of ours.
   */
  readonly importDir: string | null;
  /**
   * Runs one SELECT that a user wrote or shaped (a model, a preview) so that it can read
   * the `ds_*` tables and nothing else, whatever its text: no file, no network, no other
   * table, catalogue or setting, no write. DuckDB runs it in a read-only transaction on the
   * locked engine, after checking that it is one SELECT whose bound plan scans only `ds_*`
   * tables; PostgreSQL runs it on a separate pool whose login may only SELECT the `ds_*`
   * tables, in a read-only transaction with a statement timeout. Rejects with
   * LAKE_UNTRUSTED_REFUSED when the lake refuses it before running, else with the engine's error.
   */
  queryUntrusted<T = Record<string, unknown>>(
    sql: string,
    params: unknown[],
    limits: UntrustedQueryLimits,
  ): Promise<T[]>;
  /** Creates the table unless it exists (a table of that name is left as it is). */
  createTable(def: LakeTableDef): Promise<void>;
  /** Drops the table if it exists. */
  dropTable(name: string): Promise<void>;
  /** Whether the table exists in the lake's schema. */
  hasTable(name: string): Promise<boolean>;
  /** Which of these tables exist in the lake's schema, in one look at its catalogue. */
  heldTables(names: readonly string[]): Promise<Set<string>>;
  /**
   * Runs `fn` in one transaction on one connection: commits when it resolves, rolls back
   * when it throws. After any statement inside fails, the transaction is spoilt: later
   * statements reject and the transaction rolls back even if `fn` caught the error, so
   * both engines behave alike (PostgreSQL aborts the transaction; DuckDB has no savepoints).
   * Calling the lake's own write methods from inside `fn` is rejected: use `tx`.
   */
  transaction<T>(fn: (tx: LakeTx) => Promise<T>): Promise<T>;
  /** Waits for running operations, then releases the engine. The lake is unusable afterwards. */
  close(): Promise<void>;
}
