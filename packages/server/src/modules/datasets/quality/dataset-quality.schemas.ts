import { z } from 'zod';

const ZLocalised = z.object({ zh: z.string(), en: z.string() });
const ZScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ZQualityQuery = z.object({
  /** Recompute in the lake instead of answering from the last snapshot. */
  refresh: z.enum(['true', 'false', '1', '0']).optional(),
});

/** Figures of one field over the rows in view. */
export const ZFieldQuality = z.object({
  key: z.string(),
  label: ZLocalised,
  type: z.string(),
  required: z.boolean(),
  nonNull: z.number(),
  /** Share of rows with a value, 0–1; null when there are no rows. */
  completeness: z.number().nullable(),
  distinct: z.number(),
  /** Dates, months, times, money and numbers: the smallest and largest value. */
  min: ZScalar.optional(),
  max: ZScalar.optional(),
  /**
   * Identifier fields: values loaded against rows rejected for this column. `validRate` is
   * loaded / (loaded + rejected); null when neither happened.
   */
  identifier: z.object({ loaded: z.number(), rejected: z.number(), validRate: z.number().nullable() }).optional(),
  /**
   * Cells of this field kept without their value: the value could not be read (an unknown
   * code, a malformed date or amount) and, the field being optional, the row loaded with it
   * empty. Absent from reports computed before such cells were counted.
   */
  keptWithoutValue: z.number().optional(),
  /** Enum fields: the ten most frequent codes. */
  topValues: z.array(z.object({ value: ZScalar, count: z.number() })).optional(),
  /** Money fields: ten equal-width buckets between min and max (the last includes max). */
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })).optional(),
});
export type TFieldQuality = z.infer<typeof ZFieldQuality>;

/** Rows sharing a natural key. */
export const ZDuplicateKey = z.object({
  fields: z.array(z.string()),
  /** Keys held by more than one row, and how many rows hold them. */
  groups: z.number(),
  rows: z.number(),
  /** Where to look: up to 20 of those rows, grouped (lineage addresses only, no values). */
  examples: z.array(z.object({ group: z.number(), batchId: z.number(), rowNo: z.number(), lineageUrl: z.string() })),
});
export type TDuplicateKey = z.infer<typeof ZDuplicateKey>;

/** A quality report of a dataset or one batch, as the viewer's jurisdiction sees it. */
export const ZQualityReport = z.object({
  datasetType: z.string(),
  batchId: z.number().nullable(),
  jurisdictionPrefix: z.string(),
  computedAt: z.string(),
  /** True when answered from the stored snapshot rather than computed for this request. */
  cached: z.boolean(),
  /** Rows in the lake in view. */
  rows: z.number(),
  /** Batches counted and their import counts (read, rejected, cells kept without value). */
  batches: z.object({
    count: z.number(),
    rowsRead: z.number(),
    rowsRejected: z.number(),
    cellsKept: z.number().optional(),
  }),
  fields: z.array(ZFieldQuality),
  duplicates: z.array(ZDuplicateKey),
});
export type TQualityReport = z.infer<typeof ZQualityReport>;
