import { decodeBase64, encodeBase64 } from './bytes.js';
import { hasForbiddenCharacter, isValidKeyName, noteSignedBytes } from './signed-note.js';

/**
 * C2SP checkpoints (c2sp.org/tlog-checkpoint): the note text of a signed tree head.
 *
 *   <origin>\n
 *   <tree size, decimal, no leading zeros>\n
 *   <root hash, standard base64>\n
 *   [<extension line>\n …]
 *
 * Qingfeng writes one extension line, `time <unix seconds>`: the issue asks tree heads to carry
 * their time, and the cosignature format that would carry it is for witnesses, not the log.
 */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly extensions: readonly string[];
}

const TIME_PREFIX = 'time ';
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** The note text of a checkpoint; throws on what a checkpoint cannot hold. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  // Our own origins follow the spec's recommendation (a key name is also the origin), while
  // parsing accepts any non-empty origin, as the spec tells clients to.
  if (!isValidKeyName(checkpoint.origin)) throw new TypeError(`bad origin ${JSON.stringify(checkpoint.origin)}`);
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0)
    throw new RangeError(`bad tree size ${checkpoint.size}`);
  if (checkpoint.rootHash.length === 0) throw new TypeError('a checkpoint needs its root hash');
  for (const line of checkpoint.extensions) {
    if (line.length === 0 || line.includes('\n') || hasForbiddenCharacter(line))
      throw new TypeError('extension lines are non-empty, one line each');
  }
  const lines = [
    checkpoint.origin,
    String(checkpoint.size),
    encodeBase64(checkpoint.rootHash),
    ...checkpoint.extensions,
  ];
  return lines.map((line) => `${line}\n`).join('');
}

/** The bytes the log's keys sign for a checkpoint. */
export function checkpointSignedBytes(checkpoint: Checkpoint): Uint8Array {
  return noteSignedBytes(formatCheckpoint(checkpoint));
}

/**
 * Reads a checkpoint's note text (signatures already split off), or null if it is malformed:
 * fewer than three lines, an empty line, a size with a sign or leading zero, a root that is
 * not strict base64 of `hashSize` bytes.
 */
export function parseCheckpoint(text: string, hashSize = 32): Checkpoint | null {
  if (!text.endsWith('\n') || hasForbiddenCharacter(text)) return null;
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin === undefined || sizeText === undefined || rootText === undefined) return null;
  if (lines.some((line) => line.length === 0)) return null;
  if (!DECIMAL.test(sizeText)) return null;
  const size = Number(sizeText);
  const rootHash = decodeBase64(rootText);
  if (!Number.isSafeInteger(size) || !rootHash || rootHash.length !== hashSize) return null;
  return { origin, size, rootHash, extensions };
}

/** The extension line recording when a tree head was made. */
export function timeExtension(at: Date): string {
  return `${TIME_PREFIX}${Math.floor(at.getTime() / 1000)}`;
}

/** The time a checkpoint records in its `time` line, or null when it has none (or two). */
export function checkpointTime(checkpoint: Checkpoint): Date | null {
  const lines = checkpoint.extensions.filter((line) => line.startsWith(TIME_PREFIX));
  const seconds = lines.length === 1 ? (lines[0] as string).slice(TIME_PREFIX.length) : '';
  return DECIMAL.test(seconds) ? new Date(Number(seconds) * 1000) : null;
}
