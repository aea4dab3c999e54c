import {
  CASE_STATES,
  FIRST_FORM_OUTCOMES,
  GOVERNMENT_SANCTIONS,
  MEASURE_KINDS,
  ORGANISATIONAL_HANDLINGS,
  PARTY_SANCTIONS,
} from '@qingfeng/core';
import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';
import { overduePageFields } from '../../http/overdue-paging.js';
import {
  basics,
  keysetPageFields,
  procedureSummaryFields,
  ZDeadline,
  ZRecordId as ZId,
  ZStep,
  ZText,
} from '../clues/index.js';

export const ZCaseIdParams = z.object({ id: ZId });
export const ZEvidenceParams = z.object({ id: ZId, evidenceId: ZId });

const ZUserIds = z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(20);

export const ZProposeCase = z.strictObject({
  problemType: z.string().regex(/^[a-z_]{1,40}$/),
  title: ZText(200),
  summary: ZText(5000),
  divisionCode: z.string().regex(/^\d{12}$/),
  subjects: z
    .array(
      z.strictObject({
        kind: z.enum(['official', 'unit']),
        name: ZText(100),
        position: ZText(200).optional(),
        idNumber: z
          .string()
          .regex(/^\d{17}[\dX]$/)
          .optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type TProposeCase = z.infer<typeof ZProposeCase>;

export const ZCaseQuery = z.object({
  state: z.enum(CASE_STATES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...keysetPageFields,
});
export type TCaseQuery = z.infer<typeof ZCaseQuery>;

const ZMeasureRef = z.string().regex(/^M\d{1,6}$/);

/** One person's disposition as the trial office proposes it; `subjectId` is a subject of the case. */
const ZDisposition = z.strictObject({
  subjectId: ZId,
  firstForm: z.enum(FIRST_FORM_OUTCOMES).optional(),
  party: z.enum(PARTY_SANCTIONS).optional(),
  government: z.enum(GOVERNMENT_SANCTIONS).optional(),
  organisational: z.array(z.enum(ORGANISATIONAL_HANDLINGS)).max(5).optional(),
  transferToProcuratorate: z.boolean().optional(),
});

/**
 * The payload of each step as the API takes it: user and subject ids are numbers the server
 * resolves; the core checks everything the procedure says about them. Evidence is added
 * only by uploading it (`POST /cases/:id/evidence`), so its hash is always the server's.
 */
export const ZCaseStepBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('approve_filing'),
    payload: z.strictObject({ ...basics, investigatorIds: ZUserIds }),
  }),
  z.strictObject({
    action: z.literal('accept_for_trial'),
    payload: z.strictObject({ ...basics, reviewerIds: ZUserIds }),
  }),
  z.strictObject({
    action: z.literal('propose_measure'),
    payload: z.strictObject({ ...basics, kind: z.enum(MEASURE_KINDS) }),
  }),
  ...(['approve_measure', 'reject_measure', 'lift_measure'] as const).map((action) =>
    z.strictObject({ action: z.literal(action), payload: z.strictObject({ ...basics, measureId: ZMeasureRef }) }),
  ),
  z.strictObject({
    action: z.literal('conclude_trial'),
    payload: z.strictObject({ ...basics, dispositions: z.array(ZDisposition).min(1).max(50) }),
  }),
  ...(
    [
      'reject_filing',
      'submit_investigation_plan',
      'approve_investigation_plan',
      'return_investigation_plan',
      'submit_investigation_report',
      'revoke_filing',
      'return_to_investigation',
      'decide',
      'return_to_trial',
      'close_case',
    ] as const
  ).map((action) => z.strictObject({ action: z.literal(action), payload: z.strictObject({ ...basics }) })),
]);
export type TCaseStepBody = z.infer<typeof ZCaseStepBody>;

export const ZRecordEvidence = z.strictObject({
  title: ZText(500),
  /** A written record (笔录, 情况说明) kept as UTF-8 text. */
  text: ZText(100_000),
  supersedes: ZId.optional(),
});
export type TRecordEvidence = z.infer<typeof ZRecordEvidence>;

export const ZCaseSummary = z.object({
  ...procedureSummaryFields,
  caseNumber: z.string().nullable(),
  clueId: z.number().nullable(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

export const ZCasePage = z.object({ items: z.array(ZCaseSummary), nextBefore: z.number().nullable() });

/** A page of the overdue list, with the positions before and after it (null at either end). */
export const ZOverdueCasePage = z.object({ items: z.array(ZCaseSummary), ...overduePageFields });
export type TOverdueCasePage = z.infer<typeof ZOverdueCasePage>;

const ZWords = z.object({ label: ZLocalisedText, value: ZLocalisedText });

export const ZEvidenceItem = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  hashName: z.string(),
  hash: z.string(),
  supersedes: z.number().nullable(),
  supersededBy: z.number().nullable(),
  addedByName: z.string(),
  addedAt: z.date(),
});

export const ZCaseDetail = ZCaseSummary.extend({
  summary: z.string(),
  subjects: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      name: z.string(),
      position: z.string().nullable(),
      idNumber: z.string().nullable(),
    }),
  ),
  investigators: z.array(z.string()),
  trialReviewers: z.array(z.string()),
  measures: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      kindLabel: ZLocalisedText,
      status: z.string(),
      statusLabel: ZLocalisedText,
      needsApproval: z.boolean(),
      proposedAt: z.string(),
      deadline: ZDeadline.nullable(),
    }),
  ),
  evidence: z.array(ZEvidenceItem),
  /** The trial office's proposal, or the decision once taken: each person's outcome in words. */
  dispositions: z.array(z.object({ subject: z.string(), outcome: z.array(ZWords), form: ZLocalisedText.nullable() })),
  decided: z.object({ at: z.string(), by: z.string() }).nullable(),
  timeline: z.array(ZStep),
  /** The steps the signed-in user may take now, as the core's rules say. */
  allowedActions: z.array(z.object({ action: z.string(), label: ZLocalisedText })),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;
