import type { DatasetType } from '@qingfeng/core';
import { type Lake, quoteIdentifier } from '../../../lake/index.js';
import { lakeColumnOf } from '../rows/dataset-rows.lake.js';

/**
 * The fields among `fields` that hold a value in at least one row of the batch: one scan
 * of the batch's rows, counting each field's non-null values in the lake.
 */
export async function findFilledFields(
  lake: Lake,
  dataset: DatasetType,
  batchId: number,
  fields: readonly string[],
): Promise<Set<string>> {
  const defs = dataset.fields.filter((f) => fields.includes(f.key));
  if (defs.length === 0) return new Set();
  const counts = defs.map((f, i) => `count(t.${quoteIdentifier(lakeColumnOf(f))}) AS n_${i}`);
  const sql = `SELECT ${counts.join(', ')} FROM ${quoteIdentifier(`ds_${dataset.key}`)} t WHERE t._batch_id = $1`;
  const [row = {}] = await lake.query<Record<string, unknown>>(sql, [batchId]);
  return new Set(defs.filter((_, i) => Number(row[`n_${i}`] ?? 0) > 0).map((f) => f.key));
}
