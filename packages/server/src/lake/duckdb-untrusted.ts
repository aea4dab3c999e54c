import { type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBValue, StatementType } from '@duckdb/node-api';
import { lakeValueConverter, toDuckDbParams } from './duckdb-values.js';
import { LakeError } from './errors.js';
import { DATASET_TABLE_PREFIX } from './lake.js';
import { BrokenConnectionError } from './transaction.js';

/** One operator of DuckDB's JSON physical plan (EXPLAIN (FORMAT json)). */
interface PlanNode {
  name?: string;
  children?: PlanNode[];
  extra_info?: Record<string, unknown>;
}

/**
 * Runs untrusted SQL on connection `c` of the locked DuckDB lake (see Lake.queryUntrusted):
 * one statement, of type SELECT, naming no table but `ds_*` ones, whose plan as the engine
 * binds it scans no table but the `ds_*` tables of `database` and calls no table function
 * (no file reader, no catalogue, no settings), in a read-only transaction. Asking the binder, not scanning the text, is
 * what makes views, quoting, comments and replacement scans (a file path used as a table)
 * show up as what they are. Leaves no transaction open; after a failed ROLLBACK it throws
 * BrokenConnectionError, so the connection is not handed out again.
 */
export async function queryUntrustedOn<T>(
  c: DuckDBConnection,
  database: string,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const values = toDuckDbParams(params);
  await c.run('BEGIN TRANSACTION READ ONLY');
  let rows: T[];
  try {
    rows = await runChecked<T>(c, database, sql, values);
  } catch (error) {
    await rollback(c, error);
    throw error;
  }
  await rollback(c, undefined);
  return rows;
}

async function runChecked<T>(c: DuckDBConnection, database: string, sql: string, values: DuckDBValue[]): Promise<T[]> {
  // prepare() refuses more than one statement, so nothing runs before the checks.
  const statement = await c.prepare(sql);
  try {
    if (statement.statementType !== StatementType.SELECT) {
      throw refused(`only a SELECT may run here, not ${StatementType[statement.statementType]}`);
    }
    assertNamesOnlyDatasets(c, sql);
    await assertReadsOnlyDatasets(c, database, sql, values);
    if (values.length > 0) statement.bind(values);
    const reader = await statement.runAndReadAll();
    return reader.convertRowObjects(lakeValueConverter) as T[];
  } finally {
    statement.destroySync();
  }
}

async function rollback(c: DuckDBConnection, failure: unknown): Promise<void> {
  try {
    await c.run('ROLLBACK');
  } catch (error) {
    throw new BrokenConnectionError(failure ?? error);
  }
}

async function assertReadsOnlyDatasets(
  c: DuckDBConnection,
  database: string,
  sql: string,
  values: DuckDBValue[],
): Promise<void> {
  // The text was just accepted as one SELECT statement, so EXPLAIN in front of it plans that statement.
  const explain: DuckDBPreparedStatement = await c.prepare(`EXPLAIN (FORMAT json) ${sql}`);
  let plans: string[];
  try {
    if (values.length > 0) explain.bind(values);
    const reader = await explain.runAndReadAll();
    // One row per plan: its key ('physical_plan') and the plan as JSON text.
    plans = reader.getRowObjectsJS().map((row) => row.explain_value as string);
  } finally {
    explain.destroySync();
  }
  for (const plan of plans) {
    for (const node of walk(JSON.parse(plan) as PlanNode[])) {
      const info = node.extra_info ?? {};
      if (typeof info.Function === 'string')
        throw refused(`it calls the table function ${info.Function.toLowerCase()}`);
      if (info.Table !== undefined && !isDatasetTable(info.Table, database)) {
        throw refused(`it reads ${JSON.stringify(info.Table)}, which is not a ${DATASET_TABLE_PREFIX}* table`);
      }
    }
  }
}

/**
 * The tables the statement names, as DuckDB's parser reads them (CTE names left out). The
 * plan alone misses a statement the binder answers with constants: DESCRIBE or SHOW of a
 * table plans as a scan of its column list, not of the table.
 */
function assertNamesOnlyDatasets(c: DuckDBConnection, sql: string): void {
  for (const name of c.getTableNames(sql, false)) {
    if (!name.toLowerCase().startsWith(DATASET_TABLE_PREFIX)) {
      throw refused(`it names ${JSON.stringify(name)}, which is not a ${DATASET_TABLE_PREFIX}* table`);
    }
  }
}

function* walk(nodes: PlanNode[]): Generator<PlanNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children ?? []);
  }
}

/** Whether a plan's table ("catalog.schema.table") is one of the lake's own dataset tables. */
function isDatasetTable(table: unknown, database: string): boolean {
  if (typeof table !== 'string') return false;
  const [catalog, schema, name, ...rest] = table.split('.');
  return (
    rest.length === 0 &&
    catalog === database &&
    schema === 'main' &&
    name !== undefined &&
    name.startsWith(DATASET_TABLE_PREFIX)
  );
}

function refused(why: string): LakeError {
  return new LakeError('LAKE_UNTRUSTED_REFUSED', `The lake refuses this query: ${why}`);
}
