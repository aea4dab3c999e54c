import { existsSync } from 'node:fs';
import { type DatasetType, listDatasets } from '@qingfeng/core';
import type { DatasetServices } from './batch-events.js';
import type { ImportBatch } from '../../../db/schema.js';
import { ConflictError, NotFoundError } from '../../../http/errors.js';
import { type AuditActor, recordAudit } from '../../audit/index.js';
import { countDatasetRows, rollbackLakeBatch } from '../import/datasets.lake.js';
import { countRowsWithin } from '../rows/dataset-rows.lake.js';
import type { BatchFilter, BatchOwner, DataViewer } from './batch-scope.js';
import { DatasetsRepository } from './datasets.repository.js';
import { rejectedReportPath } from '../import/rejected-report.js';
import { requireDataset } from '../../catalogue/index.js';
import { BATCH_STATUS_WORDS } from './batch-words.js';

/** A dataset type with how much of it the lake holds. */
export interface DatasetSummary {
  dataset: DatasetType;
  rowCount: number;
  lastLoadedAt: Date | null;
}

/**
 * Row counts and the last import of each dataset, as the viewer's jurisdiction holds them:
 * a county never learns how much another county loaded, or when.
 */
async function summarise(
  services: DatasetServices,
  viewer: DataViewer,
  datasets: readonly DatasetType[],
): Promise<DatasetSummary[]> {
  const repository = new DatasetsRepository(services.database.db);
  const prefix = viewer.jurisdictionPrefix;
  let counts: Map<string, number>;
  if (prefix === '') {
    counts = await countDatasetRows(
      services.lake,
      datasets.map((d) => d.key),
    );
  } else {
    const batches = await repository.findLoadedBatchIdsByType(prefix);
    counts = await countRowsWithin(services.lake, datasets, (type) => ({ prefix, batchIds: batches.get(type) ?? [] }));
  }
  const lastLoaded = await repository.findLastLoadedAt(prefix);
  return datasets.map((dataset) => ({
    dataset,
    rowCount: counts.get(dataset.key) ?? 0,
    lastLoadedAt: lastLoaded.get(dataset.key) ?? null,
  }));
}

/** The catalogue with row counts from the lake, inside the viewer's jurisdiction ('' = all). */
export async function listDatasetSummaries(services: DatasetServices, viewer: DataViewer): Promise<DatasetSummary[]> {
  return summarise(services, viewer, listDatasets());
}

/** One dataset type with its row count inside the viewer's jurisdiction, or 404. */
export async function getDatasetSummary(
  services: DatasetServices,
  viewer: DataViewer,
  type: string,
): Promise<DatasetSummary> {
  const [summary] = await summarise(services, viewer, [await requireDataset(services.database.db, type)]);
  return summary as DatasetSummary;
}

/** A page of batches, newest first. */
export async function listBatches(
  services: DatasetServices,
  filter: BatchFilter,
  page: number,
  pageSize: number,
): Promise<{ items: ImportBatch[]; total: number }> {
  const repository = new DatasetsRepository(services.database.db);
  const [items, total] = await Promise.all([
    repository.findBatches(filter, pageSize, (page - 1) * pageSize),
    repository.countBatches(filter),
  ]);
  return { items, total };
}

/** One batch, or 404. */
export async function getBatch(services: DatasetServices, id: number): Promise<ImportBatch> {
  const batch = await new DatasetsRepository(services.database.db).findBatch(id);
  if (!batch) throw new NotFoundError(`Batch ${id}`, 'batch_not_found');
  return batch;
}

/**
 * The batch's rejected-rows report file, or null when no row was rejected. The report
 * holds the raw values of the rows it lists (identity numbers included), so every read is
 * audited, whether or not there is a file.
 */
export async function findRejectedReport(
  services: DatasetServices,
  actor: AuditActor,
  id: number,
): Promise<string | null> {
  const batch = await getBatch(services, id);
  const file = rejectedReportPath(services.config.dataDir, id);
  await recordAudit(services.database.db, actor, {
    action: 'dataset.rejected_report.read',
    objectType: 'import_batch',
    objectId: id,
    detail: {
      datasetType: batch.dataset_type,
      rowsRejected: Number(batch.rows_rejected),
      cellsKept: Number(batch.cells_kept),
    },
  });
  return existsSync(file) ? file : null;
}

/**
 * Rolls a loaded batch back: deletes its rows from the lake in one transaction and marks it
 * rolled back, audited with the reason; every warning citing one of its rows is retired in
 * the same transaction. Then (when models run by themselves after imports) the models that
 * read the dataset are queued to run in full on what remains. A batch whose rows a replace
 * import already removed, or one not loaded, cannot be rolled back.
 */
export async function rollbackBatch(
  services: DatasetServices,
  actor: AuditActor,
  id: number,
  reason: string,
): Promise<ImportBatch> {
  const batch = await getBatch(services, id);
  if (batch.status !== 'loaded') {
    throw new ConflictError(
      `批次 ${id} 状态为${BATCH_STATUS_WORDS[batch.status].zh}，无法回滚 / batch ${id} is ${BATCH_STATUS_WORDS[batch.status].en}, so it cannot be rolled back`,
      undefined,
      'batch_not_loaded',
    );
  }
  if (batch.replaced_by !== null) {
    throw new ConflictError(
      `批次 ${id} 的数据已被批次 ${batch.replaced_by} 整体替换 / batch ${id} was replaced by batch ${batch.replaced_by}`,
      undefined,
      'batch_replaced',
    );
  }
  const deleted = await rollbackLakeBatch(services.lake, batch.dataset_type, id);
  const rolledBack = await services.database.db.transaction().execute(async (trx) => {
    const row = await new DatasetsRepository(trx).updateBatch(id, { status: 'rolled_back', finished_at: new Date() });
    await services.batchEvents.emit('batch.rolling-back', { trx, actor, batch, at: services.clock.now() });
    await recordAudit(trx, actor, {
      action: 'dataset.rollback',
      objectType: 'import_batch',
      objectId: id,
      reason,
      detail: {
        datasetType: batch.dataset_type,
        rowsDeleted: deleted,
        rowsLoaded: batch.rows_loaded,
      },
    });
    return row as ImportBatch;
  });
  // The rollback has committed: a follow-up that fails (queueing the models' re-run) is
  // logged, and the next full or scheduled run catches up, rather than reported as a failed rollback.
  await services.batchEvents
    .emit('batch.rolled-back', { batch })
    .catch((error: unknown) =>
      process.emitWarning(`Batch ${id} rolled back, but what follows it failed: ${String(error)}`),
    );
  return rolledBack;
}

/**
 * Gives a batch to an organisation: from now on it, its rejected rows and its rows without
 * a division of their own lie in that organisation's jurisdiction. For the command line,
 * which assigns the batches loaded before every batch named its owner; audited with the
 * reason and both divisions.
 */
export async function assignBatch(
  services: DatasetServices,
  actor: AuditActor,
  id: number,
  owner: BatchOwner,
  reason: string,
): Promise<ImportBatch> {
  const batch = await getBatch(services, id);
  return services.database.db.transaction().execute(async (trx) => {
    const row = await new DatasetsRepository(trx).updateBatch(id, { division_code: owner.divisionCode });
    await recordAudit(trx, actor, {
      action: 'dataset.batch.assign',
      objectType: 'import_batch',
      objectId: id,
      reason,
      detail: { organisation: owner.code, from: batch.division_code.trim(), to: owner.divisionCode },
    });
    return row as ImportBatch;
  });
}
