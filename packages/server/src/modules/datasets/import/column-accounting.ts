import {
  type ColumnAccounting,
  type DatasetType,
  type HeaderMatch,
  type UnknownValueCount,
  accountColumns,
} from '@qingfeng/core';
import type { DatasetServices } from '../batches/batch-events.js';
import { findFilledFields } from './column-accounting.lake.js';

/**
 * Every column of an import accounted for (see core's `accountColumns`): the columns that
 * fed no field with suggested fields, the fields left empty, and the enabled models an empty
 * field leaves blind. With a loaded batch, a field whose column is empty in every row counts
 * as empty; without one (a preview), only fields no column feeds do.
 */
export async function accountImportColumns(
  services: Pick<DatasetServices, 'lake' | 'modelsReading'>,
  dataset: DatasetType,
  match: HeaderMatch,
  batchId: number | null,
  unknownValues: readonly UnknownValueCount[] = [],
): Promise<ColumnAccounting> {
  const fed = match.columns.flatMap((c) => (c.field === null ? [] : [c.field]));
  const [filledFields, readers] = await Promise.all([
    batchId === null ? null : findFilledFields(services.lake, dataset, batchId, fed),
    services.modelsReading(dataset.key),
  ]);
  return accountColumns(dataset, match, { filledFields, readers, unknownValues });
}

/**
 * The accounting of a batch already committed: a failure to count its fields must not
 * report a failed import, so it is raised as a process warning (logged) and the answer
 * falls back to what the header alone tells.
 */
export async function accountLoadedBatch(
  services: Pick<DatasetServices, 'lake' | 'modelsReading'>,
  dataset: DatasetType,
  match: HeaderMatch,
  batchId: number,
  unknownValues: readonly UnknownValueCount[] = [],
): Promise<ColumnAccounting> {
  try {
    return await accountImportColumns(services, dataset, match, batchId, unknownValues);
  } catch (error) {
    process.emitWarning(`Batch ${batchId} loaded, but its columns were not accounted for: ${String(error)}`);
    return accountColumns(dataset, match, { filledFields: null, readers: [], unknownValues });
  }
}
