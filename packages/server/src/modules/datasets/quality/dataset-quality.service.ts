import { type DatasetType, type FieldDef, uniqueKeysOf } from '@qingfeng/core';
import type { DatasetServices } from '../batches/batch-events.js';
import type { ImportBatch } from '../../../db/schema.js';
import {
  type FieldStats,
  type QualityTarget,
  computeDuplicates,
  computeFieldStats,
  computeHistogram,
  computeTopValues,
  qualityTarget,
  scopedSignature,
} from './dataset-quality.lake.js';
import type { RowScope } from '../rows/dataset-rows.lake.js';
import { countRejectionsByField } from './dataset-quality.rejections.js';
import { QualitySnapshotsRepository, type SnapshotKey } from './dataset-quality.repository.js';
import type { TDuplicateKey, TFieldQuality, TQualityReport } from './dataset-quality.schemas.js';
import { type DataViewer, findLiveBatches, findRowScope, getVisibleBatch } from '../batches/batch-scope.js';
import { requireDataset } from '../../catalogue/index.js';

const IDENTIFIER_TYPES = new Set(['id', 'uscc', 'subject']);

/** Import counts and rejections per field of the batches a report covers. */
interface BatchTotals {
  count: number;
  rowsRead: number;
  rowsRejected: number;
  rejectedByField: Record<string, number>;
  cellsKept: number;
  keptByField: Record<string, number>;
}

/**
 * Rejections per field of one batch. Reports never change once written, so the counts
 * are kept as a snapshot of their own and the file is read once.
 */
async function rejectionsOf(services: DatasetServices, batch: ImportBatch): Promise<Record<string, number>> {
  if (Number(batch.rows_rejected) === 0) return {};
  const repository = new QualitySnapshotsRepository(services.database.db);
  const key: SnapshotKey = {
    kind: 'rejections',
    datasetType: batch.dataset_type,
    batchId: batch.id,
    jurisdictionPrefix: '',
  };
  const stored = await repository.findSnapshot(key);
  if (stored) return stored.report as Record<string, number>;
  const counts = await countRejectionsByField(services.config.dataDir, batch.id);
  await repository.saveSnapshot(key, 'report', counts, services.clock.now());
  return counts;
}

async function totalsOf(services: DatasetServices, batches: readonly ImportBatch[]): Promise<BatchTotals> {
  const totals: BatchTotals = {
    count: batches.length,
    rowsRead: 0,
    rowsRejected: 0,
    rejectedByField: {},
    cellsKept: 0,
    keptByField: {},
  };
  for (const batch of batches) {
    totals.rowsRead += Number(batch.rows_read);
    totals.rowsRejected += Number(batch.rows_rejected);
    totals.cellsKept += Number(batch.cells_kept);
    for (const [field, n] of Object.entries(batch.kept_by_field ?? {})) {
      totals.keptByField[field] = (totals.keptByField[field] ?? 0) + Number(n);
    }
    for (const [field, n] of Object.entries(await rejectionsOf(services, batch))) {
      totals.rejectedByField[field] = (totals.rejectedByField[field] ?? 0) + n;
    }
  }
  return totals;
}

function asNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function asScalar(value: unknown): string | number | boolean | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

async function fieldReport(
  services: DatasetServices,
  target: QualityTarget | undefined,
  field: FieldDef,
  rows: number,
  stats: FieldStats,
  totals: BatchTotals,
): Promise<TFieldQuality> {
  const out: TFieldQuality = {
    key: field.key,
    label: field.label,
    type: field.type,
    required: field.required,
    nonNull: stats.nonNull,
    completeness: rows === 0 ? null : stats.nonNull / rows,
    distinct: stats.distinct,
    keptWithoutValue: totals.keptByField[field.key] ?? 0,
  };
  if ('min' in stats) Object.assign(out, { min: asScalar(stats.min), max: asScalar(stats.max) });
  if (IDENTIFIER_TYPES.has(field.type)) {
    const rejected = totals.rejectedByField[field.key] ?? 0;
    const seen = stats.nonNull + rejected;
    out.identifier = { loaded: stats.nonNull, rejected, validRate: seen === 0 ? null : stats.nonNull / seen };
  }
  // An empty dataset has no lake table yet: nothing more to ask the lake.
  if (rows === 0 || target === undefined) return out;
  if (field.type === 'enum') {
    out.topValues = (await computeTopValues(services.lake, target, field)).map((v) => ({
      value: asScalar(v.value),
      count: v.count,
    }));
  }
  const min = asNumber(stats.min);
  const max = asNumber(stats.max);
  if (field.type === 'money' && min !== null && max !== null) {
    out.histogram = await computeHistogram(services.lake, target, field, { min, max, nonNull: stats.nonNull });
  }
  return out;
}

function lineageUrl(datasetType: string, batchId: number, rowNo: number): string {
  return `/api/v1/datasets/${datasetType}/rows/${batchId}/${rowNo}/lineage`;
}

async function duplicateReports(
  services: DatasetServices,
  target: QualityTarget,
  stats: ReadonlyMap<string, FieldStats>,
): Promise<TDuplicateKey[]> {
  const out: TDuplicateKey[] = [];
  for (const key of uniqueKeysOf(target.dataset)) {
    const fields = key
      .map((k) => target.dataset.fields.find((f) => f.key === k))
      .filter((f): f is FieldDef => f !== undefined);
    if (fields.length !== key.length) continue;
    // A single field's figures are already counted: its distinct values against its non-null rows.
    const single = fields.length === 1 ? stats.get(key[0] ?? '') : undefined;
    const known = single && { rows: single.nonNull, distinct: single.distinct };
    const found = await computeDuplicates(services.lake, target, fields, undefined, known);
    out.push({
      fields: [...key],
      groups: found.groups,
      rows: found.rows,
      examples: found.examples.map((e) => ({ ...e, lineageUrl: lineageUrl(target.dataset.key, e.batchId, e.rowNo) })),
    });
  }
  return out;
}

/** What a report covers: a dataset inside a jurisdiction (undefined = the whole country), optionally one batch. */
interface ReportRequest {
  readonly dataset: DatasetType;
  readonly scope: RowScope;
  readonly batchId?: number;
}

/** Computes a report in the lake: one scan for the field counts, one query per enum, money field and natural key. */
async function computeReport(
  services: DatasetServices,
  request: ReportRequest,
  totals: BatchTotals,
): Promise<TQualityReport> {
  const target = await qualityTarget(services.lake, request.dataset, request.scope, request.batchId);
  const { rows, fields } = target
    ? await computeFieldStats(services.lake, target)
    : { rows: 0, fields: new Map<string, FieldStats>() };
  const fieldReports: TFieldQuality[] = [];
  for (const field of request.dataset.fields) {
    const stats = fields.get(field.key) ?? { nonNull: 0, distinct: 0 };
    fieldReports.push(await fieldReport(services, target, field, rows, stats, totals));
  }
  return {
    datasetType: request.dataset.key,
    batchId: request.batchId ?? null,
    jurisdictionPrefix: request.scope?.prefix ?? '',
    computedAt: services.clock.now().toISOString(),
    cached: false,
    rows,
    batches: {
      count: totals.count,
      rowsRead: totals.rowsRead,
      rowsRejected: totals.rowsRejected,
      cellsKept: totals.cellsKept,
    },
    fields: fieldReports,
    duplicates: target && rows > 0 ? await duplicateReports(services, target, fields) : [],
  };
}

/** Answers from the snapshot when the lake has not changed since, else computes and stores. */
async function cachedReport(
  services: DatasetServices,
  key: SnapshotKey,
  signature: string,
  refresh: boolean,
  compute: () => Promise<TQualityReport>,
): Promise<TQualityReport> {
  const repository = new QualitySnapshotsRepository(services.database.db);
  if (!refresh) {
    const stored = await repository.findSnapshot(key);
    if (stored && stored.signature === signature) return { ...(stored.report as TQualityReport), cached: true };
  }
  const report = await compute();
  await repository.saveSnapshot(key, signature, report, new Date(report.computedAt));
  return report;
}

/**
 * The quality report of a dataset over the rows the viewer may see. Served from the last
 * snapshot while no batch of the dataset was loaded, replaced or rolled back since;
 * `refresh` recomputes it regardless.
 */
export async function getDatasetQuality(
  services: DatasetServices,
  viewer: DataViewer,
  type: string,
  refresh = false,
): Promise<TQualityReport> {
  const dataset = await requireDataset(services.database.db, type);
  const signature = await scopedSignature(services.lake, dataset.key, viewer.jurisdictionPrefix);
  const key: SnapshotKey = {
    kind: 'dataset',
    datasetType: dataset.key,
    batchId: 0,
    jurisdictionPrefix: viewer.jurisdictionPrefix,
  };
  return cachedReport(services, key, signature, refresh, async () => {
    const db = services.database.db;
    const request = { dataset, scope: await findRowScope(db, viewer, dataset.key) };
    return computeReport(services, request, await totalsOf(services, await findLiveBatches(db, viewer, dataset.key)));
  });
}

/** The quality report of one batch inside the viewer's jurisdiction (404 outside it). */
export async function getBatchQuality(
  services: DatasetServices,
  viewer: DataViewer,
  batchId: number,
  refresh = false,
): Promise<TQualityReport> {
  const batch = await getVisibleBatch(services, viewer, batchId);
  const dataset = await requireDataset(services.database.db, batch.dataset_type);
  const signature = await scopedSignature(services.lake, dataset.key, viewer.jurisdictionPrefix, batch.id);
  const key: SnapshotKey = {
    kind: 'batch',
    datasetType: dataset.key,
    batchId: batch.id,
    jurisdictionPrefix: viewer.jurisdictionPrefix,
  };
  return cachedReport(services, key, signature, refresh, async () => {
    const request = {
      dataset,
      scope: await findRowScope(services.database.db, viewer, dataset.key),
      batchId: batch.id,
    };
    return computeReport(services, request, await totalsOf(services, [batch]));
  });
}

/**
 * Computes and stores a loaded batch's report for the whole deployment, so the first view
 * is instant. Meant to run at the end of an import; a failure here must not fail the import.
 */
export async function refreshBatchQuality(services: DatasetServices, batchId: number): Promise<void> {
  await getBatchQuality(services, { jurisdictionPrefix: '' }, batchId, true);
}
