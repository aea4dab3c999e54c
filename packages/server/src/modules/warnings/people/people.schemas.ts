import { z } from 'zod';
import { ZWarning } from '../warnings.schemas.js';

/** Longest search text: an identity number is 18 characters, a name rarely a tenth of this. */
const MAX_SEARCH_CHARS = 40;

export const ZPersonSearch = z.object({
  /** A person's name (its beginning) or a citizen identity number, 15 or 18 characters. */
  q: z.string().trim().min(1).max(MAX_SEARCH_CHARS),
});

/** A person a search found: masked, with how many of their warnings the viewer may read. */
export const ZPersonMatch = z.object({
  subjectKey: z.string(),
  /** Their name as rows inside the viewer's jurisdiction give it; null when none there names them. */
  name: z.string().nullable(),
  /** Masked: the region and the last four digits. */
  idNumber: z.string(),
  warningCount: z.number(),
});

export const ZPersonSearchResult = z.object({
  /** What the text was taken for. */
  by: z.enum(['id_number', 'name']),
  items: z.array(ZPersonMatch),
});
export type TPersonSearchResult = z.infer<typeof ZPersonSearchResult>;

export const ZPersonParams = z.object({ subjectKey: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const ZPersonQuery = z.object({
  /** Why the identity number is shown whole: given, it is revealed and the read audited with it. */
  reason: z.string().trim().min(1).max(500).optional(),
});

/** Most warnings one person's page lists, newest first (the total says how many there are). */
export const MAX_PERSON_WARNINGS = 200;

/** A person's page: who they are (masked unless revealed) and every warning naming them that the viewer may read. */
export const ZPerson = z.object({
  subjectKey: z.string(),
  name: z.string().nullable(),
  idNumber: z.string(),
  masked: z.boolean(),
  warnings: z.array(ZWarning),
  total: z.number(),
});
export type TPerson = z.infer<typeof ZPerson>;
