import pg from 'pg';
import { buildCreateTableSql } from './ddl.js';
import { assertColumnList, assertIdentifier, assertKnownColumns, quoteIdentifier } from './identifiers.js';
import type { Lake, LakeRows, LakeTableDef, LakeTx, UntrustedQueryLimits } from './lake.js';
import { LakeOperations } from './operations.js';
import { copyRows } from './postgres-copy.js';
import { inPoolTransaction } from './postgres-transaction.js';
import { PostgresReader } from './postgres-reader.js';
import { lakeTypeParsers, toPgParams } from './postgres-types.js';
import { runInTxScope } from './tx-scope.js';
import { WriteGuard } from './write-guard.js';

/** How to reach the PostgreSQL lake. */
export interface PostgresLakeOptions {
  /** postgres:// or postgresql:// connection URL. */
  url: string;
  /** Schema holding the lake's tables (made the search_path); defaults to the server's search_path. */
  schema?: string;
  /** Most connections the pool opens (default 10), and again the reader's pool. */
  maxConnections?: number;
  /** A login that may only read the `ds_*` tables; without it the lake provisions one (see postgres-reader.ts). */
  readerUrl?: string;
}

// PostgreSQL's SQLSTATEs for a table created by a concurrent `create table if not exists`.
const CONCURRENT_CREATE = new Set(['23505', '42P07']);

/**
 * The lake on PostgreSQL through a pg.Pool. PostgreSQL serialises conflicting writers
 * with row locks and MVCC itself, so unlike DuckDB no writer lock is needed here; every
 * transaction and append gets a connection of its own from the pool. Untrusted SQL runs
 * on a second pool, logged in as a reader that may only SELECT the `ds_*` tables.
 */
export class PostgresLake implements Lake {
  readonly engine = 'postgres' as const;
  readonly importDir = null;
  private readonly guard = new WriteGuard();
  private readonly operations = new LakeOperations();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly reader: PostgresReader,
  ) {}

  /** Connects (and checks the connection) to the PostgreSQL lake, and connects its reader. */
  static async open(options: PostgresLakeOptions): Promise<PostgresLake> {
    if (options.schema !== undefined) assertIdentifier(options.schema, 'schema name');
    const openPool = (url: string, schema?: string) => {
      const pool = new pg.Pool({
        connectionString: url,
        options: sessionOptions(url, schema),
        types: lakeTypeParsers,
        max: options.maxConnections ?? 10,
      });
      // An idle client whose server went away emits 'error' on the pool; without a listener
      // that would crash the process. The pool drops the client, and the next use reconnects.
      pool.on('error', () => undefined);
      return pool;
    };
    const pool = openPool(options.url, options.schema);
    try {
      await pool.query('SELECT 1');
      const reader = await PostgresReader.open(pool, {
        url: options.url,
        ...(options.readerUrl === undefined ? {} : { readerUrl: options.readerUrl }),
        openPool,
      });
      return new PostgresLake(pool, reader);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  async createTable(def: LakeTableDef): Promise<void> {
    const sql = buildCreateTableSql(def, 'postgres');
    try {
      await this.execute(sql);
    } catch (error) {
      // `if not exists` doesn't stop a concurrent create from throwing: accept the table it made.
      const code = (error as { code?: string }).code;
      if (!(code !== undefined && CONCURRENT_CREATE.has(code) && (await this.hasTable(def.name)))) throw error;
    }
    await this.operations.track(() => this.reader.grantDataset(def.name));
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
    // The catalogue itself: information_schema's view costs a planner and a join per look,
    // and a person's page looks for every dataset that names people.
    const rows = await this.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname = ANY($1)`,
      [[...names]],
    );
    return new Set(rows.map((r) => r.name));
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.operations.track(() => queryOn<T>(this.pool, sql, params));
  }

  queryUntrusted<T = Record<string, unknown>>(
    sql: string,
    params: unknown[],
    limits: UntrustedQueryLimits,
  ): Promise<T[]> {
    return this.operations.track(() =>
      this.reader.use(async (client) => {
        await client.query('BEGIN READ ONLY');
        // Local to this transaction; the reader's own defaults are read-only sessions and a 10-minute timeout.
        const serial = limits.small ? `, set_config('max_parallel_workers_per_gather', '0', true)` : '';
        await client.query(`SELECT set_config('statement_timeout', $1, true)${serial}`, [
          String(Math.max(1, Math.ceil(limits.timeoutMs))),
        ]);
        // The extended protocol takes one statement only, so nothing can follow the SELECT.
        const query = { text: sql, values: toPgParams(params), queryMode: 'extended' };
        const result = await client.query(query);
        await client.query('ROLLBACK');
        return result.rows as T[];
      }),
    );
  }

  execute(sql: string, params?: unknown[]): Promise<number> {
    return this.write('execute', () => executeOn(this.pool, sql, params));
  }

  appendRows(table: string, columns: string[], rows: LakeRows): Promise<number> {
    return this.write('appendRows', () => this.inTransaction((client) => appendOn(client, table, columns, rows)));
  }

  transaction<T>(fn: (tx: LakeTx) => Promise<T>): Promise<T> {
    return this.write('transaction', () => this.inTransaction((client) => runInTxScope(statementsOn(client), fn)));
  }

  close(): Promise<void> {
    return this.operations.close(async () => {
      await this.reader.close();
      await this.pool.end();
    });
  }

  /** BEGIN … COMMIT on one pooled client; ROLLBACK when fn or COMMIT fails. */
  private inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inPoolTransaction(this.pool, fn);
  }

  private write<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    this.guard.assertOutside(operation);
    return this.operations.track(() => this.guard.run(fn));
  }
}

/** Session settings every lake connection needs, added to any the URL already carries. */
function sessionOptions(url: string, schema: string | undefined): string {
  // UTC and ISO dates make the server's text match DuckDB's (see postgres-types.ts).
  const settings = ['-c TimeZone=UTC', '-c DateStyle=ISO'];
  if (schema !== undefined) settings.push(`-c search_path=${schema}`);
  const fromUrl = new URL(url).searchParams.get('options');
  return [fromUrl, ...settings].filter(Boolean).join(' ');
}

async function queryOn<T>(db: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]): Promise<T[]> {
  const result = await db.query({ text: sql, values: toPgParams(params) });
  return result.rows as T[];
}

async function executeOn(db: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]): Promise<number> {
  const result = await db.query({ text: sql, values: toPgParams(params) });
  return result.rowCount ?? 0;
}

/** The statements of a transaction open on client. */
function statementsOn(client: pg.PoolClient): LakeTx {
  return {
    query: (sql, params) => queryOn(client, sql, params),
    execute: (sql, params) => executeOn(client, sql, params),
    appendRows: (table, columns, rows) => appendOn(client, table, columns, rows),
    streamRows: (sql, params, batchRows) => streamOn(client, sql, params, batchRows),
  };
}

// One cursor at a time per transaction (see LakeTx.streamRows), so one name does.
const CURSOR = 'qf_stream_rows';

/** Yields a query's rows through a cursor of the caller's transaction, a batch per FETCH. */
async function* streamOn(
  client: pg.PoolClient,
  sql: string,
  params: unknown[],
  batchRows: number,
): AsyncGenerator<unknown[][]> {
  const size = Math.max(1, Math.floor(batchRows));
  await client.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`, values: toPgParams(params) });
  for (;;) {
    const result = await client.query<unknown[]>({ text: `FETCH ${size} FROM ${CURSOR}`, rowMode: 'array' });
    if (result.rows.length === 0) break;
    yield result.rows;
  }
  await client.query(`CLOSE ${CURSOR}`);
}

async function appendOn(client: pg.PoolClient, table: string, columns: string[], rows: LakeRows): Promise<number> {
  const quotedTable = quoteIdentifier(table, 'table name');
  assertColumnList(columns);
  // Checked up front so an unknown column fails the same way on both engines.
  const known = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  const names = new Set(known.rows.map((row) => row.column_name));
  // No columns listed means no such table here: COPY then fails with the engine's own error.
  if (names.size > 0) assertKnownColumns(table, columns, names);
  return copyRows(client, quotedTable, columns, rows);
}
