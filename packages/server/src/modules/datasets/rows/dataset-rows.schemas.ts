import { z } from 'zod';
import { pageOf, pageQueryFields } from '../../../http/paging.js';

const ZFlag = z.enum(['true', 'false', '1', '0']).optional();

/**
 * The browser's query. Filters come as `filter[<field key>]=<value>`; they are checked
 * against the catalogue by the service, hence the open record here.
 */
export const ZRowQuery = z
  .object({
    ...pageQueryFields(50),
    batchId: z.coerce.number().int().min(1).optional(),
    /** Show identifiers, names and phones whole: needs person.read and a reason, and is audited. */
    reveal: ZFlag,
    reason: z.string().trim().max(1000).optional(),
  })
  .catchall(z.string().max(200));
export type TRowQuery = z.infer<typeof ZRowQuery>;

export const ZRowParams = z.object({
  type: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'not a dataset type'),
  batchId: z.coerce.number().int().min(1),
  rowNo: z.coerce.number().int().min(1),
});

const ZValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One lake row under its catalogue field keys, personal data masked unless revealed. */
export const ZDatasetRow = z.object({
  batchId: z.number(),
  rowNo: z.number(),
  values: z.record(z.string(), ZValue),
  lineageUrl: z.string(),
});
export type TDatasetRow = z.infer<typeof ZDatasetRow>;

export const ZRowPage = z.object({
  datasetType: z.string(),
  ...pageOf(ZDatasetRow).shape,
  /** Whether personal data in `items` is whole (an audited reveal) or masked. */
  revealed: z.boolean(),
});
export type TRowPage = z.infer<typeof ZRowPage>;

/** Where a lake row came from: its batch and the file behind it. */
export const ZRowLineage = z.object({
  datasetType: z.string(),
  batchId: z.number(),
  rowNo: z.number(),
  batch: z.object({
    id: z.number(),
    status: z.string(),
    mode: z.string(),
    forced: z.boolean(),
    rowsRead: z.number(),
    rowsLoaded: z.number(),
    rowsRejected: z.number(),
    replacedBy: z.number().nullable(),
    url: z.string(),
    qualityUrl: z.string(),
  }),
  file: z.object({
    name: z.string(),
    contentHash: z.string(),
    format: z.string(),
    departmentCode: z.string().nullable(),
    importedBy: z
      .object({ id: z.number(), username: z.string(), displayName: z.string(), organisation: z.string() })
      .nullable(),
    importedAt: z.string(),
    finishedAt: z.string().nullable(),
  }),
  /** The batch's rejected-rows report; null when no row was rejected. */
  rejectedReportUrl: z.string().nullable(),
});
export type TRowLineage = z.infer<typeof ZRowLineage>;
