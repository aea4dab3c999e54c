import { type KeyRing, withNewKey, withoutKey } from '../../security/key-ring.js';
import type { KeyRingSource } from '../../security/master-key.js';
import { countKeyUse } from './key-usage.js';
import type { ReencryptDeps } from './key-rotation.js';

/**
 * The first step of `keys rotate`: adds a new current key to the key file and returns its
 * version. Servers pick the new ring up from the file within a second, so they read both
 * keys and write with the new one from then on; `reencryptAll` does the rest. Returns null
 * when the ring comes from QF_KEY_RING: there the operator puts the new key, as current, on
 * every server before re-encrypting.
 */
export function addCurrentKey(source: KeyRingSource, now: Date): number | null {
  if (!source.writable) return null;
  const ring = withNewKey(source.ring(), now);
  source.save(ring);
  return ring.current;
}

export class KeyInUseError extends Error {}

/**
 * `keys retire <version>`: removes a key only when no ciphertext in either store names it
 * any more; returns the ring without it (already saved when the ring is the key file).
 */
export async function retireKey(source: KeyRingSource, deps: ReencryptDeps, version: number): Promise<KeyRing> {
  const ring = withoutKey(source.ring(), version);
  const use = await countKeyUse(deps.db, deps.lake, version);
  if (use.store + use.lake > 0) {
    throw new KeyInUseError(
      `Key version ${version} still seals ${use.store} value(s) in the operational store and ${use.lake} in the lake: run \`qingfeng keys rotate --resume\` first`,
    );
  }
  if (source.writable) source.save(ring);
  return ring;
}
