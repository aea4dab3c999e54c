import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { decodeBase64, encodeBase64, LOG_HASH_NAMES, type LogHashName, type LogPublicKey } from '@qingfeng/core';
import { CliError } from '../cli-error.js';

/**
 * What a witness remembers of one log between runs (docs/transparency-log.md, "Witness"): the
 * keys it pinned, the log's origin and hash, and the last signed checkpoint it accepted.
 */
export interface WitnessState {
  readonly origin: string;
  readonly hash: LogHashName;
  readonly keys: readonly LogPublicKey[];
  /** The whole signed note last accepted; null before the first check. */
  readonly checkpoint: string | null;
}

interface StoredKey {
  algorithm: 'ed25519' | 'sm2';
  keyName: string;
  publicKey: string;
}

/**
 * Reads published keys in the form of the public keys API (`{ origin, hash, keys: [...] }`),
 * from the API itself or from a file an operator saved after comparing fingerprints.
 */
export function readPublishedKeys(json: unknown, from: string): Pick<WitnessState, 'origin' | 'hash' | 'keys'> {
  const value = json as { origin?: unknown; hash?: unknown; keys?: unknown };
  if (typeof value?.origin !== 'string' || !(LOG_HASH_NAMES as readonly unknown[]).includes(value.hash))
    throw new CliError(`${from} does not hold a log's origin and hash`);
  if (!Array.isArray(value.keys) || value.keys.length === 0) throw new CliError(`${from} lists no keys`);
  const keys = (value.keys as Partial<StoredKey>[]).map((key) => {
    const publicKey = typeof key.publicKey === 'string' ? decodeBase64(key.publicKey) : null;
    if ((key.algorithm !== 'ed25519' && key.algorithm !== 'sm2') || typeof key.keyName !== 'string' || !publicKey)
      throw new CliError(`${from} has a key without algorithm, name and base64 public key`);
    return { algorithm: key.algorithm, keyName: key.keyName, publicKey };
  });
  return { origin: value.origin, hash: value.hash as LogHashName, keys };
}

/** The state in `file`, or null when there is none yet (a witness's first run). */
export function loadWitnessState(file: string): WitnessState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: { checkpoint?: unknown };
  try {
    json = JSON.parse(text) as { checkpoint?: unknown };
  } catch {
    throw new CliError(`${file} is not a witness state file (not JSON)`);
  }
  const published = readPublishedKeys(json, file);
  const checkpoint = typeof json.checkpoint === 'string' ? json.checkpoint : null;
  return { ...published, checkpoint };
}

/** Writes the state whole or not at all (a new file renamed over the old), so a crash never leaves half of it. */
export function saveWitnessState(file: string, state: WitnessState): void {
  const json = {
    origin: state.origin,
    hash: state.hash,
    keys: state.keys.map((key) => ({ ...key, publicKey: encodeBase64(key.publicKey) })),
    checkpoint: state.checkpoint,
  };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}
