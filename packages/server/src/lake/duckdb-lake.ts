import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { buildCreateTableSql, columnTypeSql } from './ddl.js';
import { DuckDbConnections } from './duckdb-connections.js';
import { valueWriterFor } from './duckdb-append.js';
import { type DuckDbLakeOptions, openLockedDuckDb } from './duckdb-lockdown.js';
import { queryUntrustedOn } from './duckdb-untrusted.js';
import { lakeValueConverter, toDuckDbParams } from './duckdb-values.js';
import { LakeError } from './errors.js';
import { assertColumnList, assertIdentifier, assertKnownColumns, quoteIdentifier } from './identifiers.js';
import type { Lake, LakeRows, LakeTableDef, LakeTx, UntrustedQueryLimits } from './lake.js';
import { Mutex } from './mutex.js';
import { LakeOperations } from './operations.js';
import { inTransaction } from './transaction.js';
import { runInTxScope } from './tx-scope.js';
import { WriteGuard } from './write-guard.js';

// Let timers and sockets run between batches of a long append: a generator that never
// waits on I/O would otherwise hold the event loop for the whole import.
const YIELD_EVERY_ROWS = 8192;

/**
 * The lake on DuckDB, in process, on a file (or ':memory:').
 *
 * Concurrency: reads run concurrently, each on its own connection (see
 * duckdb-connections.ts). Writes — execute, appendRows, transaction, DDL — take one
 * writer lock for their whole duration. DuckDB is a single-writer engine: only one
 * process may open the file for writing, and inside the process its optimistic MVCC
 * makes a second concurrent writer touching the same rows or catalog entries fail with a
 * conflict error instead of waiting. Queuing writers here turns those failures into waits
 * at no real cost, since DuckDB commits one at a time anyway. `query` is meant for
 * reads and does not take the lock.
 *
 * The engine is locked down when opened (see duckdb-lockdown.ts): whatever SQL reaches
 * any of its connections, it reaches no file outside the import folder and no network.
 */
export class DuckDbLake implements Lake {
  readonly engine = 'duckdb' as const;
  private readonly connections: DuckDbConnections;
  private readonly writer = new Mutex();
  private readonly guard = new WriteGuard();
  private readonly operations = new LakeOperations();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly importDir: string,
    /** The lake's catalog name, as plans name its tables. */
    private readonly database: string,
  ) {
    this.connections = new DuckDbConnections(instance);
  }

  /** Opens (creating if needed) the DuckDB database at `options.file`, locked down to `options.importDir`. */
  static async open(options: DuckDbLakeOptions): Promise<DuckDbLake> {
    const { instance, importDir } = await openLockedDuckDb(options);
    try {
      const connection = await instance.connect();
      try {
        const reader = await connection.runAndReadAll('SELECT current_database() AS name');
        const [name] = reader.getColumnsJS()[0] ?? [];
        if (typeof name !== 'string')
          throw new LakeError('LAKE_INVALID_DEFINITION', 'DuckDB named no current database');
        return new DuckDbLake(instance, importDir, name);
      } finally {
        connection.closeSync();
      }
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  async createTable(def: LakeTableDef): Promise<void> {
    await this.execute(buildCreateTableSql(def, 'duckdb'));
    await this.alignClosedColumns(def);
  }

  /**
   * An existing table's ENUM column whose set of values changed (a release adds a code to an
   * enum of the standard) takes the new set, keeping its rows: the old ENUM would refuse
   * the new code. A text column made before the column was closed stays text.
   */
  private async alignClosedColumns(def: LakeTableDef): Promise<void> {
    const closed = def.columns.filter((c) => c.values !== undefined);
    if (closed.length === 0) return;
    const existing = await this.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM duckdb_columns()
       WHERE database_name = current_database() AND schema_name = current_schema() AND table_name = $1`,
      [def.name],
    );
    const types = new Map(existing.map((c) => [c.column_name, c.data_type]));
    for (const column of closed) {
      const now = types.get(column.name);
      const wanted = columnTypeSql(column, 'duckdb');
      if (now === undefined || now === wanted || !now.startsWith('ENUM(')) continue;
      await this.execute(
        `ALTER TABLE ${quoteIdentifier(def.name)} ALTER COLUMN ${quoteIdentifier(column.name)} SET DATA TYPE ${wanted}`,
      );
    }
  }

  async dropTable(name: string): Promise<void> {
    await this.execute(`DROP TABLE IF EXISTS ${quoteIdentifier(name, 'table name')}`);
  }

  async hasTable(name: string): Promise<boolean> {
    return (await this.heldTables([name])).has(name);
  }

  async heldTables(names: readonly string[]): Promise<Set<string>> {
    for (const name of names) assertIdentifier(name, 'table name');
    if (names.length === 0) return new Set();
    const rows = await this.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_catalog = current_database() AND table_schema = current_schema()
         AND table_name IN (${names.map((_n, i) => `$${i + 1}`).join(', ')})`,
      [...names],
    );
    return new Set(rows.map((r) => r.name));
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.operations.track(() => this.connections.use((c) => queryOn<T>(c, sql, params)));
  }

  queryUntrusted<T = Record<string, unknown>>(
    sql: string,
    params: unknown[],
    // DuckDB has neither a statement timeout nor a per-query parallelism setting: the caller keeps the deadline.
    _limits: UntrustedQueryLimits,
  ): Promise<T[]> {
    return this.operations.track(() => this.connections.use((c) => queryUntrustedOn<T>(c, this.database, sql, params)));
  }

  execute(sql: string, params?: unknown[]): Promise<number> {
    return this.write('execute', () => this.connections.use((c) => executeOn(c, sql, params)));
  }

  appendRows(table: string, columns: string[], rows: LakeRows): Promise<number> {
    return this.write('appendRows', () =>
      this.connections.use((c) =>
        inTransaction(
          (sql) => c.run(sql),
          () => appendOn(c, table, columns, rows),
        ),
      ),
    );
  }

  transaction<T>(fn: (tx: LakeTx) => Promise<T>): Promise<T> {
    return this.write('transaction', () =>
      this.connections.use((c) =>
        inTransaction(
          (sql) => c.run(sql),
          () => runInTxScope(statementsOn(c), fn),
        ),
      ),
    );
  }

  close(): Promise<void> {
    return this.operations.close(() => {
      this.connections.closeAll();
      this.instance.closeSync();
    });
  }

  private write<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    this.guard.assertOutside(operation);
    return this.operations.track(() => this.writer.run(() => this.guard.run(fn)));
  }
}

async function queryOn<T>(c: DuckDBConnection, sql: string, params?: unknown[]): Promise<T[]> {
  const reader = await c.runAndReadAll(sql, toDuckDbParams(params));
  return reader.convertRowObjects(lakeValueConverter) as T[];
}

async function executeOn(c: DuckDBConnection, sql: string, params?: unknown[]): Promise<number> {
  const result = await c.run(sql, toDuckDbParams(params));
  return result.rowsChanged;
}

/** The statements of a transaction open on c. */
function statementsOn(c: DuckDBConnection): LakeTx {
  return {
    query: (sql, params) => queryOn(c, sql, params),
    execute: (sql, params) => executeOn(c, sql, params),
    appendRows: (table, columns, rows) => appendOn(c, table, columns, rows),
    streamRows: (sql, params, batchRows) => streamOn(c, sql, params, batchRows),
  };
}

/** Yields a streamed result's rows as it fetches its chunks (about 2,048 rows each). */
async function* streamOn(
  c: DuckDBConnection,
  sql: string,
  params: unknown[],
  batchRows: number,
): AsyncGenerator<unknown[][]> {
  const result = await c.stream(sql, toDuckDbParams(params));
  let batch: unknown[][] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const columns = chunk.convertColumns(lakeValueConverter);
    for (let row = 0; row < chunk.rowCount; row += 1) batch.push(columns.map((values) => values[row]));
    if (batch.length >= batchRows) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Appends rows through DuckDB's appender inside the caller's transaction on c. */
async function appendOn(c: DuckDBConnection, table: string, columns: string[], rows: LakeRows): Promise<number> {
  assertIdentifier(table, 'table name');
  assertColumnList(columns);
  // The appender fills whole rows in table order: map each table column to its input.
  const layout = await c.runAndReadAll(`SELECT * FROM ${quoteIdentifier(table)} LIMIT 0`);
  const names = layout.columnNames();
  assertKnownColumns(table, columns, new Set(names));
  const plan = layout.columnTypes().map((type, i) => {
    const name = names[i] as string;
    const source = columns.indexOf(name);
    return { source, write: source >= 0 ? valueWriterFor(type, name) : undefined };
  });

  const appender = await c.createAppender(table);
  let count = 0;
  try {
    for await (const row of rows) {
      if (!Array.isArray(row) || row.length !== columns.length) {
        throw new LakeError(
          'LAKE_INVALID_VALUE',
          `Row ${count + 1} has ${Array.isArray(row) ? row.length : 'no'} values; expected ${columns.length}`,
        );
      }
      for (const { source, write } of plan) {
        if (write === undefined) {
          appender.appendDefault();
          continue;
        }
        const value: unknown = row[source];
        if (value === null || value === undefined) appender.appendNull();
        else write(appender, value);
      }
      appender.endRow();
      count += 1;
      if (count % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
    }
    // Flush now so constraint errors surface here, before the caller commits.
    appender.flushSync();
  } catch (error) {
    appender.clear();
    throw error;
  } finally {
    appender.closeSync();
  }
  return count;
}
