import { z } from 'zod';

export const ZDivisionQuery = z.object({
  parent: z
    .string()
    .trim()
    .regex(/^(\d{6}|\d{9}|\d{12})$/, 'must be a 6-, 9- or 12-digit division code')
    .optional(),
  q: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type TDivisionQuery = z.infer<typeof ZDivisionQuery>;

export const ZDivision = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
});
export type TDivision = z.infer<typeof ZDivision>;

export const ZDivisionList = z.object({ items: z.array(ZDivision) });

export const ZDivisionImportResult = z.object({
  encoding: z.enum(['utf-8', 'gb18030']),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
});
export type TDivisionImportResult = z.infer<typeof ZDivisionImportResult>;
