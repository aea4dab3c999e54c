import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';

/*
 * What the clue and the case schemas share: the procedure's building blocks (ids, text,
 * identity numbers, a keyset page, a step's attachments, a deadline, a timeline entry and
 * the fields every summary carries). Written once here; the cases module reads them
 * through the clues module's index.
 */

/** A stored row's id in a path or a query (text coerced): a positive 32-bit integer. */
export const ZRecordId = z.coerce.number().int().positive().max(2_147_483_647);
/** A stored row's id inside a JSON body (a number, never coerced from text). */
export const ZRef = z.number().int().positive().max(2_147_483_647);
/** Text a person writes: trimmed, not empty, at most `max` characters. */
export const ZText = (max: number) => z.string().trim().min(1).max(max);
/** A division code of 12 digits. */
export const ZDivision = z.string().regex(/^\d{12}$/);
/** A mainland resident identity number: 17 digits and a check character. */
export const ZIdNumber = z.string().regex(/^\d{17}[\dX]$/);

/** Keyset pagination of a registry: the rows with an id below `before` (the last of the previous page). */
export const keysetPageFields = {
  before: ZRecordId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
};

export const ZAttachment = z.strictObject({ name: ZText(255), hash: z.string().regex(/^[0-9a-f]{64}$/) });
/** What every step's payload may carry besides its own fields. */
export const basics = {
  reason: z.string().max(5000).optional(),
  attachments: z.array(ZAttachment).max(100).optional(),
};

export const ZDeadline = z.object({
  step: z.string(),
  startedOn: z.string(),
  dueOn: z.string(),
  remindOn: z.array(z.string()),
  label: ZLocalisedText,
  /** running, reminding, due_today or overdue, on today's date. */
  status: z.string(),
  daysLeft: z.number(),
});

/** One entry of a clue's or a case's timeline. */
export const ZStep = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: ZLocalisedText,
  from: z.string(),
  fromLabel: ZLocalisedText,
  to: z.string(),
  toLabel: ZLocalisedText,
  actorName: z.string(),
  at: z.date(),
  reason: z.string().nullable(),
  /** What the step recorded besides its reason, in words (the disposal proposed, the reply…). */
  details: z.array(z.object({ label: ZLocalisedText, value: ZLocalisedText })),
  attachments: z.array(z.object({ name: z.string(), hash: z.string() })),
  deadline: ZDeadline.omit({ status: true, daysLeft: true }).nullable(),
});

/** The fields a clue's and a case's line in a list both carry. */
export const procedureSummaryFields = {
  id: z.number(),
  title: z.string(),
  problemType: z.string(),
  problemTypeLabel: ZLocalisedText,
  state: z.string(),
  stateLabel: ZLocalisedText,
  divisionCode: z.string(),
  deadline: ZDeadline.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
};
