import { api, type Query, uploadFile } from './client';

/** A text in both languages, as the catalogue carries it. */
export interface Localised {
  zh: string;
  en: string;
}

export interface EnumCode {
  code: string;
  label: Localised;
  /** The words departments use for the code. */
  terms: string[];
}

export interface DatasetField {
  key: string;
  label: Localised;
  type: string;
  required: boolean;
  synonyms: string[];
  values?: EnumCode[];
  columns: string[];
}

export interface DatasetSummary {
  key: string;
  name: Localised;
  source: Localised;
  fieldCount: number;
  rowCount: number;
  lastLoadedAt: string | null;
}

export interface DatasetDetail extends DatasetSummary {
  table: string;
  fields: DatasetField[];
}

export type ImportFormat = 'csv' | 'xlsx' | 'json' | 'jsonl';
export type ImportMode = 'append' | 'replace';
export type BatchStatus = 'loading' | 'loaded' | 'failed' | 'rolled_back';
export const BATCH_STATUSES: readonly BatchStatus[] = ['loading', 'loaded', 'failed', 'rolled_back'];

export interface Batch {
  id: number;
  datasetType: string;
  departmentCode: string | null;
  fileName: string;
  contentHash: string;
  format: ImportFormat;
  mode: ImportMode;
  status: BatchStatus;
  forced: boolean;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  importedBy: number | null;
  replacedBy: number | null;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  /** Cells of optional fields whose value could not be read: their rows loaded with the field empty. */
  cellsKept: number;
  keptByField: Record<string, number>;
  /** Where to download the rejected-rows report (rows refused, cells kept without value); null when it is empty. */
  rejectedReportUrl: string | null;
}

export interface BatchPage {
  items: Batch[];
  total: number;
  page: number;
  pageSize: number;
}

export interface BatchQuery {
  datasetType?: string;
  status?: BatchStatus;
  page: number;
  pageSize: number;
}

/** File header → field key. */
export type HeaderMapping = Record<string, string>;

/** Value mappings (字典映射): field key → the department's word → the standard's code. */
export type ValueMappings = Record<string, Record<string, string>>;

/** A department's mapping file, as the command line's --mapping reads it (docs/importing.md). */
export interface MappingFile {
  headers: HeaderMapping;
  values: ValueMappings;
}

/** What the mapping screen shows: the file's columns, first rows and the suggested match. */
export interface ImportPreview {
  format: ImportFormat;
  encoding: string | null;
  headers: string[];
  rows: { rowNo: number; values: (string | number | boolean | null)[] }[];
  suggestedMapping: HeaderMapping;
  missingRequired: string[];
  missingOptional: string[];
  unmatchedColumns: string[];
  refusal: Localised | null;
  /** Columns that would feed no field (with suggestions), fields left empty, models left blind, unknown codes. */
  columns: ColumnAccounting;
  /** Records read for unknown values (the whole file when it has no more). */
  rowsScanned: number;
}

/** A code an unknown value might mean: the one whose word it contains, or one alike by characters. */
export interface CodeSuggestion {
  code: string;
  label: Localised;
  how: 'contains' | 'similar';
  score: number;
  word: string;
}

/** A value of a coded field that is none of its codes, and the codes a person might map it to. */
export interface UnknownValue {
  field: string;
  label: Localised;
  required: boolean;
  value: string;
  count: number;
  suggestions: CodeSuggestion[];
}

/** Every column of a file accounted for (the server's ColumnAccounting). */
export interface ColumnAccounting {
  dataset: string;
  columns: number;
  matchedColumns: number;
  unusedColumns: {
    index: number;
    header: string;
    duplicateOf: string | null;
    suggestions: { field: string; label: Localised; score: number; word: string }[];
  }[];
  emptyFields: {
    field: string;
    label: Localised;
    required: boolean;
    reason: 'no_column' | 'all_empty';
    header: string | null;
  }[];
  blindModels: { id: string; name: Localised; fields: string[] }[];
  unknownValues: UnknownValue[];
}

/** The answer to an import: the batch and its columns accounted for. */
export interface ImportResult extends Batch {
  columns: ColumnAccounting;
}

/** The form of an import: where the file comes from and how it lands. */
export interface ImportOptions {
  department?: string;
  mode: ImportMode;
  force: boolean;
  /** The mapping file: headers and value mappings, sent as one JSON field. */
  mapping?: MappingFile;
}

function importFields(options: Partial<ImportOptions>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (options.department) fields.department = options.department;
  if (options.mode) fields.mode = options.mode;
  if (options.force) fields.force = 'true';
  if (options.mapping) fields.mapping = JSON.stringify(options.mapping);
  return fields;
}

export async function listDatasets(): Promise<DatasetSummary[]> {
  return (await api.get<{ items: DatasetSummary[] }>('/api/v1/datasets')).items;
}

export function getDataset(type: string): Promise<DatasetDetail> {
  return api.get<DatasetDetail>(`/api/v1/datasets/${encodeURIComponent(type)}`);
}

/** Uploads a file to read its header and first rows; nothing is imported. */
export function previewImport(
  type: string,
  file: File,
  mapping: MappingFile | undefined,
  onProgress: (percent: number) => void,
): Promise<ImportPreview> {
  const path = `/api/v1/datasets/${encodeURIComponent(type)}/imports/preview`;
  return uploadFile<ImportPreview>(path, file, onProgress, importFields({ mapping }));
}

/** Uploads and imports a file as one batch. */
export function importDataset(
  type: string,
  file: File,
  options: ImportOptions,
  onProgress: (percent: number) => void,
): Promise<ImportResult> {
  return uploadFile<ImportResult>(
    `/api/v1/datasets/${encodeURIComponent(type)}/imports`,
    file,
    onProgress,
    importFields(options),
  );
}

export function listBatches(query: BatchQuery): Promise<BatchPage> {
  return api.get<BatchPage>('/api/v1/batches', { ...query } satisfies Query);
}

export function getBatch(id: number): Promise<Batch> {
  return api.get<Batch>(`/api/v1/batches/${id}`);
}

/** Deletes the batch's rows from the lake; the reason goes to the audit trail. */
export function rollbackBatch(id: number, reason: string): Promise<Batch> {
  return api.post<Batch>(`/api/v1/batches/${id}/rollback`, { reason });
}

/** One problem of a rejected (or partly kept) row, its value masked by the field it was meant for. */
export interface RejectedLine {
  /** The row's line in the file (the header is line 1). */
  rowNo: number;
  column: string;
  field: string;
  value: string;
  reason: Localised;
  /** The row was loaded with this cell empty, not refused. */
  kept: boolean;
}

export interface RejectedPage {
  items: RejectedLine[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** False when shown whole for a reason. */
  masked: boolean;
}

/** A page of a batch's rejected-rows report, masked unless `reason` says why it is needed whole (audited). */
export function listRejectedLines(
  batchId: number,
  page: number,
  pageSize: number,
  reason?: string,
): Promise<RejectedPage> {
  return api.get<RejectedPage>(`/api/v1/batches/${batchId}/rejected/lines`, { page, pageSize, reason });
}
