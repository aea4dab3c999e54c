import { z } from 'zod';

const ZLocalised = z.object({ zh: z.string(), en: z.string() });

/**
 * Every column of an imported file accounted for (core's ColumnAccounting), and the unknown
 * values of its coded fields: the one schema of the preview's, the upload's and the push's answers.
 */
export const ZColumnAccounting = z.object({
  dataset: z.string(),
  columns: z.number(),
  /** Columns that feed a field. */
  matchedColumns: z.number(),
  /** Columns that fed no field, each with fields it might feed (by likeness of labels and synonyms). */
  unusedColumns: z.array(
    z.object({
      index: z.number(),
      header: z.string(),
      /** The field another column already feeds, when this one matched it too. */
      duplicateOf: z.string().nullable(),
      suggestions: z.array(z.object({ field: z.string(), label: ZLocalised, score: z.number(), word: z.string() })),
    }),
  ),
  /** Fields no column feeds (`no_column`) or, after an import, empty in every row (`all_empty`). */
  emptyFields: z.array(
    z.object({
      field: z.string(),
      label: ZLocalised,
      required: z.boolean(),
      reason: z.enum(['no_column', 'all_empty']),
      header: z.string().nullable(),
    }),
  ),
  /** Enabled models reading an empty field: they cannot see these rows. */
  blindModels: z.array(z.object({ id: z.string(), name: ZLocalised, fields: z.array(z.string()) })),
  /**
   * Values of coded fields that are none of their codes, labels or terms (in the rows the
   * preview scanned, or in the whole batch), with the codes a person might map each to in a
   * value mapping: `contains` when the value holds exactly one code's label or term, else
   * `similar` by shared characters. Never applied without a person's word.
   */
  unknownValues: z.array(
    z.object({
      field: z.string(),
      label: ZLocalised,
      required: z.boolean(),
      value: z.string(),
      count: z.number(),
      suggestions: z.array(
        z.object({
          code: z.string(),
          label: ZLocalised,
          how: z.enum(['contains', 'similar']),
          score: z.number(),
          word: z.string(),
        }),
      ),
    }),
  ),
});
export type TColumnAccounting = z.infer<typeof ZColumnAccounting>;
