import { buildCreateTableSql } from '../../lake/ddl.js';
import { type Lake, type LakeRows, type LakeTx, quoteIdentifier } from '../../lake/index.js';
import { type DatasetLayout, LAKE_BATCHES_TABLE, SUBJECT_INDEX_TABLE, datasetTable } from './lake-layout.js';

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

/** Creates the dataset's table and the shared subject and batch registers unless they exist. */
export async function ensureLakeTables(lake: Lake, layout: DatasetLayout): Promise<void> {
  await lake.createTable(SUBJECT_INDEX_TABLE);
  await lake.execute('CREATE UNIQUE INDEX IF NOT EXISTS subject_index_hash_idx ON subject_index (identifier_hash)');
  await lake.createTable(LAKE_BATCHES_TABLE);
  await lake.createTable(layout.tableDef);
}

/** What one batch writes. */
export interface LoadBatchInput {
  layout: DatasetLayout;
  batchId: number;
  mode: 'append' | 'replace';
  /** Staging rows in `layout.stageColumns` order; read exactly once. */
  rows: LakeRows;
  /** The counts once `rows` is exhausted (the rejected rows are only known by then). */
  counts: () => Omit<LakeBatchCounts, 'rowsLoaded'>;
}

/**
 * Loads one batch in ONE lake transaction: optional replace, the rows, new subjects, and
 * the `lake_batches` row that marks the batch complete. A crash anywhere before COMMIT
 * leaves none of it. Returns the number of rows loaded.
 */
export async function loadBatch(lake: Lake, input: LoadBatchInput): Promise<number> {
  const { layout, batchId } = input;
  const table = quoteIdentifier(layout.table);
  const stage = `_stage_batch_${batchId}`;
  return lake.transaction(async (tx) => {
    if (lake.engine === 'postgres') {
      await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [IMPORT_LOCK_NAMESPACE, batchId]);
    }
    if (input.mode === 'replace') {
      await tx.execute(`DELETE FROM ${table}`);
      await tx.execute(`UPDATE lake_batches SET status = 'replaced' WHERE dataset_type = $1 AND status = 'loaded'`, [
        layout.dataset.key,
      ]);
    }
    await tx.execute(buildCreateTableSql({ name: stage, columns: layout.stageColumns }, lake.engine));
    const staged = await tx.appendRows(
      stage,
      layout.stageColumns.map((c) => c.name),
      input.rows,
    );
    if (layout.subjectFields.length > 0) await addNewSubjects(tx, lake.engine, layout, stage);
    const loaded = await tx.execute(insertFromStageSql(layout, stage), [batchId]);
    await tx.execute(`DROP TABLE ${quoteIdentifier(stage)}`);
    const counts = input.counts();
    // DuckDB reports rows changed by INSERT … SELECT; fall back to the staged count.
    const rowsLoaded = loaded > 0 ? loaded : staged;
    await tx.execute(
      `INSERT INTO lake_batches (batch_id, dataset_type, status, rows_read, rows_loaded, rows_rejected)
       VALUES ($1, $2, 'loaded', $3, $4, $5)`,
      [batchId, layout.dataset.key, counts.rowsRead, rowsLoaded, counts.rowsRejected],
    );
    return rowsLoaded;
  });
}

/**
 * Adds every identifier of the staged rows not yet in `subject_index`, numbering new
 * subjects after the highest key. On PostgreSQL a table lock serialises imports from
 * several servers here; DuckDB has one writer anyway.
 */
async function addNewSubjects(tx: LakeTx, engine: Lake['engine'], layout: DatasetLayout, stage: string): Promise<void> {
  if (engine === 'postgres') await tx.execute('LOCK TABLE subject_index IN SHARE ROW EXCLUSIVE MODE');
  const q = quoteIdentifier(stage);
  const union = layout.subjectFields
    .map(
      ({ key }) =>
        `SELECT ${quoteIdentifier(`${key}_hash`)} AS h, ${quoteIdentifier(`${key}_kind`)} AS kind, ` +
        `${quoteIdentifier(`${key}_enc`)} AS enc FROM ${q} WHERE ${quoteIdentifier(`${key}_hash`)} IS NOT NULL`,
    )
    .join(' UNION ALL ');
  await tx.execute(
    `INSERT INTO subject_index (subject_key, kind, identifier_hash, identifier_enc)
     SELECT base.k + row_number() OVER (ORDER BY n.h), n.kind, n.h, n.enc
     FROM (
       SELECT u.h, min(u.kind) AS kind, min(u.enc) AS enc FROM (${union}) u
       WHERE NOT EXISTS (SELECT 1 FROM subject_index s WHERE s.identifier_hash = u.h)
       GROUP BY u.h
     ) n
     CROSS JOIN (SELECT coalesce(max(subject_key), 0) AS k FROM subject_index) base`,
  );
}

function insertFromStageSql(layout: DatasetLayout, stage: string): string {
  const target = ['_batch_id', ...layout.copiedColumns, ...layout.subjectFields.map((f) => `${f.key}_sk`)];
  const select = [
    'CAST($1 AS INTEGER)',
    ...layout.copiedColumns.map((c) => `st.${quoteIdentifier(c)}`),
    ...layout.subjectFields.map((_f, i) => `s${i}.subject_key`),
  ];
  const joins = layout.subjectFields.map(
    (f, i) => `LEFT JOIN subject_index s${i} ON s${i}.identifier_hash = st.${quoteIdentifier(`${f.key}_hash`)}`,
  );
  return `INSERT INTO ${quoteIdentifier(layout.table)} (${target.map((c) => quoteIdentifier(c)).join(', ')})
    SELECT ${select.join(', ')} FROM ${quoteIdentifier(stage)} st ${joins.join(' ')}`;
}

/** Deletes a batch's rows and marks it rolled back, in one transaction. Returns rows deleted. */
export async function rollbackLakeBatch(lake: Lake, datasetType: string, batchId: number): Promise<number> {
  if (!(await lake.hasTable(LAKE_BATCHES_TABLE.name))) return 0;
  const table = datasetTable(datasetType);
  const hasRows = await lake.hasTable(table);
  return lake.transaction(async (tx) => {
    const deleted = hasRows ? await tx.execute(`DELETE FROM ${quoteIdentifier(table)} WHERE _batch_id = $1`, [batchId]) : 0;
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
    .map((type, i) => `SELECT CAST($${i + 1} AS TEXT) AS type, count(*) AS n FROM ${quoteIdentifier(datasetTable(type))}`)
    .join(' UNION ALL ');
  const rows = await lake.query<{ type: string; n: number }>(sql, present);
  for (const row of rows) counts.set(row.type, Number(row.n));
  return counts;
}
