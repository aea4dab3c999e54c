import { z } from 'zod';
import { ZLocalisedText } from '../../../http/localised.js';
import { ZCaseSummary } from '../../cases/index.js';
import { ZClueSummary } from '../../clues/index.js';

const duty = {
  actions: z.array(z.object({ action: z.string(), label: ZLocalisedText })),
  awaitingApproval: z.boolean(),
};

/** One matter awaiting the reader: the clue or case, the steps they may take on it, whether it awaits their approval. */
export const ZInboxItem = z.discriminatedUnion('subjectType', [
  z.object({ subjectType: z.literal('clue'), clue: ZClueSummary, ...duty }),
  z.object({ subjectType: z.literal('case'), case: ZCaseSummary, ...duty }),
]);
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZInbox = z.object({
  items: z.array(ZInboxItem),
  /** More matters await than one answer holds (the soonest due are shown). */
  truncated: z.boolean(),
});
export type TInbox = z.infer<typeof ZInbox>;
