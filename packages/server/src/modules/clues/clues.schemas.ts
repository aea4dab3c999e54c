import { CLUE_SOURCES, CLUE_STATES, FIRST_FORM_OUTCOMES, normaliseIdNumber, normaliseUscc } from '@qingfeng/core';
import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';
import { overduePageFields } from '../../http/overdue-paging.js';
import {
  basics,
  keysetPageFields,
  procedureSummaryFields,
  ZDivision,
  ZIdNumber,
  ZRecordId,
  ZRef,
  ZStep,
  ZText,
} from './procedure.schemas.js';

export const ZClueIdParams = z.object({ id: ZRecordId });

/** A unit's unified social credit code (GB 32100), normalised; duplicates are found by it. */
const ZCreditCode = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const result = normaliseUscc(s);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.reason.en });
    return z.NEVER;
  });

export const ZSubjectInput = z
  .strictObject({
    kind: z.enum(['official', 'unit']),
    name: ZText(100),
    position: ZText(200).optional(),
    idNumber: ZIdNumber.optional(),
    creditCode: ZCreditCode.optional(),
  })
  .refine((s) => s.kind === 'official' || s.idNumber === undefined, {
    message: 'A unit has a credit code, not an identity number',
    path: ['idNumber'],
  })
  .refine((s) => s.kind === 'unit' || s.creditCode === undefined, {
    message: 'A person has an identity number, not a credit code',
    path: ['creditCode'],
  });
export type TSubjectInput = z.infer<typeof ZSubjectInput>;

/**
 * A subject named on a clue's receipt or added to a clue or case after it: its identity number
 * must pass GB 11643 (check digit, birth date, province), as everywhere a number is typed in.
 */
export const ZAddedSubject = ZSubjectInput.superRefine((s, ctx) => {
  if (s.idNumber === undefined) return;
  const result = normaliseIdNumber(s.idNumber);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason.en, path: ['idNumber'] });
});

/** A person a warning names, confirmed by the handler as a subject of the clue made of it. */
const ZWarningSubjectPick = z.strictObject({
  warningId: ZRef,
  subjectKey: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  position: ZText(200).optional(),
});

export const ZRegisterClue = z
  .strictObject({
    source: z.enum(CLUE_SOURCES),
    problemType: z.string().regex(/^[a-z_]{1,40}$/),
    title: ZText(200),
    summary: ZText(5000),
    /** Where the matter lies; taken from the warnings when a clue is made of them. */
    divisionCode: ZDivision.optional(),
    subjects: z.array(ZAddedSubject).max(50).default([]),
    /** Confirmed warnings the clue is made of (source model_warning). */
    warningIds: z.array(ZRef).max(100).default([]),
    /**
     * People those warnings name whom the handler confirms as subjects, by warning and subject
     * key (from the suggestions): the server fills in the name and the sealed identity number.
     */
    warningSubjects: z.array(ZWarningSubjectPick).max(50).optional(),
  })
  .refine((b) => (b.warningSubjects ?? []).every((p) => b.warningIds.includes(p.warningId)), {
    message: 'A suggested subject comes from one of the warnings the clue is made of',
    path: ['warningSubjects'],
  })
  .refine((b) => (b.source === 'model_warning') === b.warningIds.length > 0, {
    message: 'A clue from model warnings names them, and only such a clue does',
    path: ['warningIds'],
  })
  .refine((b) => b.warningIds.length > 0 || b.divisionCode !== undefined, {
    message: 'Say where the matter lies',
    path: ['divisionCode'],
  });
export type TRegisterClue = z.infer<typeof ZRegisterClue>;

/** Confirmed warnings to join an open clue, each named once. */
export const ZJoinWarnings = z.strictObject({
  warningIds: z
    .array(ZRef)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Name each warning once' }),
});

export const ZClueQuery = z.object({
  state: z.enum(CLUE_STATES).optional(),
  source: z.enum(CLUE_SOURCES).optional(),
  problemType: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Clues with a running deadline (the overdue rate's denominator). */
  running: z.enum(['true', 'false']).optional(),
  /** A division prefix: a town's 9 digits, a village's 12 (the county's 6). */
  division: z
    .string()
    .regex(/^(\d{6}|\d{9}|\d{12})$/)
    .optional(),
  /** The responsible office's organisation id. */
  office: ZRecordId.optional(),
  /** Received on or after this day, and up to this day whole (the commission's calendar). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Entered the state it is in between these days. */
  enteredFrom: z.iso.date().optional(),
  enteredTo: z.iso.date().optional(),
  /** Closed with this first-form outcome. */
  firstForm: z.enum(FIRST_FORM_OUTCOMES).optional(),
  ...keysetPageFields,
});
export type TClueQuery = z.infer<typeof ZClueQuery>;

const ZClueRef = ZRef;

/**
 * The payload of each step as the API takes it: the client's ids are numbers the server
 * resolves; the core checks everything the procedure says about them.
 */
export const ZStepBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('register'), payload: z.strictObject({ ...basics }) }),
  z.strictObject({
    action: z.literal('merge_into'),
    payload: z.strictObject({ ...basics, targetClueId: ZClueRef }),
  }),
  z.strictObject({ action: z.literal('link_related'), payload: z.strictObject({ ...basics, clueId: ZClueRef }) }),
  z.strictObject({
    action: z.literal('reassign'),
    payload: z.strictObject({ ...basics, responsibleUserId: ZClueRef }),
  }),
  z.strictObject({ action: z.literal('recuse_person'), payload: z.strictObject({ ...basics, userId: ZClueRef }) }),
  z.strictObject({
    action: z.literal('propose_disposal'),
    payload: z.strictObject({
      ...basics,
      disposal: z.enum(['talk_inquiry', 'preliminary_verification', 'hold', 'close', 'transfer']),
      participantIds: z.array(ZRef).min(1).max(30),
      transferTo: ZText(200).optional(),
    }),
  }),
  z.strictObject({
    action: z.literal('record_inquiry_reply'),
    payload: z.strictObject({ ...basics, reply: ZText(5000) }),
  }),
  z.strictObject({
    action: z.literal('conclude_inquiry'),
    payload: z.strictObject({
      ...basics,
      conclusion: z.enum(['cleared', 'first_form', 'verify']),
      firstForm: z.enum(['reminder_talk', 'criticism', 'ordered_self_review', 'admonition']).optional(),
    }),
  }),
  z.strictObject({
    action: z.literal('record_verification_work'),
    payload: z.strictObject({ ...basics, summary: ZText(5000) }),
  }),
  z.strictObject({
    action: z.literal('submit_verification_report'),
    payload: z.strictObject({
      ...basics,
      recommendation: z.enum(['file_case', 'close', 'hold']),
      firstForm: z.enum(['reminder_talk', 'criticism', 'ordered_self_review', 'admonition']).optional(),
    }),
  }),
  ...(
    [
      'approve_disposal',
      'return_disposal',
      'submit_verification_plan',
      'approve_verification_plan',
      'return_verification_plan',
      'approve_verification_report',
      'return_verification_report',
      'reopen',
      'declare_conflict',
    ] as const
  ).map((action) => z.strictObject({ action: z.literal(action), payload: z.strictObject({ ...basics }) })),
]);
export type TStepBody = z.infer<typeof ZStepBody>;

export const ZClueSummary = z.object({
  ...procedureSummaryFields,
  registrationNumber: z.string().nullable(),
  source: z.string(),
  sourceLabel: ZLocalisedText,
});
export type TClueSummary = z.infer<typeof ZClueSummary>;

export const ZCluePage = z.object({ items: z.array(ZClueSummary), nextBefore: z.number().nullable() });

export { ZOverdueQuery, type TOverdueQuery } from '../../http/overdue-paging.js';

export const ZOverduePage = z.object({ items: z.array(ZClueSummary), ...overduePageFields });
export type TOverduePage = z.infer<typeof ZOverduePage>;

export const ZClueDetail = ZClueSummary.extend({
  summary: z.string(),
  responsibleUserId: z.number().nullable(),
  /** Who handles the clue and in which office, by name. */
  responsible: z.object({ name: z.string(), office: z.string() }).nullable(),
  proposal: z.object({ disposal: z.string(), label: ZLocalisedText, transferTo: z.string().nullable() }).nullable(),
  subjects: z.array(
    z.object({
      kind: z.string(),
      name: z.string(),
      position: z.string().nullable(),
      idNumber: z.string().nullable(),
      creditCode: z.string().nullable(),
    }),
  ),
  warningIds: z.array(z.number()),
  links: z.array(z.object({ clueId: z.number(), kind: z.string() })),
  timeline: z.array(ZStep),
  /** The steps the signed-in user may take now, as the core's rules say. */
  allowedActions: z.array(z.object({ action: z.string(), label: ZLocalisedText })),
});
export type TClueDetail = z.infer<typeof ZClueDetail>;

export const ZProblemTypes = z.object({ items: z.array(z.object({ code: z.string(), label: ZLocalisedText })) });

/** Why another clue may be a duplicate of, or related to, this one. */
export const RELATED_REASONS = ['same_person', 'same_unit', 'same_warning_subject'] as const;

export const ZRelatedClues = z.object({
  items: z.array(
    ZClueSummary.extend({
      reasons: z.array(z.object({ code: z.enum(RELATED_REASONS), label: ZLocalisedText })),
      /** How the two clues are already tied, if they are: merged or related. */
      linked: z.string().nullable(),
    }),
  ),
});
export type TRelatedClues = z.infer<typeof ZRelatedClues>;

export const ZClueSearch = z.strictObject({ idNumber: ZIdNumber });
