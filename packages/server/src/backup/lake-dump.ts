import {
  describeLakeTables,
  type Lake,
  type LakeColumn,
  type LakeEngine,
  type LakeTableDef,
  type LakeTx,
  quoteIdentifier,
} from '../lake/index.js';
import { RowSetHash, type TableSummary } from './backup-format.js';
import type { DumpTarget } from './operational-dump.js';

const BATCH_ROWS = 10_000;

/**
 * A column as the backup writes it. The lake's own reading gives instants to the millisecond;
 * the backup keeps all six digits the engines store, as UTC text both engines print alike
 * and both read back through appendRows.
 */
function selectExpression(column: LakeColumn, engine: LakeEngine): string {
  const name = quoteIdentifier(column.name);
  if (column.type !== 'timestamp') return name;
  return engine === 'duckdb'
    ? `strftime(${name}, '%Y-%m-%dT%H:%M:%S.%fZ')`
    : `to_char(${name} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** A lake row's line: its values as a JSON array, in the definition's column order. */
function lakeRowJson(values: unknown[]): string {
  return JSON.stringify(values);
}

async function readLakeTable(
  tx: LakeTx,
  engine: LakeEngine,
  def: LakeTableDef,
  onRow: (json: string) => Promise<void> | void,
): Promise<RowSetHash> {
  const columns = def.columns.map((column) => selectExpression(column, engine)).join(', ');
  const hash = new RowSetHash();
  for await (const batch of tx.streamRows(`SELECT ${columns} FROM ${quoteIdentifier(def.name)}`, [], BATCH_ROWS)) {
    for (const values of batch) {
      const json = lakeRowJson(values);
      hash.add(json);
      await onRow(json);
    }
  }
  return hash;
}

/**
 * Reads every lake table in one transaction (one snapshot: REPEATABLE READ on PostgreSQL,
 * DuckDB's own snapshot), streamed in batches, so a ten-million-row table passes through in
 * bounded memory. On DuckDB the transaction holds the lake's writer lock: an import waits
 * for the backup to finish.
 */
export async function dumpLake(lake: Lake, target: DumpTarget): Promise<TableSummary[]> {
  const defs = await describeLakeTables(lake);
  return inSnapshot(lake, async (tx) => {
    const tables: TableSummary[] = [];
    for (const def of defs) {
      await target.record({ kind: 'lake-table', def });
      const hash = await readLakeTable(tx, lake.engine, def, (json) => target.row(json));
      await target.record({ kind: 'table-end', rows: hash.rows, hash: hash.digest() });
      tables.push({ name: def.name, rows: hash.rows, hash: hash.digest() });
    }
    return tables;
  });
}

/** Every lake table's summary, read again (after a restore). */
export async function summariseLake(lake: Lake): Promise<TableSummary[]> {
  const defs = await describeLakeTables(lake);
  return inSnapshot(lake, async (tx) => {
    const tables: TableSummary[] = [];
    for (const def of defs) {
      const hash = await readLakeTable(tx, lake.engine, def, () => undefined);
      tables.push({ name: def.name, rows: hash.rows, hash: hash.digest() });
    }
    return tables;
  });
}

function inSnapshot<T>(lake: Lake, fn: (tx: LakeTx) => Promise<T>): Promise<T> {
  return lake.transaction(async (tx) => {
    // The first statement of the transaction, as PostgreSQL requires; DuckDB always reads a snapshot.
    if (lake.engine === 'postgres') await tx.execute('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return fn(tx);
  });
}
