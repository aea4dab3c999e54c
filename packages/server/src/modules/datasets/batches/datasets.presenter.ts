import type { ImportBatch } from '../../../db/schema.js';
import type { DatasetSummary } from './datasets.service.js';
import type { TBatch, TDatasetDetail, TDatasetSummary } from './datasets.schemas.js';
import { datasetLayout } from '../../catalogue/index.js';
import type { ImportPreview } from '../import/preview.service.js';
import { presentColumnAccounting } from './column-accounting.presenter.js';

/** A batch as the API shows it. */
export function presentBatch(batch: ImportBatch, hasReport: boolean): TBatch {
  return {
    id: batch.id,
    datasetType: batch.dataset_type,
    departmentCode: batch.department_code,
    fileName: batch.file_name,
    contentHash: batch.content_hash,
    format: batch.format,
    mode: batch.mode,
    status: batch.status,
    forced: batch.forced,
    rowsRead: Number(batch.rows_read),
    rowsLoaded: Number(batch.rows_loaded),
    rowsRejected: Number(batch.rows_rejected),
    cellsKept: Number(batch.cells_kept),
    keptByField: { ...batch.kept_by_field },
    importedBy: batch.imported_by,
    replacedBy: batch.replaced_by,
    createdAt: new Date(batch.created_at).toISOString(),
    finishedAt: batch.finished_at ? new Date(batch.finished_at).toISOString() : null,
    error: batch.error,
    rejectedReportUrl: hasReport ? `/api/v1/batches/${batch.id}/rejected` : null,
  };
}

/** A catalogue entry with its row count. */
export function presentDatasetSummary(summary: DatasetSummary): TDatasetSummary {
  const { dataset } = summary;
  return {
    key: dataset.key,
    name: dataset.name,
    source: dataset.source,
    fieldCount: dataset.fields.length,
    rowCount: summary.rowCount,
    lastLoadedAt: summary.lastLoadedAt?.toISOString() ?? null,
  };
}

function lakeColumnsOf(key: string, type: string): string[] {
  if (type === 'id') return [`${key}_sk`, `${key}_birth_date`, `${key}_sex`, `${key}_region`];
  if (type === 'uscc' || type === 'subject') return [`${key}_sk`];
  return [key];
}

/** A dataset type with its fields and where each lands in the lake. */
export function presentDatasetDetail(summary: DatasetSummary): TDatasetDetail {
  const { dataset } = summary;
  return {
    ...presentDatasetSummary(summary),
    table: datasetLayout(dataset).table,
    fields: dataset.fields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      synonyms: [...f.synonyms],
      ...(f.type === 'enum'
        ? { values: f.values.map((v) => ({ code: v.code, label: v.label, terms: [...v.terms] })) }
        : {}),
      columns: lakeColumnsOf(f.key, f.type),
    })),
  };
}

/** The mapping screen's data. */
export function presentPreview(preview: ImportPreview) {
  return {
    format: preview.format,
    encoding: preview.encoding,
    headers: [...preview.headers],
    rows: preview.rows.map((r) => ({ rowNo: r.rowNo, values: r.values.map((v) => (v === undefined ? null : v)) })),
    suggestedMapping: { ...preview.match.mapping },
    missingRequired: [...preview.match.missingRequired],
    missingOptional: [...preview.match.missingOptional],
    unmatchedColumns: [...preview.match.unmatchedColumns],
    refusal: preview.match.refusal,
    template: preview.template,
    columns: presentColumnAccounting(preview.columns),
    rowsScanned: preview.rowsScanned,
  };
}

/** Whether a batch has a rejected-rows report: a row refused or a cell kept without its value. */
export function hasReport(batch: ImportBatch): boolean {
  return Number(batch.rows_rejected) > 0 || Number(batch.cells_kept) > 0;
}
