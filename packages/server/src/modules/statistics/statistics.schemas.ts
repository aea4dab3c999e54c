import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';

const ZSeverity = z.enum(['red', 'orange', 'yellow']);
/** The statuses still waiting for a handler: what "open" means on the overview. */
export const OPEN_STATUSES = ['new', 'under_review'] as const;
const ZOpenStatus = z.enum(OPEN_STATUSES);
const ZStatus = z.enum(['new', 'under_review', 'confirmed', 'false_positive', 'not_actionable']);

/** A division the overview counts in: its code for the list's filter, its place name for the reader. */
const ZPlaceCount = z.object({
  /** The division's prefix the warning list filters by (`division`): 9 digits for a town, 12 for a village. */
  division: z.string(),
  /** Its place name from the division register; null when the register does not know it. */
  name: ZLocalisedText.nullable(),
  count: z.number(),
});

/**
 * Every figure counts live (not retired) warnings inside the viewer's jurisdiction, and
 * can be reproduced by the warning list with the filters its fields name, so that the
 * console links each one to the list behind it.
 */
export const ZWarningOverview = z.object({
  byStatus: z.array(z.object({ status: ZStatus, count: z.number() })),
  bySeverity: z.array(z.object({ severity: ZSeverity, status: ZOpenStatus, count: z.number() })),
  byCategory: z.array(
    z.object({ category: z.string(), label: ZLocalisedText, status: ZOpenStatus, count: z.number() }),
  ),
  /** Open warnings per town (the villages' warnings counted in their town). */
  byTown: z.array(ZPlaceCount.extend({ status: ZOpenStatus })),
  /** Per month of first sight, the last twelve months: every warning first seen, and those since judged. */
  trend: z.array(
    z.object({
      month: z.string(),
      from: z.iso.date(),
      to: z.iso.date(),
      found: z.number(),
      confirmed: z.number(),
      falsePositive: z.number(),
    }),
  ),
  /** Open warnings first seen on or before `before`, i.e. waiting longer than `days` days. */
  overdue: z.object({
    days: z.number(),
    before: z.iso.date(),
    byStatus: z.array(z.object({ status: ZOpenStatus, count: z.number() })),
  }),
  /** The towns and villages with most confirmed problems, five each. */
  mostConfirmed: z.object({ towns: z.array(ZPlaceCount), villages: z.array(ZPlaceCount) }),
});
export type TWarningOverview = z.infer<typeof ZWarningOverview>;

/** A dataset type's last loaded batch in the jurisdiction, and the enabled models that read it. */
export const ZFreshness = z.object({
  datasetType: z.string(),
  lastLoadedAt: z.date(),
  batches: z.number(),
  models: z.array(z.object({ id: z.string(), name: ZLocalisedText })),
});
export type TFreshness = z.infer<typeof ZFreshness>;

/**
 * The overview (驾驶舱). Each section is null when the viewer's role may not read what it
 * counts; clue and case statistics will join as sections of their own.
 */
export const ZOverview = z.object({
  asOf: z.date(),
  warnings: ZWarningOverview.nullable(),
  freshness: z.array(ZFreshness).nullable(),
});
export type TOverview = z.infer<typeof ZOverview>;
