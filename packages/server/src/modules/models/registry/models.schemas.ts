import { z } from 'zod';
import { ZLocalisedText } from '../../../http/localised.js';

export const ZSeverity = z.enum(['red', 'orange', 'yellow']);

export const ZModelIdParams = z.object({ id: z.string().min(1).max(60) });

export const ZModelQuery = z.object({
  category: z.string().max(10).optional(),
  severity: ZSeverity.optional(),
  enabled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  source: z.enum(['builtin', 'user']).optional(),
});

/** Where a model stands in its review: a builder model runs only once approved. */
export const ZReviewStatus = z.enum(['draft', 'returned', 'approved']);

export const ZModelSummary = z.object({
  id: z.string(),
  reviewStatus: ZReviewStatus,
  source: z.enum(['builtin', 'user']),
  category: z.string(),
  severity: ZSeverity,
  name: ZLocalisedText,
  enabled: z.boolean(),
  schedule: z.string().nullable(),
  currentVersion: z.number().int(),
  inputs: z.array(z.string()),
  incremental: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  updatedAt: z.date(),
});
export type TModelSummary = z.infer<typeof ZModelSummary>;

export const ZModelVersion = z.object({
  version: z.number().int(),
  params: z.record(z.string(), z.unknown()),
  documentVersion: z.number().int(),
  changedBy: z.string().nullable(),
  changedAt: z.date(),
  reason: z.string(),
});

/** One step of a review: who submitted, approved or returned which version, when, and why. */
export const ZModelReview = z.object({
  version: z.number().int(),
  step: z.enum(['submitted', 'approved', 'returned']),
  by: z.string(),
  at: z.date(),
  reason: z.string().nullable(),
});

export const ZModelDetail = ZModelSummary.extend({
  document: z.record(z.string(), z.unknown()),
  versions: z.array(ZModelVersion),
  reviews: z.array(ZModelReview),
  /** The user who submitted the version under review (who may not approve it); null for none. */
  submittedBy: z.number().int().nullable(),
});
export type TModelDetail = z.infer<typeof ZModelDetail>;

export const ZModelList = z.object({ items: z.array(ZModelSummary) });

const ZReason = z.string().trim().min(2).max(500);

export const ZUpdateParameters = z.object({ params: z.record(z.string(), z.unknown()), reason: ZReason });
export const ZSetSchedule = z.object({ schedule: z.string().trim().min(1).max(100).nullable() });

/** A model document from the no-code builder; its structure is checked by the engine's validator. */
const ZDocument = z.record(z.string(), z.unknown());

export const ZCreateModel = z.object({
  document: ZDocument,
  params: z.record(z.string(), z.unknown()).optional(),
  reason: ZReason.optional(),
});
export const ZSaveModel = z.object({
  document: ZDocument,
  params: z.record(z.string(), z.unknown()).optional(),
  reason: ZReason,
});
export const ZReturnModel = z.object({ reason: ZReason });
export const ZPreviewStoredModel = z.object({ limit: z.number().int().min(1).max(500).default(50) });
export const ZPreviewModel = z.object({
  document: ZDocument,
  params: z.record(z.string(), z.unknown()).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export const ZHitEvidence = z.object({ dataset: z.string(), batchId: z.number(), rowNo: z.number(), role: z.string() });
export const ZPreviewResult = z.object({
  hits: z.array(
    z.object({
      hitKey: z.string(),
      severity: ZSeverity,
      subjectKeys: z.array(z.string()),
      evidence: z.array(ZHitEvidence),
      facts: z.record(z.string(), z.unknown()),
      explanation: ZLocalisedText,
    }),
  ),
  limited: z.boolean(),
});
