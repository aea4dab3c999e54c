import { LOG_ENTRY_KINDS } from '@qingfeng/core';
import { z } from 'zod';

/**
 * A leaf index or tree size: decimal digits only, no sign, no leading zero, below 2^53. Read as
 * text first so "-1", "1e9", "0x10" or 30 digits are a 400 naming the field, never a number
 * some later step chokes on.
 */
const zCount = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,15})$/, 'a whole number, 0 or more, in decimal digits')
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n), 'below 2^53');

export const ZEntryParams = z.object({ index: zCount });
export const ZInclusionQuery = z.object({
  /** The tree size to prove inclusion in; the latest signed tree head's when absent. */
  size: zCount.optional(),
});
export const ZReceiptParams = z.object({
  kind: z.enum(LOG_ENTRY_KINDS),
  /** The source row's id as the log records it (an audit row's id, `model/version`, …). */
  sourceId: z.string().min(1).max(200),
});
export const ZConsistencyQuery = z.object({ first: zCount, second: zCount.optional() });

const zBase64 = z.string().describe('standard base64');

export const ZCheckpoint = z.object({
  /** The whole C2SP signed note: checkpoint lines, a blank line, one signature line per key. */
  note: z.string(),
  size: z.number(),
  rootHash: zBase64,
  signedAt: z.string(),
  hash: z.enum(['sha256', 'sm3']),
});

export const ZLogKeys = z.object({
  origin: z.string(),
  hash: z.enum(['sha256', 'sm3']),
  keys: z.array(
    z.object({
      algorithm: z.enum(['ed25519', 'sm2']),
      keyName: z.string(),
      keyId: z.string().describe('the 4-byte key ID, hex'),
      publicKey: zBase64.describe('Ed25519: 32 bytes; SM2: 65 bytes 04 || x || y'),
      /** The C2SP verifier key line (name+hash+base64(type || key)) for Ed25519; null for SM2. */
      verifierKey: z.string().nullable(),
    }),
  ),
});

export const ZLogEntry = z.object({
  index: z.number(),
  kind: z.string(),
  entry: zBase64.describe('the canonical entry bytes'),
  leafHash: zBase64,
  loggedAt: z.string(),
});

export const ZInclusionProof = z.object({
  index: z.number(),
  size: z.number(),
  leafHash: zBase64,
  proof: z.array(zBase64),
});

export const ZConsistencyProof = z.object({
  first: z.number(),
  second: z.number(),
  proof: z.array(zBase64),
});

/** A receipt (docs/transparency-log.md, "Receipts"): checkable with no access to the server. */
export const ZReceipt = z.object({
  format: z.literal('qingfeng-log-receipt/v1'),
  origin: z.string(),
  hash: z.enum(['sha256', 'sm3']),
  index: z.number(),
  treeSize: z.number(),
  entry: zBase64.describe('the canonical entry bytes'),
  inclusionPath: z.array(zBase64),
  checkpoint: z.string().describe('the signed note of the tree head the path leads to'),
});
