import type { DatasetServices } from './batch-events.js';
import { type AuditActor, recordAudit } from '../../audit/index.js';
import { requireDataset } from '../../catalogue/index.js';
import { type DataViewer, getVisibleBatch } from './batch-scope.js';
import { readRejectedPage } from '../import/rejected-rows-page.js';
import { presentRejectedLine, presentRejectedLineWhole } from './rejected-rows.presenter.js';
import type { TRejectedLine } from './rejected-rows.schemas.js';

/**
 * A page of a batch's rejected-rows report for the console, masked (see
 * rejected-rows.presenter.ts) unless `reason` is given (the caller checked person.read):
 * then whole, and audited as a read of personal data with the reason. 404 for a batch
 * outside the viewer's jurisdiction, as for the batch itself; every read is audited, as the
 * report holds the raw values.
 */
export async function listRejectedLines(
  services: DatasetServices,
  viewer: DataViewer & { actor: AuditActor },
  batchId: number,
  { page, pageSize, reason }: { page: number; pageSize: number; reason?: string | undefined },
): Promise<{ items: TRejectedLine[]; hasMore: boolean }> {
  const batch = await getVisibleBatch(services, viewer, batchId);
  // A custom type the catalogue has since dropped still reads: its values are then masked as free text.
  const dataset = await requireDataset(services.database.db, batch.dataset_type).catch(() => undefined);
  const { lines, hasMore } = await readRejectedPage(services.config.dataDir, batchId, (page - 1) * pageSize, pageSize);
  await recordAudit(services.database.db, viewer.actor, {
    action: reason === undefined ? 'dataset.rejected_rows.read' : 'person.read',
    objectType: 'import_batch',
    objectId: batchId,
    ...(reason === undefined ? {} : { reason }),
    detail: { datasetType: batch.dataset_type, page, pageSize, lines: lines.length, revealed: reason !== undefined },
  });
  if (reason !== undefined) return { items: lines.map(presentRejectedLineWhole), hasMore };
  return { items: lines.map((line) => presentRejectedLine(dataset, line)), hasMore };
}
