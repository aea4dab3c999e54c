import { PROPERTY_KINDS, PROPERTY_PLACES } from '@qingfeng/core';
import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';

const ZLocation = z.strictObject({ place: z.enum(PROPERTY_PLACES), where: z.string().max(200) });
const ZQuantity = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** One ledger entry as the API takes it; the core checks what the ledger allows. */
export const ZPropertyEntry = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('register'),
    kind: z.enum(PROPERTY_KINDS),
    description: z.string().trim().min(1).max(2000),
    unit: z.enum(['fen', 'piece']),
    quantity: ZQuantity,
    to: ZLocation,
  }),
  z.strictObject({
    type: z.literal('move'),
    itemId: z.string().regex(/^P\d{1,6}$/),
    quantity: ZQuantity,
    from: ZLocation,
    to: ZLocation,
    authority: z.string().trim().min(1).max(200).optional(),
  }),
]);
export type TPropertyEntry = z.infer<typeof ZPropertyEntry>;

const ZPlaceTotals = z.record(z.string(), z.number());

export const ZLedger = z.object({
  items: z.array(
    z.object({
      itemId: z.string(),
      kind: z.string(),
      kindLabel: ZLocalisedText,
      description: z.string(),
      unit: z.string(),
      registered: z.number(),
      locations: z.array(
        z.object({ place: z.string(), placeLabel: ZLocalisedText, where: z.string(), quantity: z.number() }),
      ),
    }),
  ),
  balance: z.object({
    registered: z.object({ fen: z.number(), piece: z.number() }),
    totals: z.object({ fen: ZPlaceTotals, piece: ZPlaceTotals }),
    balanced: z.boolean(),
  }),
  entries: z.array(
    z.object({
      id: z.string(),
      itemId: z.string(),
      type: z.string(),
      entry: z.record(z.string(), z.unknown()),
      actorName: z.string(),
      at: z.date(),
    }),
  ),
});
