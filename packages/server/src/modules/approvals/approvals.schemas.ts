import { z } from 'zod';

export const SENSITIVE_KINDS = ['person_search', 'dataset_search', 'rejected_download'] as const;

export const ZSensitiveKind = z.enum(SENSITIVE_KINDS);

/** Asking for a sensitive query: which, exactly as it will be run, and why. */
export const ZCreateRequest = z.object({
  kind: ZSensitiveKind,
  /**
   * The query as it will be run: for a person search the text searched; for a dataset search
   * `<dataset>:<field>=<value>`. Kept only masked and as a blind index.
   */
  query: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(2).max(500),
});
export type TCreateRequest = z.infer<typeof ZCreateRequest>;

export const ZRequestParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const ZDecision = z.object({
  decision: z.enum(['approve', 'refuse']),
  note: z.string().trim().max(500).optional(),
});

export const ZRequestListQuery = z.object({
  /** `mine`: the requests one made; `to_decide`: others' pending requests one may decide. */
  view: z.enum(['mine', 'to_decide']).default('mine'),
});

export const ZSensitiveRequest = z.object({
  id: z.number(),
  kind: ZSensitiveKind,
  query: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  status: z.enum(['pending', 'approved', 'refused', 'used', 'expired']),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.date().nullable(),
  validUntil: z.date().nullable(),
  usedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type TSensitiveRequest = z.infer<typeof ZSensitiveRequest>;

export const ZSensitiveRequestList = z.object({ items: z.array(ZSensitiveRequest), approvalRequired: z.boolean() });
