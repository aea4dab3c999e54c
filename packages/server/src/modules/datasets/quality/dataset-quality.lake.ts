import type { DatasetType, FieldDef } from '@qingfeng/core';
import { type Lake, quoteIdentifier } from '../../../lake/index.js';
import { ownerDatasetsOf } from '../../../models-engine/model-engine.js';
import { type RowScope, SqlParams, lakeColumnOf, lakeTablesOf, scopedRowsSql } from '../rows/dataset-rows.lake.js';

/*
 * Quality SQL: every figure is an aggregate the lake computes; no dataset row reaches
 * JavaScript. Portable SQL for DuckDB and PostgreSQL; values bound, identifiers from the
 * catalogue only.
 */

/** The rows a report covers: a dataset, optionally one batch, inside a jurisdiction. */
export interface QualityTarget {
  readonly dataset: DatasetType;
  readonly scope: RowScope;
  readonly batchId?: number;
  /** The scope's rows as a relation read `AS t` (scopedRowsSql, the row browser's rule). */
  readonly rows: string;
}

/** The target of a report; undefined when the lake holds no table of the dataset yet. */
export async function qualityTarget(
  lake: Lake,
  dataset: DatasetType,
  scope: RowScope,
  batchId?: number,
): Promise<QualityTarget | undefined> {
  const tables = await lakeTablesOf(lake, [dataset]);
  if (!tables.has(dataset.key)) return undefined;
  const rows = scopedRowsSql(dataset, scope, tables);
  return { dataset, scope, rows, ...(batchId !== undefined ? { batchId } : {}) };
}

/** Field types whose smallest and largest values are reported. */
const RANGE_TYPES = new Set(['date', 'datetime', 'month', 'money', 'int', 'decimal']);

function whereSql(target: QualityTarget, params: SqlParams): string {
  return target.batchId === undefined ? 'TRUE' : `t._batch_id = ${params.add(target.batchId)}`;
}

const col = (field: FieldDef) => `t.${quoteIdentifier(lakeColumnOf(field))}`;

/** Per-field counts of one scan. */
export interface FieldStats {
  nonNull: number;
  distinct: number;
  min?: unknown;
  max?: unknown;
}

/**
 * Row count, and for each field its non-null and distinct counts (and range where it has
 * one). Counts and ranges come from one scan; the distinct counts from one per field.
 */
export async function computeFieldStats(
  lake: Lake,
  target: QualityTarget,
): Promise<{ rows: number; fields: Map<string, FieldStats> }> {
  const params = new SqlParams();
  const select = ['count(*) AS n'];
  const fields = target.dataset.fields;
  fields.forEach((field, i) => {
    select.push(`count(${col(field)}) AS nn_${i}`);
    if (RANGE_TYPES.has(field.type)) select.push(`min(${col(field)}) AS mn_${i}`, `max(${col(field)}) AS mx_${i}`);
  });
  const where = whereSql(target, params);
  const sql = `SELECT ${select.join(', ')} FROM ${target.rows} t WHERE ${where}`;
  const [row = {}] = await lake.query<Record<string, unknown>>(sql, params.values);
  const distinct = await computeDistinctCounts(lake, target, fields);
  const stats = new Map<string, FieldStats>();
  fields.forEach((field, i) => {
    const entry: FieldStats = { nonNull: Number(row[`nn_${i}`] ?? 0), distinct: distinct[i] ?? 0 };
    if (RANGE_TYPES.has(field.type)) Object.assign(entry, { min: row[`mn_${i}`] ?? null, max: row[`mx_${i}`] ?? null });
    stats.set(field.key, entry);
  });
  return { rows: Number(row.n ?? 0), fields: stats };
}

/**
 * Distinct non-null values of each field, in field order, one field at a time. Every field
 * at once (first as `count(DISTINCT …)` of each, then as one GROUPING SETS aggregate) holds a
 * hash table per field side by side: with a row key of 57 million distinct values among them,
 * that ran DuckDB out of a 128 MB memory limit. One field's GROUP BY spills on its own, and a
 * scan of a single column is cheap in a column store.
 */
async function computeDistinctCounts(
  lake: Lake,
  target: QualityTarget,
  fields: readonly FieldDef[],
): Promise<number[]> {
  const counts: number[] = [];
  for (const field of fields) {
    const params = new SqlParams();
    const sql =
      `SELECT count(*) AS d FROM (SELECT ${col(field)} AS v FROM ${target.rows} t ` +
      `WHERE ${whereSql(target, params)} AND ${col(field)} IS NOT NULL GROUP BY ${col(field)}) x`;
    const [row] = await lake.query<{ d: unknown }>(sql, params.values);
    counts.push(Number(row?.d ?? 0));
  }
  return counts;
}

async function countKeys(lake: Lake, rows: string, keys: readonly string[], values: unknown[]): Promise<KeyCounts> {
  const sql =
    `SELECT (SELECT count(*) FROM ${rows}) AS n, ` +
    `(SELECT count(*) FROM (SELECT ${keys.join(', ')} FROM ${rows} GROUP BY ${keys.join(', ')}) k) AS d`;
  const [row] = await lake.query<{ n: unknown; d: unknown }>(sql, values);
  return { rows: Number(row?.n ?? 0), distinct: Number(row?.d ?? 0) };
}

/** The most frequent non-null values of a field, most frequent first (ties by value). */
export async function computeTopValues(
  lake: Lake,
  target: QualityTarget,
  field: FieldDef,
  limit = 10,
): Promise<{ value: unknown; count: number }[]> {
  const params = new SqlParams();
  const sql =
    `SELECT ${col(field)} AS v, count(*) AS n FROM ${target.rows} t ` +
    `WHERE ${whereSql(target, params)} AND ${col(field)} IS NOT NULL GROUP BY ${col(field)} ` +
    `ORDER BY n DESC, v LIMIT ${Math.trunc(limit)}`;
  const rows = await lake.query<{ v: unknown; n: number }>(sql, params.values);
  return rows.map((r) => ({ value: r.v, count: Number(r.n) }));
}

/** Counts of a numeric field in `buckets` equal-width buckets from `min` to `max` (the last one closed). */
export async function computeHistogram(
  lake: Lake,
  target: QualityTarget,
  field: FieldDef,
  range: { min: number; max: number; nonNull: number },
  buckets = 10,
): Promise<{ from: number; to: number; count: number }[]> {
  if (range.nonNull === 0) return [];
  if (range.max <= range.min) return [{ from: range.min, to: range.max, count: range.nonNull }];
  const width = (range.max - range.min) / buckets;
  const params = new SqlParams();
  const minParam = params.add(range.min);
  const widthParam = params.add(width);
  const value = `CAST(${col(field)} AS DOUBLE PRECISION)`;
  const sql =
    `SELECT b, count(*) AS n FROM (SELECT LEAST(CAST(floor((${value} - ${minParam}) / ${widthParam}) AS INTEGER), ${buckets - 1}) AS b ` +
    `FROM ${target.rows} t WHERE ${whereSql(target, params)} AND ${col(field)} IS NOT NULL) x GROUP BY b`;
  const counts = new Map(
    (await lake.query<{ b: number; n: number }>(sql, params.values)).map((r) => [Number(r.b), Number(r.n)]),
  );
  return Array.from({ length: buckets }, (_v, i) => ({
    from: range.min + i * width,
    to: i === buckets - 1 ? range.max : range.min + (i + 1) * width,
    count: counts.get(i) ?? 0,
  }));
}

/** Rows whose key is complete, and their distinct keys: equal when no key repeats. */
export interface KeyCounts {
  rows: number;
  distinct: number;
}

/**
 * Duplicates of one natural key: how many keys repeat, how many rows hold them, and some of
 * those rows. Whether any key repeats is settled first by counting distinct keys (`known`
 * when the caller has them): a GROUP BY with nothing to aggregate spills within DuckDB's
 * memory limit, where counting each key's rows of a 57-million-row unique key ran out of a
 * 128 MB limit; the counting query then runs only when there is something to count.
 */
export async function computeDuplicates(
  lake: Lake,
  target: QualityTarget,
  keyFields: readonly FieldDef[],
  exampleLimit = 20,
  known?: KeyCounts,
): Promise<{ groups: number; rows: number; examples: { group: number; batchId: number; rowNo: number }[] }> {
  const keys = keyFields.map(col);
  const notNull = keys.map((k) => `${k} IS NOT NULL`).join(' AND ');
  const params = new SqlParams();
  const where = `${whereSql(target, params)} AND ${notNull}`;
  const counts = known ?? (await countKeys(lake, `${target.rows} t WHERE ${where}`, keys, params.values));
  if (counts.distinct === counts.rows) return { groups: 0, rows: 0, examples: [] };
  const countSql =
    `SELECT count(*) AS ngroups, coalesce(sum(n), 0) AS nrows FROM (SELECT count(*) AS n FROM ${target.rows} t ` +
    `WHERE ${where} GROUP BY ${keys.join(', ')} HAVING count(*) > 1) g`;
  const [count] = await lake.query<{ ngroups: number; nrows: number | string }>(countSql, params.values);
  if (Number(count?.ngroups ?? 0) === 0) return { groups: 0, rows: 0, examples: [] };
  // Key values are read only to group the examples; they are not returned. The examples are
  // the first rows in key order, so they lie in the first `exampleLimit` duplicated keys: a
  // window over every row to find them held the whole batch at once.
  const aliases = keyFields.map((_f, i) => `k${i}`);
  const firstKeys =
    `SELECT ${keys.map((k, i) => `${k} AS ${aliases[i]}`).join(', ')} FROM ${target.rows} t WHERE ${where} ` +
    `GROUP BY ${keys.join(', ')} HAVING count(*) > 1 ORDER BY ${aliases.join(', ')} LIMIT ${Math.trunc(exampleLimit)}`;
  const exampleSql =
    `SELECT t._batch_id, t._row_no, ${aliases.map((a) => `d.${a}`).join(', ')} FROM ${target.rows} t ` +
    `JOIN (${firstKeys}) d ON ${keys.map((k, i) => `${k} = d.${aliases[i]}`).join(' AND ')} WHERE ${where} ` +
    `ORDER BY ${aliases.map((a) => `d.${a}`).join(', ')}, t._batch_id, t._row_no LIMIT ${Math.trunc(exampleLimit)}`;
  const rows = await lake.query<Record<string, unknown>>(exampleSql, params.values);
  let group = 0;
  let previous: string | undefined;
  const examples = rows.map((r) => {
    const key = JSON.stringify(aliases.map((a) => r[a]));
    if (key !== previous) group += 1;
    previous = key;
    return { group, batchId: Number(r._batch_id), rowNo: Number(r._row_no) };
  });
  return { groups: Number(count?.ngroups ?? 0), rows: Number(count?.nrows ?? 0), examples };
}

/**
 * What the lake holds of a dataset (or one batch), cheap to read: a snapshot computed
 * under another signature is stale. A rollback or replace changes the loaded set. Inside a
 * jurisdiction (`prefix` not '') the records the rows belong to count too: a new
 * organisation register moves ledger entries from one county to another.
 */
export async function scopedSignature(
  lake: Lake,
  datasetType: string,
  prefix: string,
  batchId?: number,
): Promise<string> {
  const own = await lakeSignature(lake, datasetType, batchId);
  if (prefix === '') return own;
  const owners: string[] = [];
  for (const owner of ownerDatasetsOf(datasetType)) owners.push(`${owner}=${await lakeSignature(lake, owner)}`);
  return [own, ...owners].join(';');
}

async function lakeSignature(lake: Lake, datasetType: string, batchId?: number): Promise<string> {
  if (!(await lake.hasTable('lake_batches'))) return 'empty';
  if (batchId !== undefined) {
    const rows = await lake.query<{ status: string }>('SELECT status FROM lake_batches WHERE batch_id = $1', [batchId]);
    return `batch:${rows[0]?.status ?? 'absent'}`;
  }
  const [row] = await lake.query<{ n: number; s: number | string }>(
    `SELECT count(*) AS n, coalesce(sum(batch_id), 0) AS s FROM lake_batches WHERE dataset_type = $1 AND status = 'loaded'`,
    [datasetType],
  );
  return `dataset:${Number(row?.n ?? 0)}:${String(row?.s ?? 0)}`;
}
