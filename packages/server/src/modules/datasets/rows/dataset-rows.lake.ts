import { type DatasetType, type FieldDef, findDataset } from '@qingfeng/core';
import { type Lake, parameterList, quoteIdentifier } from '../../../lake/index.js';
import { datasetTablesOf, type RowJurisdiction, rowsWithinSql } from '../../../models-engine/model-engine.js';
import { attachAccountCiphertexts } from '../import/accounts.lake.js';

/*
 * Lake SQL of the dataset browser and of lineage, and the rows of a jurisdiction the
 * catalogue's counts and the quality SQL share. Portable SQL only (DuckDB and PostgreSQL);
 * every value is bound (the jurisdiction's checked digits and batch ids excepted, written
 * by the engine), every identifier comes from the catalogue and goes through quoteIdentifier.
 */

/** Collects bound parameters and hands out their `$n` placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The rows a viewer may see, by the rule the model engine reads them with
 * (models-engine/jurisdiction.ts): a row's own division, else that of the record it
 * belongs to (core's `belongsTo`: a ledger entry's organisation, a tender's buyer), else
 * its batch's. Undefined is the whole country, which needs no bound. `batchIds` may hold
 * the dataset's own batches only: a row's `_batch_id` is always one of them.
 */
export type RowScope = RowJurisdiction | undefined;

/** The lake column a field becomes: the subject key for identifiers, else its own key. */
export function lakeColumnOf(field: FieldDef): string {
  return field.type === 'id' || field.type === 'uscc' || field.type === 'subject' ? `${field.key}_sk` : field.key;
}

/**
 * Which of these datasets, and of the records their rows belong to, have a `ds_*` table
 * in the lake: the engine's datasetTablesOf, which knows the built-in types, plus custom
 * types (they belong to nothing).
 */
export async function lakeTablesOf(lake: Lake, datasets: readonly DatasetType[]): Promise<Set<string>> {
  const held = await datasetTablesOf(
    lake,
    datasets.map((d) => d.key),
  );
  for (const dataset of datasets) {
    if (findDataset(dataset.key) === undefined && (await lake.hasTable(`ds_${dataset.key}`))) held.add(dataset.key);
  }
  return held;
}

/**
 * The rows of `dataset` inside the scope, as a relation to read `AS t`: the table itself
 * for the whole country, else the engine's own rowsWithinSql (written with checked
 * literals, so it leaves the caller's `$n` parameters alone). `tables` from lakeTablesOf.
 */
export function scopedRowsSql(dataset: DatasetType, scope: RowScope, tables: ReadonlySet<string>): string {
  const table = quoteIdentifier(`ds_${dataset.key}`);
  return scope === undefined ? table : `(${rowsWithinSql(dataset, scope, tables)})`;
}

/**
 * How many rows of each dataset lie inside its scope, for the catalogue's counts; datasets
 * the lake holds no table of are absent.
 */
export async function countRowsWithin(
  lake: Lake,
  datasets: readonly DatasetType[],
  scopeOf: (datasetType: string) => RowScope,
): Promise<Map<string, number>> {
  const tables = await lakeTablesOf(lake, datasets);
  const present = datasets.filter((dataset) => tables.has(dataset.key));
  if (present.length === 0) return new Map();
  const params = new SqlParams();
  const sql = present
    .map(
      (dataset) =>
        `SELECT CAST(${params.add(dataset.key)} AS TEXT) AS type, count(*) AS n ` +
        `FROM ${scopedRowsSql(dataset, scopeOf(dataset.key), tables)} t`,
    )
    .join(' UNION ALL ');
  const rows = await lake.query<{ type: string; n: number }>(sql, params.values);
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
}

/** One condition of the browser, on a catalogue column, with its value already normalised. */
export type RowCondition =
  | { readonly kind: 'equals'; readonly column: string; readonly value: unknown; readonly cast?: SqlCast }
  | { readonly kind: 'prefix'; readonly column: string; readonly value: string };

/** Casts applied to a bound value so both engines compare it with the column's type. */
export type SqlCast = 'DATE' | 'DECIMAL(18, 2)' | 'BIGINT' | 'BOOLEAN' | 'DOUBLE PRECISION';

function conditionSql(condition: RowCondition, params: SqlParams): string {
  const column = `t.${quoteIdentifier(condition.column)}`;
  if (condition.kind === 'prefix') return `${column} LIKE ${params.add(`${condition.value}%`)}`;
  const value = params.add(condition.value);
  return `${column} = ${condition.cast ? `CAST(${value} AS ${condition.cast})` : value}`;
}

/** A page request of the browser. */
export interface RowQuery {
  readonly dataset: DatasetType;
  readonly scope: RowScope;
  readonly batchId?: number;
  readonly conditions: readonly RowCondition[];
  readonly limit: number;
  readonly offset: number;
}

function whereSql(query: RowQuery, params: SqlParams): string {
  const parts: string[] = [];
  if (query.batchId !== undefined) parts.push(`t._batch_id = ${params.add(query.batchId)}`);
  for (const condition of query.conditions) parts.push(conditionSql(condition, params));
  return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
}

function assertCount(n: number, what: string): void {
  // LIMIT/OFFSET are spliced (not every engine binds them), so only checked integers get in.
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${what} must be a non-negative integer`);
}

/**
 * A page of a dataset's rows, oldest batch first, with each subject key's kind and
 * encrypted identifier beside it as `<field>__kind` / `<field>__enc`, and each bank account's
 * ciphertext as `<field>__enc`. Empty when the
 * dataset has no lake table yet.
 */
export async function findRows(
  lake: Lake,
  query: RowQuery,
): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const tables = await lakeTablesOf(lake, [query.dataset]);
  if (!tables.has(query.dataset.key)) return { rows: [], total: 0 };
  assertCount(query.limit, 'limit');
  assertCount(query.offset, 'offset');
  const from = `${scopedRowsSql(query.dataset, query.scope, tables)} t`;
  const countParams = new SqlParams();
  const countSql = `SELECT count(*) AS n FROM ${from} WHERE ${whereSql(query, countParams)}`;
  const [count] = await lake.query<{ n: number }>(countSql, countParams.values);
  const params = new SqlParams();
  const select = [
    't._batch_id',
    't._row_no',
    ...query.dataset.fields.map((f) => `t.${quoteIdentifier(lakeColumnOf(f))}`),
  ];
  const joins: string[] = [];
  query.dataset.fields
    .filter((f) => f.type === 'id' || f.type === 'uscc' || f.type === 'subject')
    .forEach((f, i) => {
      joins.push(`LEFT JOIN subject_index s${i} ON s${i}.subject_key = t.${quoteIdentifier(`${f.key}_sk`)}`);
      select.push(
        `s${i}.kind AS ${quoteIdentifier(`${f.key}__kind`)}`,
        `s${i}.identifier_enc AS ${quoteIdentifier(`${f.key}__enc`)}`,
      );
    });
  const sql =
    `SELECT ${select.join(', ')} FROM ${from} ${joins.join(' ')} ` +
    `WHERE ${whereSql(query, params)} ORDER BY t._batch_id, t._row_no LIMIT ${query.limit} OFFSET ${query.offset}`;
  const rows = await lake.query<Record<string, unknown>>(sql, params.values);
  await attachAccountCiphertexts(lake, query.dataset.fields, rows);
  return { rows, total: Number(count?.n ?? 0) };
}

/**
 * The subject key of an identifier, looked up by its blind indexes (one per key of the ring:
 * during a rotation the row may still carry the older key's); undefined if the lake never saw it.
 */
export async function findSubjectKey(lake: Lake, identifierHashes: string[]): Promise<number | undefined> {
  if (!(await lake.hasTable('subject_index'))) return undefined;
  const rows = await lake.query<{ subject_key: number }>(
    `SELECT subject_key FROM subject_index WHERE identifier_hash IN (${parameterList(identifierHashes)})`,
    identifierHashes,
  );
  return rows[0] === undefined ? undefined : Number(rows[0].subject_key);
}

/** Whether the row at (batch, row number) is in the lake and inside the viewer's jurisdiction. */
export async function isRowVisible(
  lake: Lake,
  dataset: DatasetType,
  scope: RowScope,
  batchId: number,
  rowNo: number,
): Promise<boolean> {
  const tables = await lakeTablesOf(lake, [dataset]);
  if (!tables.has(dataset.key)) return false;
  const params = new SqlParams();
  const sql =
    `SELECT 1 AS found FROM ${scopedRowsSql(dataset, scope, tables)} t ` +
    `WHERE t._batch_id = ${params.add(batchId)} AND t._row_no = ${params.add(rowNo)}`;
  return (await lake.query(sql, params.values)).length > 0;
}
