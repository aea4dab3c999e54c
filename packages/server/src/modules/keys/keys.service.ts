import { type KeyRing, withNewKey, withoutKey } from '../../security/key-ring.js';
import type { KeyRingSource } from '../../security/master-key.js';
import { countKeyUse } from './key-usage.js';
import { type ReencryptCounts, type ReencryptDeps, type ReencryptOptions, reencryptAll } from './key-rotation.js';

export interface RotationResult extends ReencryptCounts {
  /** The version every ciphertext is now (or, if interrupted, is becoming) sealed with. */
  readonly current: number;
  /** Whether this run added the key (false when resuming, or when the ring is QF_KEY_RING). */
  readonly added: boolean;
}

/**
 * `keys rotate`: adds a new current key to the ring (unless resuming an interrupted run, or
 * the ring comes from QF_KEY_RING, where the operator has already put the new key on every
 * server), then re-seals everything under it. Servers pick the new ring up from the file
 * within a second, so they read both keys and write with the new one throughout.
 */
export async function rotateKeys(
  source: KeyRingSource,
  deps: ReencryptDeps,
  options: ReencryptOptions & { resume?: boolean; now: Date },
): Promise<RotationResult> {
  const added = source.writable && !options.resume;
  if (added) source.save(withNewKey(source.ring(), options.now));
  const counts = await reencryptAll(deps, options);
  return { ...counts, current: deps.fieldCrypto.currentVersion(), added };
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
