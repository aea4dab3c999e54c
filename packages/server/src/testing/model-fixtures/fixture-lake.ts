import { findDataset, listDatasets } from '@qingfeng/core';
import type { Lake } from '../../lake/index.js';
import { datasetLayout } from '../../modules/catalogue/lake-layout.js';

/**
 * A row for a fixture, by field key: subject fields (id/uscc/subject) take the subject key
 * itself (the importer's job is skipped), other keys are lake column names (`id_birth_date`…).
 * `_batch` (default 1) and `_row` (default: position in the list, from 1) place it.
 */
export type FixtureRow = Readonly<Record<string, unknown>> & { readonly _batch?: number; readonly _row?: number };

/** Creates every standard dataset table with the importer's layout (ds_<type>). */
export async function createDatasetTables(lake: Lake): Promise<void> {
  for (const dataset of listDatasets()) await lake.createTable(datasetLayout(dataset).tableDef);
}

/** Empties every standard dataset table. */
export async function clearDatasetTables(lake: Lake): Promise<void> {
  for (const dataset of listDatasets()) await lake.execute(`DELETE FROM ${datasetLayout(dataset).table}`);
}

/** Inserts fixture rows, mapping subject fields to their `_sk` columns. */
export async function loadFixtureRows(
  lake: Lake,
  rows: Readonly<Record<string, readonly FixtureRow[]>>,
): Promise<void> {
  for (const [type, list] of Object.entries(rows)) {
    const dataset = findDataset(type);
    if (dataset === undefined) throw new Error(`fixture: unknown dataset ${type}`);
    const layout = datasetLayout(dataset);
    const subjects = new Set(layout.subjectFields.map((f) => f.key));
    const column = (key: string) => (subjects.has(key) ? `${key}_sk` : key);
    const keys = [...new Set(list.flatMap((r) => Object.keys(r)).filter((k) => k !== '_batch' && k !== '_row'))];
    const known = new Set(layout.tableDef.columns.map((c) => c.name));
    for (const k of keys) if (!known.has(column(k))) throw new Error(`fixture: ${type} has no column for "${k}"`);
    const columns = ['_batch_id', '_row_no', ...keys.map(column)];
    const values = list.map((r, i) => [r._batch ?? 1, r._row ?? i + 1, ...keys.map((k) => r[k] ?? null)]);
    if (values.length > 0) await lake.appendRows(layout.table, columns, values);
  }
}
