import type { HeaderMatch } from '@qingfeng/core';
import { type Lake, type LakeRows, type LakeTx, quoteIdentifier } from '../../../lake/index.js';
import { type DatasetLayout, LAKE_BATCHES_TABLE, SUBJECT_INDEX_TABLE, datasetTable } from '../../catalogue/index.js';
import { dictionaryStatements, refusedEntriesSql, rowCountsSql } from './stage-dictionary.js';
import { badRowsSql, insertFixedRowsSql, insertGoodRowsSql, keyedDictionarySql } from './stage-rows.js';
import {
  RAW_META_COLUMNS,
  type RawRelation,
  type StagePlan,
  type StageTables,
  stageTables,
  dictionaryFields,
  subjectDictionaries,
} from './stage-sql.js';
import { countRows, createTempTableSql, pages } from './stage-tx.js';
import type { IdentifierSealer } from './sealed-register.lake.js';
import { resolveSubjects } from './subjects.lake.js';
import { ensureAccountIndex, sealAccounts } from './accounts.lake.js';
import { type EntryDecisions, type KeptCell, reportKeptCells, settleRefusedEntries } from './kept-cells.lake.js';

/*
 * All lake SQL of the datasets domain. Statements are written once for both engines:
 * only portable SQL (window functions, NOT EXISTS, INSERT … SELECT) is used here.
 */

// Namespace of the PostgreSQL advisory locks an import holds on its batch id: a live
// import's lock tells start-up reconciliation in another process to leave it alone.
const IMPORT_LOCK_NAMESPACE = 7_310_001;

/** Counts a batch leaves in the lake's own register. */
export interface LakeBatchCounts {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
}

/** A batch as the lake records it. */
export interface LakeBatchRow {
  batch_id: number;
  dataset_type: string;
  status: 'loaded' | 'replaced' | 'rolled_back';
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
}

/** Creates the dataset's table and the shared subject, account and batch registers unless they exist. */
export async function ensureLakeTables(lake: Lake, layout: DatasetLayout): Promise<void> {
  await lake.createTable(SUBJECT_INDEX_TABLE);
  await lake.execute('CREATE UNIQUE INDEX IF NOT EXISTS subject_index_hash_idx ON subject_index (identifier_hash)');
  await ensureAccountIndex(lake);
  await lake.createTable(LAKE_BATCHES_TABLE);
  await lake.createTable(layout.tableDef);
}

/** Where a batch's raw text comes from. */
export type StageSource =
  /** The engine's own reader (DuckDB reading a regular UTF-8 CSV), shaped like the raw stage. */
  | { kind: 'relation'; relation: RawRelation }
  /** Raw stage rows (`plan.rawColumns` order) from a reader in JavaScript, through the bulk path. */
  | { kind: 'rows'; rows: LakeRows };

/** What one batch writes. */
export interface LoadBatchInput {
  plan: StagePlan;
  match: HeaderMatch;
  batchId: number;
  mode: 'append' | 'replace';
  source: StageSource;
  /**
   * The reference for a row the SQL forms did not accept, in row order: returns its
   * normalised values (`plan.valueColumns` order) or null once it has reported the row.
   */
  review: (row: Record<string, unknown>) => Promise<unknown[] | null>;
  /** The reference's decisions for dictionary entries the SQL forms refuse (see kept-cells.lake.ts). */
  decisions: EntryDecisions;
  /** Each cell kept without its value in a row loaded straight from the raw text. */
  onKept: (cell: KeptCell) => Promise<void>;
  sealer: IdentifierSealer;
  /** Called with the number of rows read once the file is staged. */
  onStaged?: (rowsRead: number) => void;
}

/**
 * Loads one batch in ONE lake transaction: optional replace, the dictionaries, the TS
 * reference for the rows SQL did not accept, new subjects, the rows, and the
 * `lake_batches` row that marks the batch complete. A crash anywhere before COMMIT leaves
 * none of it. Returns the batch's counts.
 */
export async function loadBatch(lake: Lake, input: LoadBatchInput): Promise<LakeBatchCounts> {
  const { plan, batchId } = input;
  const layout = plan.layout;
  const engine = lake.engine;
  const tables = stageTables(batchId);
  const q = quoteIdentifier;
  return lake.transaction(async (tx) => {
    if (engine === 'postgres') {
      await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [IMPORT_LOCK_NAMESPACE, batchId]);
    }
    if (input.mode === 'replace') {
      await tx.execute(`DELETE FROM ${q(layout.table)}`);
      await tx.execute(`UPDATE lake_batches SET status = 'replaced' WHERE dataset_type = $1 AND status = 'loaded'`, [
        layout.dataset.key,
      ]);
    }
    const raw = await stageRaw(tx, engine, plan, tables, input.source);
    // 1. Dictionaries of every column's distinct values, and the row count.
    for (const { sql, params } of dictionaryStatements(engine, plan, input.match, raw, tables)) {
      await tx.execute(sql, [...params]);
    }
    const totals = await tx.query<{ n: number | string; flagged: number | string }>(rowCountsSql(tables));
    const rowsRead = Number(totals[0]?.n ?? 0);
    const flagged = Number(totals[0]?.flagged ?? 0);
    input.onStaged?.(rowsRead);
    // 2. The TS reference decides each refused value once (optional fields keep their rows),
    // then, in row order, every row SQL did not accept.
    const keptEntries = await settleRefusedEntries(tx, engine, plan, tables, input.decisions);
    await tx.execute(createTempTableSql(tables.fixed, plan.fixedColumns, engine));
    const refused = await countRows(tx, refusedEntriesSql(plan, tables));
    const reviewed =
      flagged + refused > 0 ? await reviewRows(tx, engine, plan, raw, tables, input.review) : NONE_REVIEWED;
    // 3. Subjects: seal each distinct identifier once, add the new ones to subject_index.
    if (layout.subjectFields.length > 0) {
      await resolveSubjects(tx, engine, plan, tables, input.sealer);
      for (const i of subjectDictionaries(plan)) await tx.execute(keyedDictionarySql(tables, i));
    }
    // Bank accounts: the same, each account replaced by its key in account_index.
    await sealAccounts(tx, engine, plan, tables, input.sealer);
    // 4. The rows: good ones straight from the raw text, then the ones the reference accepted.
    const good = insertGoodRowsSql(engine, plan, raw, tables, { id: batchId, anyFlagged: flagged > 0 });
    const goodLoaded = await tx.execute(good.sql, [...good.params]);
    const fixedLoaded = await tx.execute(insertFixedRowsSql(plan, tables, batchId));
    const rowsLoaded = goodLoaded + fixedLoaded;
    if (keptEntries > 0) await reportKeptCells(tx, engine, plan, raw, tables, flagged > 0, input.onKept);
    for (const table of tempTables(plan, tables)) await tx.execute(`DROP TABLE IF EXISTS ${q(table)}`);
    const counts = { rowsRead, rowsLoaded, rowsRejected: reviewed.rejected };
    if (rowsLoaded !== rowsRead - reviewed.rejected || goodLoaded !== rowsRead - reviewed.total) {
      throw new Error(
        `batch ${batchId}: ${rowsLoaded} rows loaded (${goodLoaded} directly), ` +
          `expected ${rowsRead - reviewed.rejected} of ${rowsRead} (${reviewed.total} reviewed)`,
      );
    }
    await tx.execute(
      `INSERT INTO lake_batches (batch_id, dataset_type, status, rows_read, rows_loaded, rows_rejected)
       VALUES ($1, $2, 'loaded', $3, $4, $5)`,
      [batchId, layout.dataset.key, counts.rowsRead, counts.rowsLoaded, counts.rowsRejected],
    );
    return counts;
  });
}

const NONE_REVIEWED = { total: 0, rejected: 0 };

/** The raw relation of a batch: the engine's reader as is, or a temp table the JS rows fill. */
async function stageRaw(
  tx: LakeTx,
  engine: Lake['engine'],
  plan: StagePlan,
  tables: StageTables,
  source: StageSource,
): Promise<RawRelation> {
  if (source.kind === 'relation') return source.relation;
  await tx.execute(createTempTableSql(tables.raw, plan.rawColumns, engine));
  await tx.appendRows(
    tables.raw,
    plan.rawColumns.map((c) => c.name),
    source.rows,
  );
  if (engine === 'postgres') await tx.execute(`ANALYZE ${quoteIdentifier(tables.raw)}`);
  return { from: quoteIdentifier(tables.raw), params: [] };
}

function tempTables(plan: StagePlan, tables: StageTables): string[] {
  const dictionaries = dictionaryFields(plan).map(({ i }) => tables.dictionary(i));
  const keyed = subjectDictionaries(plan).map((i) => tables.keyed(i));
  const settled = dictionaryFields(plan).flatMap(({ i }) => [tables.refused(i), tables.keptKeys(i)]);
  const { raw, values, bad, fixed, ids, hash, fresh, keys, kept, accounts, accountHash, accountFresh, accountKeys } =
    tables;
  const sealed = [accounts, accountHash, accountFresh, accountKeys];
  return [raw, values, bad, fixed, ids, hash, fresh, keys, kept, ...sealed, ...dictionaries, ...keyed, ...settled];
}

async function reviewRows(
  tx: LakeTx,
  engine: Lake['engine'],
  plan: StagePlan,
  raw: RawRelation,
  tables: StageTables,
  review: LoadBatchInput['review'],
): Promise<{ total: number; rejected: number }> {
  const bad = badRowsSql(engine, plan, raw, tables);
  await tx.execute(bad.sql, [...bad.params]);
  const total = await countRows(tx, `SELECT count(*) AS n FROM ${quoteIdentifier(tables.bad)}`);
  const columns = [...RAW_META_COLUMNS.map((c) => c.name), ...plan.staged.map((s) => s.rawColumn)];
  let rejected = 0;
  // Page by page: on DuckDB the reads and the appender share the transaction's one connection.
  const list = columns.map((c) => quoteIdentifier(c)).join(', ');
  for await (const page of pages<Record<string, unknown>>(tx, tables.bad, list, total)) {
    const accepted: unknown[][] = [];
    for (const row of page) {
      const values = await review(row);
      if (values === null) rejected += 1;
      else accepted.push(values);
    }
    if (accepted.length > 0) await tx.appendRows(tables.fixed, [...plan.valueColumns], accepted);
  }
  return { total, rejected };
}

/** Deletes a batch's rows and marks it rolled back, in one transaction. Returns rows deleted. */
export async function rollbackLakeBatch(lake: Lake, datasetType: string, batchId: number): Promise<number> {
  if (!(await lake.hasTable(LAKE_BATCHES_TABLE.name))) return 0;
  const table = datasetTable(datasetType);
  const hasRows = await lake.hasTable(table);
  return lake.transaction(async (tx) => {
    const deleted = hasRows
      ? await tx.execute(`DELETE FROM ${quoteIdentifier(table)} WHERE _batch_id = $1`, [batchId])
      : 0;
    await tx.execute(`UPDATE lake_batches SET status = 'rolled_back' WHERE batch_id = $1`, [batchId]);
    return deleted;
  });
}

/** The lake's record of these batches (absent ids never committed). */
export async function findLakeBatches(lake: Lake, batchIds: readonly number[]): Promise<LakeBatchRow[]> {
  if (batchIds.length === 0 || !(await lake.hasTable(LAKE_BATCHES_TABLE.name))) return [];
  const placeholders = batchIds.map((_id, i) => `$${i + 1}`).join(', ');
  return lake.query<LakeBatchRow>(`SELECT * FROM lake_batches WHERE batch_id IN (${placeholders})`, [...batchIds]);
}

/** Batches the lake has rolled back (to bring the operational store in line after a crash). */
export async function findRolledBackLakeBatches(lake: Lake): Promise<number[]> {
  if (!(await lake.hasTable(LAKE_BATCHES_TABLE.name))) return [];
  const rows = await lake.query<{ batch_id: number }>(`SELECT batch_id FROM lake_batches WHERE status = 'rolled_back'`);
  return rows.map((r) => r.batch_id);
}

/** Whether an import in another process still holds this batch (PostgreSQL only; DuckDB has one process). */
export async function isBatchLockedElsewhere(lake: Lake, batchId: number): Promise<boolean> {
  if (lake.engine !== 'postgres') return false;
  const rows = await lake.transaction((tx) =>
    tx.query<{ got: boolean }>('SELECT pg_try_advisory_xact_lock($1, $2) AS got', [IMPORT_LOCK_NAMESPACE, batchId]),
  );
  return rows[0]?.got === false;
}

/** Row counts per dataset type, for the datasets that have a lake table. */
export async function countDatasetRows(lake: Lake, types: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const present: string[] = [];
  for (const type of types) if (await lake.hasTable(datasetTable(type))) present.push(type);
  if (present.length === 0) return counts;
  const sql = present
    .map(
      (type, i) => `SELECT CAST($${i + 1} AS TEXT) AS type, count(*) AS n FROM ${quoteIdentifier(datasetTable(type))}`,
    )
    .join(' UNION ALL ');
  const rows = await lake.query<{ type: string; n: number }>(sql, present);
  for (const row of rows) counts.set(row.type, Number(row.n));
  return counts;
}
