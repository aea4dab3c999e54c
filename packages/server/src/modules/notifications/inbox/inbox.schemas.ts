import { z } from 'zod';
import { ZLocalisedText } from '../../../http/localised.js';
import { ZClueSummary } from '../../clues/index.js';

/** One matter awaiting the reader: the clue, the steps they may take on it, whether it awaits their approval. */
export const ZInboxItem = z.object({
  subjectType: z.literal('clue'),
  clue: ZClueSummary,
  actions: z.array(z.object({ action: z.string(), label: ZLocalisedText })),
  awaitingApproval: z.boolean(),
});

export const ZInbox = z.object({
  items: z.array(ZInboxItem),
  /** More matters await than one answer holds (the soonest due are shown). */
  truncated: z.boolean(),
});
export type TInbox = z.infer<typeof ZInbox>;
