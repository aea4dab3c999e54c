import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';
import { pageOf, pageQueryFields } from '../../http/paging.js';

export const ZWarningStatus = z.enum(['new', 'under_review', 'confirmed', 'false_positive', 'not_actionable']);
const ZSeverity = z.enum(['red', 'orange', 'yellow']);
export const ZRetiredReason = z.enum(['evidence_rolled_back', 'no_longer_found']);
/** Retired warnings are left out unless asked for: lists and exports show what is still live. */
const ZRetiredFilter = z.enum(['exclude', 'only', 'include']).default('exclude');

export const ZWarningIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const ZModelId = z.string().max(60);

export const ZWarningFilter = z.object({
  /** The model's id (`model` is the older name, still read). */
  modelId: ZModelId.optional(),
  model: ZModelId.optional(),
  severity: ZSeverity.optional(),
  /** A status, or `open`: new or under review, and not retired (what the overview counts as open). */
  status: z.union([ZWarningStatus, z.literal('open')]).optional(),
  /** The category of the warning's model (its registry row). */
  category: z.string().max(60).optional(),
  /** A division code or its leading digits (a town's 9, a village's 12): within the viewer's jurisdiction only. */
  division: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
  retired: ZRetiredFilter,
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/**
 * The columns the list may be sorted by, `-` before one for descending. A whitelist: the
 * key picks a fixed column, never text put into SQL. Ties fall back to the id, descending.
 */
export const WARNING_SORT_KEYS = [
  'id',
  'modelId',
  'severity',
  'status',
  'division',
  'firstSeenAt',
  'lastSeenAt',
] as const;
export type WarningSortKey = (typeof WARNING_SORT_KEYS)[number];
export const ZWarningSort = z.enum([...WARNING_SORT_KEYS, ...WARNING_SORT_KEYS.map((k) => `-${k}` as const)]);

/** An opaque position in the list (a previous answer's nextCursor or prevCursor). */
const ZCursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * A page: `after` (the rows following a position) or `before` (those preceding it) page by
 * keyset, as fast on the last page as on the first; without either, `page` counts rows from
 * the start (a link typed or shared). With a cursor, `page` is only the number the client shows.
 */
export const ZWarningQuery = ZWarningFilter.extend({
  ...pageQueryFields(20),
  sort: ZWarningSort.default('-id'),
  after: ZCursor.optional(),
  before: ZCursor.optional(),
}).refine((q) => q.after === undefined || q.before === undefined, {
  message: 'after 与 before 只能给一个 / give after or before, not both',
  path: ['before'],
});

export const ZWarning = z.object({
  id: z.number(),
  hitKey: z.string(),
  modelId: z.string(),
  modelVersion: z.number(),
  severity: ZSeverity,
  status: ZWarningStatus,
  statusReason: z.string().nullable(),
  divisionCode: z.string().nullable(),
  /** The division's place name (town and village) from the division register; null when it does not know the code. */
  divisionName: ZLocalisedText.nullable(),
  subjectKey: z.string().nullable(),
  explanation: ZLocalisedText,
  firstSeenAt: z.date(),
  lastSeenAt: z.date(),
  lastRunId: z.number().nullable(),
  /** Set when the data no longer supports the warning; the status stays the handlers'. */
  retiredAt: z.date().nullable(),
  retiredReason: ZRetiredReason.nullable(),
  /**
   * What the warning gathers (one warning per problem): its evidence rows, the items its
   * model counts (payments, claims…), the period they span ('YYYY-MM' or a date, null when
   * the model names none) and their total in yuan (null when the model has no amount).
   */
  summary: z.object({
    evidenceCount: z.number(),
    itemCount: z.number(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    amountTotal: z.number().nullable(),
  }),
});
export type TWarning = z.infer<typeof ZWarning>;

export const ZWarningPage = pageOf(ZWarning).extend({
  /** `total` is a floor, not a count: a filter by dates is counted no further than WARNING_COUNT_LIMIT. */
  totalIsAtLeast: z.boolean(),
  /** The position after this page's last row, when more follow; the position before its first, when it is not the first. */
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
});
export type TWarningPage = z.infer<typeof ZWarningPage>;

export const ZEvidenceRow = z.object({
  dataset: z.string(),
  batchId: z.number(),
  rowNo: z.number(),
  role: z.string(),
  /** Null when the row is gone from the lake (its batch was rolled back or replaced) or lies outside the viewer's jurisdiction. */
  values: z.record(z.string(), z.unknown()).nullable(),
  /** The row is still in the lake but lies in another jurisdiction, so its values are withheld. */
  outsideJurisdiction: z.boolean(),
});
export type TEvidenceRow = z.infer<typeof ZEvidenceRow>;

/** A person or organisation a warning names, by its subject key. */
export const ZSubject = z.object({
  subjectKey: z.string(),
  /** `person` or `organisation`; null when the subject index no longer knows the key. */
  kind: z.string().nullable(),
  /** The subject the hit is about; the others are the hit's other parties. */
  primary: z.boolean(),
  /** The identity number (masked unless revealed) or credit code; null when unknown or withheld. */
  identifier: z.string().nullable(),
  /** Known, but shown by no evidence row the viewer may read (they lie in another jurisdiction). */
  withheld: z.boolean(),
});
export type TSubject = z.infer<typeof ZSubject>;

/** One warning of an export: as the list shows it, with its subjects and evidence rows as the detail view shows them. */
export const ZExportedWarning = ZWarning.extend({ subjects: z.array(ZSubject), evidence: z.array(ZEvidenceRow) });
export type TExportedWarning = z.infer<typeof ZExportedWarning>;

export const ZWarningDetail = ZWarning.extend({
  /** The policy basis and handling guidance of the model version that raised it; null where its document names none. */
  basis: ZLocalisedText.nullable(),
  handling: ZLocalisedText.nullable(),
  facts: z.record(z.string(), z.unknown()),
  /** Place names of the division codes the evidence rows hold (12-digit code → name), for showing them in words. */
  places: z.record(z.string(), ZLocalisedText),
  masked: z.boolean(),
  evidence: z.array(ZEvidenceRow),
  events: z.array(
    z.object({
      /** A handler's status change, or what the platform did because of the data. */
      kind: z.enum(['status', 'retired', 'restored', 'not_found', 'evidence_added']),
      from: z.string(),
      to: z.string(),
      reason: z.string().nullable(),
      by: z.string().nullable(),
      runId: z.number().nullable(),
      batchId: z.number().nullable(),
      at: z.date(),
    }),
  ),
});
export type TWarningDetail = z.infer<typeof ZWarningDetail>;

export const ZDetailQuery = z.object({
  /** Why the whole identity and phone numbers are needed; only with person.read, and audited. */
  reason: z.string().trim().min(2).max(500).optional(),
});

const ZStatusChange = z.object({ status: ZWarningStatus, reason: z.string().trim().max(1000).optional() });
export const ZChangeStatus = ZStatusChange;
export const ZBulkChangeStatus = ZStatusChange.extend({ ids: z.array(z.number().int().positive()).min(1).max(500) });
export const ZBulkResult = z.object({ updated: z.array(z.number()) });

export const ZStatsQuery = z.object({ model: z.string().max(60).optional() });
const ZCounts = z.object({
  hits: z.number(),
  confirmed: z.number(),
  falsePositives: z.number(),
  notActionable: z.number(),
  /** New or under review, and not retired. */
  open: z.number(),
  retired: z.number(),
  /** confirmed / (confirmed + false positives); null before any is judged. */
  precision: z.number().nullable(),
});
export const ZModelStats = ZCounts.extend({
  modelId: z.string(),
  trend: z.array(ZCounts.extend({ month: z.string() })),
});
export const ZStats = z.object({ items: z.array(ZModelStats) });
export type TModelStats = z.infer<typeof ZModelStats>;

/** The list's filters (the console's date range included), and the format. */
export const ZExportQuery = ZWarningFilter.extend({
  format: z.enum(['csv', 'json']).default('csv'),
  /** The reader's language: a CSV's codes (severity, status, evidence values) are written in its words. */
  lang: z.enum(['zh', 'en']).default('zh'),
});
