import type { DatasetType, FieldDef } from '@qingfeng/core';
import { type Lake, quoteIdentifier } from '../../../lake/index.js';

/*
 * Lake SQL of the dataset browser and of lineage, and the jurisdiction clause the quality
 * SQL shares. Portable SQL only (DuckDB and PostgreSQL); every value is bound, every
 * identifier comes from the catalogue and goes through quoteIdentifier.
 */

/** Collects bound parameters and hands out their `$n` placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The rows a viewer may see: by division where a row has one, else by its batch. */
export interface RowScope {
  /** Division codes starting with this are visible ('' = all). */
  readonly prefix: string;
  /** Batches inside the jurisdiction; undefined = all (whole country). */
  readonly batchIds: readonly number[] | undefined;
}

/** The lake column a field becomes: the subject key for identifiers, else its own key. */
export function lakeColumnOf(field: FieldDef): string {
  return field.type === 'id' || field.type === 'uscc' || field.type === 'subject' ? `${field.key}_sk` : field.key;
}

/** Whether the dataset type has a `division` field, by which its rows fall in a jurisdiction. */
export function hasDivisionField(dataset: DatasetType): boolean {
  return dataset.fields.some((f) => f.key === 'division' && f.type === 'division');
}

function batchInSql(ids: readonly number[], params: SqlParams, alias: string): string {
  if (ids.length === 0) return 'FALSE';
  return `${alias}._batch_id IN (${ids.map((id) => params.add(id)).join(', ')})`;
}

/**
 * The WHERE piece keeping rows inside the viewer's jurisdiction. A row with a division is
 * visible when the division is inside; a row without one (or of a dataset without a
 * division field) when its batch is.
 */
export function rowScopeSql(dataset: DatasetType, scope: RowScope, params: SqlParams, alias = 't'): string {
  if (scope.prefix === '') return 'TRUE';
  const byBatch = scope.batchIds === undefined ? 'TRUE' : batchInSql(scope.batchIds, params, alias);
  if (!hasDivisionField(dataset)) return byBatch;
  const division = `${alias}.${quoteIdentifier('division')}`;
  return `(${division} LIKE ${params.add(`${scope.prefix}%`)} OR (${division} IS NULL AND ${byBatch}))`;
}

/**
 * How many rows of each dataset lie inside the scope, for the catalogue's counts; datasets
 * the lake holds no table of are absent. `batchIds` of the scope are per dataset here.
 */
export async function countRowsWithin(
  lake: Lake,
  datasets: readonly DatasetType[],
  prefix: string,
  batchesOf: (datasetType: string) => readonly number[],
): Promise<Map<string, number>> {
  const present: DatasetType[] = [];
  for (const dataset of datasets) if (await lake.hasTable(`ds_${dataset.key}`)) present.push(dataset);
  if (present.length === 0) return new Map();
  const params = new SqlParams();
  const sql = present
    .map((dataset) => {
      const scope = { prefix, batchIds: batchesOf(dataset.key) };
      return (
        `SELECT CAST(${params.add(dataset.key)} AS TEXT) AS type, count(*) AS n ` +
        `FROM ${quoteIdentifier(`ds_${dataset.key}`)} t WHERE ${rowScopeSql(dataset, scope, params)}`
      );
    })
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
  const parts = [rowScopeSql(query.dataset, query.scope, params)];
  if (query.batchId !== undefined) parts.push(`t._batch_id = ${params.add(query.batchId)}`);
  for (const condition of query.conditions) parts.push(conditionSql(condition, params));
  return parts.join(' AND ');
}

function assertCount(n: number, what: string): void {
  // LIMIT/OFFSET are spliced (not every engine binds them), so only checked integers get in.
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${what} must be a non-negative integer`);
}

/**
 * A page of a dataset's rows, oldest batch first, with each subject key's kind and
 * encrypted identifier beside it as `<field>__kind` / `<field>__enc`. Empty when the
 * dataset has no lake table yet.
 */
export async function findRows(
  lake: Lake,
  query: RowQuery,
): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const table = `ds_${query.dataset.key}`;
  if (!(await lake.hasTable(table))) return { rows: [], total: 0 };
  assertCount(query.limit, 'limit');
  assertCount(query.offset, 'offset');
  const countParams = new SqlParams();
  const countSql = `SELECT count(*) AS n FROM ${quoteIdentifier(table)} t WHERE ${whereSql(query, countParams)}`;
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
    `SELECT ${select.join(', ')} FROM ${quoteIdentifier(table)} t ${joins.join(' ')} ` +
    `WHERE ${whereSql(query, params)} ORDER BY t._batch_id, t._row_no LIMIT ${query.limit} OFFSET ${query.offset}`;
  return { rows: await lake.query(sql, params.values), total: Number(count?.n ?? 0) };
}

/** The subject key of an identifier, looked up by its blind index; undefined if the lake never saw it. */
export async function findSubjectKey(lake: Lake, identifierHash: string): Promise<number | undefined> {
  if (!(await lake.hasTable('subject_index'))) return undefined;
  const rows = await lake.query<{ subject_key: number }>(
    'SELECT subject_key FROM subject_index WHERE identifier_hash = $1',
    [identifierHash],
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
  const table = `ds_${dataset.key}`;
  if (!(await lake.hasTable(table))) return false;
  const params = new SqlParams();
  const sql =
    `SELECT 1 AS found FROM ${quoteIdentifier(table)} t WHERE t._batch_id = ${params.add(batchId)} ` +
    `AND t._row_no = ${params.add(rowNo)} AND ${rowScopeSql(dataset, scope, params)}`;
  return (await lake.query(sql, params.values)).length > 0;
}
