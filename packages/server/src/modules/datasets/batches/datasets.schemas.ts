import { z } from 'zod';
import { pageOf, pageQueryFields } from '../../../http/paging.js';
import { ZColumnAccounting } from './column-accounting.schemas.js';

const ZLocalised = z.object({ zh: z.string(), en: z.string() });

export const ZDatasetTypeParams = z.object({ type: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'not a dataset type') });
export const ZBatchParams = z.object({ id: z.coerce.number().int().min(1) });

export const ZDatasetField = z.object({
  key: z.string(),
  label: ZLocalised,
  type: z.string(),
  required: z.boolean(),
  synonyms: z.array(z.string()),
  /** Enum fields only: the allowed codes and the words departments use for them. */
  values: z.array(z.object({ code: z.string(), label: ZLocalised, terms: z.array(z.string()) })).optional(),
  /** The lake columns the field becomes (subject keys and derived columns for identifiers). */
  columns: z.array(z.string()),
});

export const ZDatasetSummary = z.object({
  key: z.string(),
  name: ZLocalised,
  source: ZLocalised,
  fieldCount: z.number(),
  rowCount: z.number(),
  lastLoadedAt: z.string().nullable(),
});
export type TDatasetSummary = z.infer<typeof ZDatasetSummary>;

export const ZDatasetList = z.object({ items: z.array(ZDatasetSummary) });
export const ZDatasetDetail = ZDatasetSummary.extend({ table: z.string(), fields: z.array(ZDatasetField) });
export type TDatasetDetail = z.infer<typeof ZDatasetDetail>;

export const ZBatch = z.object({
  id: z.number(),
  datasetType: z.string(),
  departmentCode: z.string().nullable(),
  fileName: z.string(),
  contentHash: z.string(),
  format: z.enum(['csv', 'xlsx', 'json', 'jsonl']),
  mode: z.enum(['append', 'replace']),
  status: z.enum(['loading', 'loaded', 'failed', 'rolled_back']),
  forced: z.boolean(),
  rowsRead: z.number(),
  rowsLoaded: z.number(),
  rowsRejected: z.number(),
  /** Cells of optional fields whose value could not be read: their rows loaded with the field empty. */
  cellsKept: z.number(),
  /** `cellsKept` per field key. */
  keptByField: z.record(z.string(), z.number()),
  importedBy: z.number().nullable(),
  replacedBy: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** Where to download the rejected-rows report (rows refused, cells kept without value); null when it is empty. */
  rejectedReportUrl: z.string().nullable(),
});
export type TBatch = z.infer<typeof ZBatch>;

/** The answer to an import: the batch, and every column of its file accounted for. */
export const ZImportResult = ZBatch.extend({ columns: ZColumnAccounting });

export const ZBatchQuery = z.object({
  datasetType: z.string().max(60).optional(),
  status: z.enum(['loading', 'loaded', 'failed', 'rolled_back']).optional(),
  ...pageQueryFields(50),
});

export const ZBatchPage = pageOf(ZBatch);

export const ZRollbackBody = z.object({ reason: z.string().trim().min(2).max(1000) });

/** The multipart form fields of an import, as text (multipart has no types). */
export const ZImportFields = z.object({
  department: z.string().trim().max(64).optional(),
  mode: z.enum(['append', 'replace']).default('append'),
  force: z.enum(['true', 'false', '1', '0']).optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
  /**
   * JSON: a mapping file, `{"headers": {file header: field key}, "values": {field key:
   * {department word: code}}}`, or the header-only form `{file header: field key}`.
   */
  mapping: z.string().max(100_000).optional(),
});
export type TImportFields = z.infer<typeof ZImportFields>;

export const ZPreview = z.object({
  format: z.enum(['csv', 'xlsx', 'json', 'jsonl']),
  encoding: z.string().nullable(),
  headers: z.array(z.string()),
  rows: z.array(
    z.object({ rowNo: z.number(), values: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])) }),
  ),
  /** Header → field key, as matched (or as the given mapping says). */
  suggestedMapping: z.record(z.string(), z.string()),
  missingRequired: z.array(z.string()),
  missingOptional: z.array(z.string()),
  unmatchedColumns: z.array(z.string()),
  refusal: ZLocalised.nullable(),
  template: z.unknown(),
  /** Columns that would feed no field, with suggestions; fields left empty; models left blind; unknown codes. */
  columns: ZColumnAccounting,
  /** Records read for the unknown values (the whole file when it has no more). */
  rowsScanned: z.number(),
});

/** A file refused for its columns: what was found and a template to fill in. */
export const ZMappingRefusal = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string(),
  columnsFound: z.array(z.string()),
  missingRequired: z.array(z.string()),
  template: z.unknown(),
});
