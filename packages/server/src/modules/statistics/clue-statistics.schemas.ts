import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';

/** The clues counted: those received between `from` and `to` (the commission's days) in `division`. */
export const ZClueStatisticsQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** A division prefix inside the jurisdiction: the county's 6 digits, a town's 9, a village's 12. */
  division: z
    .string()
    .regex(/^(\d{6}|\d{9}|\d{12})$/)
    .optional(),
});
export type TClueStatisticsQuery = z.infer<typeof ZClueStatisticsQuery>;

const ZDurations = z.object({
  /** Completed stays measured. */
  count: z.number(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
});

/**
 * Clue figures inside the viewer's jurisdiction. Each count is the total of the clue
 * registry (`GET /api/v1/clues`) with the query's `from`, `to` and `division` and the
 * filters its own fields name (state, source, problemType, division, office, firstForm,
 * running, overdue, enteredFrom/enteredTo), so the console links each one to the list
 * behind it.
 */
export const ZClueStatistics = z.object({
  asOf: z.date(),
  /** The commission's date the overdue figures are read on. */
  today: z.iso.date(),
  total: z.number(),
  byState: z.array(z.object({ state: z.string(), label: ZLocalisedText, open: z.boolean(), count: z.number() })),
  bySource: z.array(z.object({ source: z.string(), label: ZLocalisedText, count: z.number() })),
  byProblemType: z.array(z.object({ problemType: z.string(), label: ZLocalisedText, count: z.number() })),
  /** Per town (`division`, 9 digits; the villages' clues counted in their town), with its place name. */
  byTown: z.array(z.object({ division: z.string(), name: ZLocalisedText.nullable(), count: z.number() })),
  /** Per responsible office (`office`, an organisation id). */
  byOffice: z.array(z.object({ office: z.number(), name: z.string(), count: z.number() })),
  /** Clues closed with a first-form outcome (the first of the four forms), per outcome. */
  firstForm: z.array(z.object({ outcome: z.string(), label: ZLocalisedText, count: z.number() })),
  /** Clues with a running deadline, those past it, and their ratio (null when none runs). */
  overdue: z.object({ running: z.number(), overdue: z.number(), rate: z.number().nullable() }),
  /** Per state, the completed stays in it, from the timeline (days, to one decimal). */
  durations: z.array(ZDurations.extend({ state: z.string(), label: ZLocalisedText })),
  /** From receipt to the end (closed, transferred, merged or filed as a case). */
  handling: ZDurations,
  /**
   * Per month: clues received (between `receivedFrom` and `receivedTo`, the month within
   * the query's days), and clues closed or filed as a case that month (entered between
   * `from` and `to`, the month's first and last days).
   */
  trend: z.array(
    z.object({
      month: z.string(),
      from: z.iso.date(),
      to: z.iso.date(),
      receivedFrom: z.iso.date(),
      receivedTo: z.iso.date(),
      received: z.number(),
      closed: z.number(),
      filedAsCase: z.number(),
    }),
  ),
});
export type TClueStatistics = z.infer<typeof ZClueStatistics>;
