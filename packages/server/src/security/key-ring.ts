import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The key ring: every key version that ciphertexts may name, and the current one that new
 * ciphertexts use. Kept as JSON (`{ "current": 2, "keys": [{ "version": 1, "key": "<64 hex>",
 * "created": "…" }] }`) in the data folder or in QF_KEY_RING. Each entry is 32 bytes of key
 * material; the cipher and blind-index keys are derived from it (see FieldCrypto).
 */
const ZKeyRing = z
  .object({
    current: z.number().int().min(1),
    keys: z
      .array(
        z.object({
          version: z.number().int().min(1),
          key: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters'),
          created: z.string().optional(),
        }),
      )
      .min(1),
  })
  .refine((r) => r.keys.some((k) => k.version === r.current), 'the current version must be in the ring')
  .refine((r) => new Set(r.keys.map((k) => k.version)).size === r.keys.length, 'versions must be distinct');

export type KeyRing = z.infer<typeof ZKeyRing>;

/** A ring that cannot be read, or a change to it that is refused. */
export class KeyRingError extends Error {}

/** Parses ring JSON; the message names what is wrong (never the key material). */
export function parseKeyRing(text: string, origin: string): KeyRing {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyRingError(`${origin} is not JSON`);
  }
  const parsed = ZKeyRing.safeParse(json);
  if (!parsed.success)
    throw new KeyRingError(`${origin} is not a key ring: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

/** A ring of one key, version 1: what a data folder had before rings (its `v1.` ciphertexts). */
export function singleKeyRing(key: Buffer): KeyRing {
  return { current: 1, keys: [{ version: 1, key: key.toString('hex') }] };
}

/** The ring with a fresh random key added as the next version and made current. */
export function withNewKey(ring: KeyRing, now: Date): KeyRing {
  const version = Math.max(...ring.keys.map((k) => k.version)) + 1;
  const key = { version, key: randomBytes(32).toString('hex'), created: now.toISOString() };
  return { current: version, keys: [...ring.keys, key] };
}

/** The ring without `version`; refuses to drop the current key. */
export function withoutKey(ring: KeyRing, version: number): KeyRing {
  if (version === ring.current) throw new KeyRingError(`Key version ${version} is the current key`);
  if (!ring.keys.some((k) => k.version === version))
    throw new KeyRingError(`Key version ${version} is not in the ring`);
  return { current: ring.current, keys: ring.keys.filter((k) => k.version !== version) };
}
