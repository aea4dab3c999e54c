import { stat } from 'node:fs/promises';
import type { ColumnAccounting, DatasetType, ValueMappings } from '@qingfeng/core';
import type { DatasetServices } from '../batches/batch-events.js';
import type { ImportBatch, ImportFormat, ImportMode } from '../../../db/schema.js';
import { AppError, ConflictError } from '../../../http/errors.js';
import { type AuditActor, recordAudit } from '../../audit/index.js';
import { requireDataset, mappingForImport, type HeaderMapping } from '../../catalogue/index.js';
import { refreshBatchQuality } from '../quality/dataset-quality.service.js';
import { batchDivisionFor } from '../batches/batch-scope.js';
import { DatasetsRepository } from '../batches/datasets.repository.js';
import { engineCopyPath } from './engine-copies.js';
import { hashFile } from './file-hash.js';
import { type OpenedImport, loadImport, openImport, prepareForEngine } from './import-pipeline.js';
import { type EngineCsv, excerpt, readLimitsOf } from '../../sources/index.js';
import { rejectedReportPath } from './rejected-report.js';
import { accountLoadedBatch } from './column-accounting.js';
import { withValueMappings } from './value-mappings.js';

/** An import request, however it arrived (upload or command line). */
export interface ImportRequest {
  datasetType: string;
  /** The file on local disk (an upload is saved first, so it can be hashed and re-read). */
  file: string;
  fileName: string;
  departmentCode?: string | null;
  mode?: ImportMode;
  force?: boolean;
  sheet?: string;
  mapping?: HeaderMapping;
  /** A person's value mappings (字典映射): field → department word → code. */
  valueMappings?: ValueMappings;
  format?: ImportFormat;
  /**
   * Run the enabled models that read this dataset on the new rows once the batch has
   * loaded (default: config.autoRunModels). Bulk loads such as the demo turn it off and
   * run every model once at the end instead of once per file.
   */
  runModels?: boolean;
}

/** Progress callbacks for the command line's progress bar. */
export interface ImportProgress {
  onBytes?: (total: number) => void;
  onRows?: (rowsRead: number) => void;
}

/** The outcome of a successful import. */
export interface ImportOutcome {
  batch: ImportBatch;
  reportPath: string | null;
  fileSize: number;
  seconds: number;
  /** Every column of the file accounted for: unused columns, empty fields, blind models, unknown codes. */
  columns: ColumnAccounting;
}

/**
 * Imports one file as one batch: refuses unmatched required columns (400) and files
 * already loaded (409 unless forced), records the batch as loading, streams it into the
 * lake in one transaction, then records the outcome and the audit entry together.
 */
export async function importDatasetFile(
  services: DatasetServices,
  actor: AuditActor,
  request: ImportRequest,
  progress: ImportProgress = {},
): Promise<ImportOutcome> {
  const started = process.hrtime.bigint();
  const db = services.database.db;
  const dataset = withValueMappings(
    await requireDataset(services.database.db, request.datasetType),
    request.valueMappings,
  );
  const repository = new DatasetsRepository(db);
  const mode = request.mode ?? 'append';
  const { size } = await stat(request.file);
  const { opened, engineCsv, contentHash, duplicate } = await openCheckedFile(
    services,
    actor,
    dataset,
    request,
    progress,
  );
  let batch: ImportBatch;
  try {
    batch = await repository.insertBatch({
      dataset_type: dataset.key,
      department_code: request.departmentCode ?? null,
      file_name: request.fileName,
      content_hash: contentHash,
      format: opened.source.format,
      mode,
      status: 'loading',
      forced: duplicate !== undefined,
      imported_by: actor.userId,
      division_code: await batchDivisionFor(db, actor),
    });
  } catch (error) {
    await engineCsv?.cleanup();
    await opened.source.close();
    throw error;
  }
  const reportFile = rejectedReportPath(services.config.dataDir, batch.id);
  try {
    const counts = await loadImport({
      lake: services.lake,
      crypto: services.fieldCrypto,
      dataset,
      opened,
      batchId: batch.id,
      mode,
      reportFile,
      engineCsv,
      ...(progress.onRows ? { onRows: progress.onRows } : {}),
    });
    const loaded = await db.transaction().execute(async (trx) => {
      const txRepository = new DatasetsRepository(trx);
      if (mode === 'replace') await txRepository.markReplaced(dataset.key, batch.id);
      const row = await txRepository.updateBatch(batch.id, {
        status: 'loaded',
        rows_read: counts.rowsRead,
        rows_loaded: counts.rowsLoaded,
        rows_rejected: counts.rowsRejected,
        cells_kept: counts.cellsKept,
        kept_by_field: counts.keptByField,
        finished_at: new Date(),
      });
      await recordAudit(trx, actor, {
        action: 'dataset.import',
        objectType: 'import_batch',
        objectId: batch.id,
        detail: {
          datasetType: dataset.key,
          fileName: request.fileName,
          contentHash,
          mode,
          forced: batch.forced,
          rowsRead: counts.rowsRead,
          rowsLoaded: counts.rowsLoaded,
          rowsRejected: counts.rowsRejected,
          cellsKept: counts.cellsKept,
          ...(request.valueMappings ? { valueMappings: request.valueMappings } : {}),
        },
      });
      return row as ImportBatch;
    });
    const columns = await accountLoadedBatch(services, dataset, opened.match, loaded.id, counts.unknownValues);
    await announceLoaded(services, loaded, request.runModels ?? services.config.autoRunModels);
    // The rows are committed: the import is done. Its quality report (a few scans of the
    // batch: 0.9 s of a 2-million-row import) is computed after it, so the first view is instant.
    services.background.start(`Batch ${loaded.id} loaded, but its quality report was not computed`, () =>
      refreshBatchQuality(services, loaded.id),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { batch: loaded, reportPath: counts.reportLines > 0 ? reportFile : null, fileSize: size, seconds, columns };
  } catch (error) {
    const message = messageOf(error);
    await db.transaction().execute(async (trx) => {
      await new DatasetsRepository(trx).updateBatch(batch.id, {
        status: 'failed',
        error: message.slice(0, 2000),
        finished_at: new Date(),
      });
      await recordAudit(trx, actor, {
        action: 'dataset.import',
        objectType: 'import_batch',
        objectId: batch.id,
        outcome: 'failed',
        detail: { datasetType: dataset.key, fileName: request.fileName, contentHash, error: message.slice(0, 500) },
      });
    });
    throw new AppError(
      422,
      'import_failed',
      `批次 ${batch.id} 导入失败，未写入任何数据 / batch ${batch.id} failed and loaded nothing: ${message}`,
    );
  }
}

/**
 * Opens the file and matches its header (a refusal is audited), copies it for the engine,
 * hashes it meanwhile on a worker, and refuses it (409) when a live batch holds the same
 * bytes unless forced. Whatever it throws, it leaves no copy and no open file behind.
 */
async function openCheckedFile(
  services: DatasetServices,
  actor: AuditActor,
  dataset: DatasetType,
  request: ImportRequest,
  progress: ImportProgress,
): Promise<{ opened: OpenedImport; engineCsv: EngineCsv | null; contentHash: string; duplicate?: ImportBatch }> {
  const db = services.database.db;
  const limits = readLimitsOf(services.config);
  const hashing = hashFile(request.file);
  let opened;
  try {
    opened = await openImport(request.file, dataset, {
      limits,
      ...(request.format ? { format: request.format } : {}),
      ...(request.sheet ? { sheet: request.sheet } : {}),
      ...(await mappingForImport(db, dataset.key, request)),
      ...(progress.onBytes ? { onBytes: progress.onBytes } : {}),
    });
  } catch (error) {
    await recordAudit(db, actor, {
      action: 'dataset.import',
      objectType: 'dataset',
      objectId: dataset.key,
      outcome: 'failed',
      detail: {
        fileName: request.fileName,
        contentHash: await hashing.catch(() => null),
        error: messageOf(error).slice(0, 500),
      },
    });
    // MappingRefusedError and the readers' limits (ReadLimitError) are answers of their own.
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'unreadable_file', messageOf(error), 'file');
  }
  let engineCsv: EngineCsv | null = null;
  try {
    const tempFile = engineCopyPath(services.config.dataDir);
    engineCsv = await prepareForEngine(services.lake, opened, tempFile, progress.onBytes, limits);
    const contentHash = await hashing;
    const duplicate = await new DatasetsRepository(db).findLiveBatchByHash(dataset.key, contentHash);
    if (duplicate && request.force !== true) {
      throw new ConflictError(
        `此文件已作为批次 ${duplicate.id} 导入（${duplicate.file_name}），如需重复导入请使用强制选项 / ` +
          `this file was already imported as batch ${duplicate.id} (${duplicate.file_name}); force to import it again`,
        undefined,
        'duplicate_file',
      );
    }
    return { opened, engineCsv, contentHash, duplicate };
  } catch (error) {
    await hashing.catch(() => undefined);
    await engineCsv?.cleanup();
    await opened.source.close();
    throw error;
  }
}

/**
 * An error's message as an answer or a batch record may carry it: readers' messages quote
 * the file, and one that quoted a whole line (26 MB for a 5 MB line) must not be echoed.
 */
function messageOf(error: unknown): string {
  return excerpt(error instanceof Error ? error.message : String(error), 1000);
}

/**
 * Announces a freshly loaded batch (the models that read it queue their incremental run).
 * The batch is committed by now, so a failed follow-up must not be reported as a failed
 * import; it is raised as a process warning (logged) and the models catch up at the next
 * full or scheduled run.
 */
async function announceLoaded(services: DatasetServices, batch: ImportBatch, runModels: boolean): Promise<void> {
  try {
    await services.batchEvents.emit('batch.loaded', { batch, runModels });
  } catch (error) {
    process.emitWarning(`Batch ${batch.id} loaded, but what follows it failed: ${String(error)}`);
  }
}
