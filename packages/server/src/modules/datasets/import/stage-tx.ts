import { buildCreateTableSql } from '../../../lake/ddl.js';
import { type Lake, type LakeColumn, type LakeTx, quoteIdentifier } from '../../../lake/index.js';

/** Small helpers for the temporary tables an import keeps in its lake transaction. */

// Rows fetched per round trip when rows leave the engine (rows to review, identifiers to seal).
const PAGE_ROWS = 20_000;

export function createTempTableSql(name: string, columns: LakeColumn[], engine: Lake['engine']): string {
  return buildCreateTableSql({ name, columns }, engine).replace(/^CREATE TABLE IF NOT EXISTS/, 'CREATE TEMP TABLE');
}

export async function countRows(tx: LakeTx, sql: string, params: readonly unknown[] = []): Promise<number> {
  const rows = await tx.query<{ n: number | string }>(sql, [...params]);
  return Number(rows[0]?.n ?? 0);
}

/** Reads a numbered temp table (`_seq` from 1) page by page, so no step holds all its rows. */
export async function* pages<T>(tx: LakeTx, table: string, columns: string, total: number): AsyncGenerator<T[]> {
  for (let from = 0; from < total; from += PAGE_ROWS) {
    yield tx.query<T>(`SELECT ${columns} FROM ${quoteIdentifier(table)} WHERE _seq > $1 AND _seq <= $2 ORDER BY _seq`, [
      from,
      from + PAGE_ROWS,
    ]);
  }
}
