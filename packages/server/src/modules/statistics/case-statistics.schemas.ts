import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';

const ZCoded = z.object({ code: z.string(), label: ZLocalisedText, count: z.number() });
const ZDurations = z.object({ count: z.number(), medianDays: z.number().nullable(), p90Days: z.number().nullable() });

/**
 * Case figures inside the viewer's jurisdiction. `byState` and the overdue count are the
 * totals of the case registry (`GET /api/v1/cases`) filtered by `state` and `overdue=true`;
 * dispositions and the four forms count people, from the decisions the core recorded; the
 * property totals are the money-and-property ledger replayed by the core.
 */
export const ZCaseStatistics = z.object({
  asOf: z.date(),
  today: z.iso.date(),
  total: z.number(),
  byState: z.array(z.object({ state: z.string(), label: ZLocalisedText, open: z.boolean(), count: z.number() })),
  overdue: z.object({ running: z.number(), overdue: z.number(), rate: z.number().nullable() }),
  durations: z.array(ZDurations.extend({ state: z.string(), label: ZLocalisedText })),
  dispositions: z.object({
    /** People with a decided disposition. */
    people: z.number(),
    party: z.array(ZCoded),
    government: z.array(ZCoded),
    organisational: z.array(ZCoded),
    firstForm: z.array(ZCoded),
    transferToProcuratorate: z.number(),
  }),
  /** People per form of the four (1 to 4), as the core classified them. */
  fourForms: z.array(z.object({ form: z.number(), label: ZLocalisedText, count: z.number() })),
  /** Money (in fen) and items (pieces) registered, and where they are now, per place. */
  property: z.object({
    registered: z.object({ fen: z.number(), piece: z.number() }),
    byPlace: z.array(z.object({ place: z.string(), label: ZLocalisedText, fen: z.number(), piece: z.number() })),
    balanced: z.boolean(),
  }),
});
export type TCaseStatistics = z.infer<typeof ZCaseStatistics>;
