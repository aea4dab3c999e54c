import { z } from 'zod';

/** Most report lines one page may hold. */
export const MAX_REJECTED_PAGE = 100;

export const ZRejectedQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_REJECTED_PAGE).default(20),
  /** Why the values are needed whole: needs person.read, and is audited as a read of personal data. */
  reason: z.string().trim().min(2).max(1000).optional(),
});

/** One problem of a refused (or partly kept) row, its value masked by the field it was meant for. */
export const ZRejectedLine = z.object({
  /** The row's line in the file, as the CSV download numbers it (the header is line 1). */
  rowNo: z.number(),
  /** The file's own header of the column; empty for a problem of the whole row. */
  column: z.string(),
  /** The standard's field the column was matched to; empty for a problem of the whole row. */
  field: z.string(),
  value: z.string(),
  reason: z.object({ zh: z.string(), en: z.string() }),
  /** The row was loaded with this cell empty (an optional field), not refused. */
  kept: z.boolean(),
});
export type TRejectedLine = z.infer<typeof ZRejectedLine>;

/** A page of the report: offset paging over its lines in file order; `hasMore` says whether a next page exists. */
export const ZRejectedPage = z.object({
  items: z.array(ZRejectedLine),
  page: z.number(),
  pageSize: z.number(),
  hasMore: z.boolean(),
  /** False when the values are shown whole (a reason was given). */
  masked: z.boolean(),
});
