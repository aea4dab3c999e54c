import type { HeaderMatch } from '@qingfeng/core';
import { buildCreateTableSql } from '../../lake/ddl.js';
import { type Lake, type LakeColumn, type LakeRows, type LakeTx, quoteIdentifier } from '../../lake/index.js';
import { type DatasetLayout, LAKE_BATCHES_TABLE, SUBJECT_INDEX_TABLE, datasetTable } from './lake-layout.js';
import { type StagePlan, normaliseStatements } from './stage-sql.js';

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

/** Where a batch's raw text comes from. */
export type StageSource =
  /** DuckDB reads the (UTF-8, one record per line) CSV file itself; `sourceSql` binds the file as $1. */
  | { kind: 'engine-csv'; file: string; sourceSql: string }
  /** Raw stage rows (`plan.rawColumns` order) from a reader in JavaScript, through the bulk path. */
  | { kind: 'rows'; rows: LakeRows };

/** Seals identifiers: the blind index and the ciphertext (FieldCrypto). */
export interface IdentifierSealer {
  blindIndex(value: string): string;
  encrypt(value: string): string;
}

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
  sealer: IdentifierSealer;
  /** Called with the number of rows read once the file is staged. */
  onStaged?: (rowsRead: number) => void;
}

// Rows fetched per round trip when rows leave the engine (rows to review, identifiers to seal).
const PAGE_ROWS = 20_000;

/** The temporary tables of one batch; they live in the import's own session and are dropped before COMMIT. */
function stageNames(batchId: number) {
  const at = (what: string) => `_qf_${what}_${batchId}`;
  return {
    dictionary: (i: number) => at(`dict${i}`),
    raw: at('raw'),
    norm: at('norm'),
    bad: at('bad'),
    ids: at('ids'),
    hash: at('hash'),
    fresh: at('new'),
    keys: at('keys'),
  };
}

function createTempTableSql(name: string, columns: LakeColumn[], engine: Lake['engine']): string {
  return buildCreateTableSql({ name, columns }, engine).replace(/^CREATE TABLE IF NOT EXISTS/, 'CREATE TEMP TABLE');
}

/**
 * Loads one batch in ONE lake transaction: optional replace, staging and normalising the
 * rows in SQL, the TS reference for the rows SQL did not accept, new subjects, the rows,
 * and the `lake_batches` row that marks the batch complete. A crash anywhere before
 * COMMIT leaves none of it. Returns the batch's counts.
 */
export async function loadBatch(lake: Lake, input: LoadBatchInput): Promise<LakeBatchCounts> {
  const { plan, batchId } = input;
  const layout = plan.layout;
  const engine = lake.engine;
  const names = stageNames(batchId);
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
    // 1. Stage and normalise in SQL.
    await tx.execute(createTempTableSql(names.raw, plan.rawColumns, engine));
    if (input.source.kind === 'engine-csv') {
      await tx.execute(`INSERT INTO ${q(names.raw)} SELECT * FROM ${input.source.sourceSql} s`, [input.source.file]);
    } else {
      await tx.appendRows(
        names.raw,
        plan.rawColumns.map((c) => c.name),
        input.source.rows,
      );
    }
    await tx.execute(createTempTableSql(names.norm, plan.normColumns, engine));
    for (const sql of normaliseStatements(engine, plan, input.match, names.raw, names.norm, names.dictionary)) {
      await tx.execute(sql);
    }
    await tx.execute(`DROP TABLE ${q(names.raw)}`);
    for (let i = 0; i < plan.staged.length; i++) await tx.execute(`DROP TABLE IF EXISTS ${q(names.dictionary(i))}`);
    const rowsRead = await countRows(tx, `SELECT count(*) AS n FROM ${q(names.norm)}`);
    input.onStaged?.(rowsRead);

    // 2. The TS reference reviews, in row order, every row SQL did not accept.
    const reviewed = await reviewRows(tx, plan, names, input.review);
    // 3. Subjects: seal each distinct identifier once, add the new ones to subject_index.
    if (layout.subjectFields.length > 0) await resolveSubjects(tx, engine, plan, names, input.sealer);
    // 4. The rows.
    const loaded = await tx.execute(insertFromStageSql(plan, names), [batchId]);
    const rowsLoaded = engine === 'duckdb' || loaded > 0 ? loaded : 0;
    for (const table of [names.norm, names.keys, names.hash, names.ids, names.fresh, names.bad]) {
      await tx.execute(`DROP TABLE IF EXISTS ${q(table)}`);
    }
    const counts = { rowsRead, rowsLoaded, rowsRejected: reviewed.rejected };
    if (rowsLoaded !== rowsRead - reviewed.rejected) {
      throw new Error(`batch ${batchId}: ${rowsLoaded} rows loaded, expected ${rowsRead - reviewed.rejected}`);
    }
    await tx.execute(
      `INSERT INTO lake_batches (batch_id, dataset_type, status, rows_read, rows_loaded, rows_rejected)
       VALUES ($1, $2, 'loaded', $3, $4, $5)`,
      [batchId, layout.dataset.key, counts.rowsRead, counts.rowsLoaded, counts.rowsRejected],
    );
    return counts;
  });
}

type StageNames = ReturnType<typeof stageNames>;

async function countRows(tx: LakeTx, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await tx.query<{ n: number | string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Reads a numbered temp table (`_seq` from 1) page by page, so no step holds all its rows. */
async function* pages<T>(tx: LakeTx, table: string, columns: string, total: number): AsyncGenerator<T[]> {
  for (let from = 0; from < total; from += PAGE_ROWS) {
    yield tx.query<T>(`SELECT ${columns} FROM ${quoteIdentifier(table)} WHERE _seq > $1 AND _seq <= $2 ORDER BY _seq`, [
      from,
      from + PAGE_ROWS,
    ]);
  }
}

async function reviewRows(
  tx: LakeTx,
  plan: StagePlan,
  names: StageNames,
  review: LoadBatchInput['review'],
): Promise<{ rejected: number }> {
  const q = quoteIdentifier;
  const carried = plan.normColumns.filter(
    (c) => c.name.startsWith('_r_') || c.name.startsWith('_problem') || c.name === '_extra',
  );
  const list = ['_row_no', ...carried.map((c) => c.name)].map((c) => q(c)).join(', ');
  await tx.execute(
    `CREATE TEMP TABLE ${q(names.bad)} AS SELECT row_number() OVER (ORDER BY _row_no) AS _seq, ${list} FROM ${q(names.norm)} WHERE NOT _ok`,
  );
  const total = await countRows(tx, `SELECT count(*) AS n FROM ${q(names.bad)}`);
  let rejected = 0;
  // Page by page: on DuckDB the reads and the appender share the transaction's one connection.
  for await (const page of pages<Record<string, unknown>>(tx, names.bad, list, total)) {
    const accepted: unknown[][] = [];
    for (const row of page) {
      const values = await review(row);
      if (values === null) rejected += 1;
      else accepted.push([...values, true]);
    }
    // Rows the reference accepts join the normalised stage as good rows.
    if (accepted.length > 0) await tx.appendRows(names.norm, [...plan.valueColumns, '_ok'], accepted);
  }
  return { rejected };
}

/**
 * Seals every distinct identifier of the batch once (blind index in JS: the key never
 * enters SQL), adds the identifiers not yet in `subject_index` (numbered after the highest
 * key, ciphertext computed only for them), and leaves identifier → subject key in `keys`.
 * On PostgreSQL a table lock serialises imports from several servers here; DuckDB has one writer anyway.
 */
async function resolveSubjects(
  tx: LakeTx,
  engine: Lake['engine'],
  plan: StagePlan,
  names: StageNames,
  sealer: IdentifierSealer,
): Promise<void> {
  const q = quoteIdentifier;
  const union = plan.layout.subjectFields
    .map(
      ({ key }) =>
        `SELECT ${q(key)} AS ident, ${q(`${key}_kind`)} AS kind FROM ${q(names.norm)} WHERE _ok AND ${q(key)} IS NOT NULL`,
    )
    .join(' UNION ALL ');
  await tx.execute(
    `CREATE TEMP TABLE ${q(names.ids)} AS SELECT row_number() OVER (ORDER BY ident) AS _seq, ident, min(kind) AS kind FROM (${union}) u GROUP BY ident`,
  );
  const distinct = await countRows(tx, `SELECT count(*) AS n FROM ${q(names.ids)}`);
  await tx.execute(createTempTableSql(names.hash, HASH_COLUMNS, engine));
  const hashed: unknown[][] = [];
  for await (const page of pages<{ ident: string }>(tx, names.ids, 'ident', distinct)) {
    for (const { ident } of page) hashed.push([ident, sealer.blindIndex(ident)]);
    if (hashed.length >= PAGE_ROWS * 5) await tx.appendRows(names.hash, ['ident', 'h'], hashed.splice(0));
  }
  if (hashed.length > 0) await tx.appendRows(names.hash, ['ident', 'h'], hashed.splice(0));
  if (engine === 'postgres') {
    await tx.execute(`ANALYZE ${q(names.hash)}`);
    await tx.execute('LOCK TABLE subject_index IN SHARE ROW EXCLUSIVE MODE');
  }
  await tx.execute(
    `CREATE TEMP TABLE ${q(names.fresh)} AS
     SELECT row_number() OVER (ORDER BY hs.h) AS _seq, hs.ident, hs.h, i.kind
     FROM ${q(names.hash)} hs JOIN ${q(names.ids)} i ON i.ident = hs.ident
     WHERE NOT EXISTS (SELECT 1 FROM subject_index s WHERE s.identifier_hash = hs.h)`,
  );
  const fresh = await countRows(tx, `SELECT count(*) AS n FROM ${q(names.fresh)}`);
  const base = await countRows(tx, 'SELECT coalesce(max(subject_key), 0) AS n FROM subject_index');
  const subjects: unknown[][] = [];
  let seq = 0;
  for await (const page of pages<{ ident: string; h: string; kind: string }>(
    tx,
    names.fresh,
    'ident, h, kind',
    fresh,
  )) {
    for (const row of page) subjects.push([base + ++seq, row.kind, row.h, sealer.encrypt(row.ident)]);
    if (subjects.length >= PAGE_ROWS * 5) {
      await tx.appendRows('subject_index', SUBJECT_COLUMNS, subjects.splice(0));
    }
  }
  if (subjects.length > 0) await tx.appendRows('subject_index', SUBJECT_COLUMNS, subjects.splice(0));
  await tx.execute(
    `CREATE TEMP TABLE ${q(names.keys)} AS SELECT hs.ident, s.subject_key FROM ${q(names.hash)} hs
     JOIN subject_index s ON s.identifier_hash = hs.h`,
  );
  if (engine === 'postgres') await tx.execute(`ANALYZE ${q(names.keys)}`);
}

const HASH_COLUMNS: LakeColumn[] = [
  { name: 'ident', type: 'text', nullable: false },
  { name: 'h', type: 'text', nullable: false },
];
const SUBJECT_COLUMNS = ['subject_key', 'kind', 'identifier_hash', 'identifier_enc'];

function insertFromStageSql(plan: StagePlan, names: StageNames): string {
  const layout = plan.layout;
  const q = quoteIdentifier;
  const target = ['_batch_id', ...layout.copiedColumns, ...layout.subjectFields.map((f) => `${f.key}_sk`)];
  const select = [
    'CAST($1 AS INTEGER)',
    ...layout.copiedColumns.map((c) => `st.${q(c)}`),
    ...layout.subjectFields.map((_f, i) => `k${i}.subject_key`),
  ];
  const joins = layout.subjectFields.map((f, i) => `LEFT JOIN ${q(names.keys)} k${i} ON k${i}.ident = st.${q(f.key)}`);
  return `INSERT INTO ${q(layout.table)} (${target.map((c) => q(c)).join(', ')})
    SELECT ${select.join(', ')} FROM ${q(names.norm)} st ${joins.join(' ')} WHERE st._ok`;
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
