import { decodeBase64, encodeBase64 } from './bytes.js';
import { LOG_HASH_NAMES, type LogHashName } from './log-hash.js';

/**
 * A receipt (docs/transparency-log.md, "Receipts"): everything needed to check, with no access
 * to the server, that one entry is in a signed tree head. JSON, one object:
 *
 *   format         "qingfeng-log-receipt/v1"
 *   origin         the log's origin (its checkpoints' first line and its keys' name)
 *   hash           "sha256" or "sm3"
 *   index          the entry's leaf index, from 0
 *   treeSize       the size of the signed tree head the proof leads to
 *   entry          the entry's canonical bytes, standard base64
 *   inclusionPath  the RFC 9162 inclusion proof, leaf to root, each hash standard base64
 *   checkpoint     the whole signed note of that tree head (C2SP checkpoint and signatures)
 *
 * The public keys are deliberately not in it: a verifier takes them from the log (or its own
 * pinned copy), since a receipt that brought its own keys would prove nothing.
 */
export const RECEIPT_FORMAT = 'qingfeng-log-receipt/v1' as const;

export interface Receipt {
  readonly origin: string;
  readonly hash: LogHashName;
  readonly index: number;
  readonly treeSize: number;
  readonly entry: Uint8Array;
  readonly inclusionPath: readonly Uint8Array[];
  readonly checkpoint: string;
}

/** What is wrong with a receipt's text, naming the field. */
export interface ReceiptProblem {
  readonly field: string;
  readonly problem: 'not-json' | 'missing' | 'wrong-type' | 'not-base64' | 'unknown-format' | 'unknown-hash';
}

// A path has one hash per level: 64 covers any tree size below 2^53 with room to spare.
const MAX_PATH = 64;

/** The JSON object of a receipt, as the server sends it and a file holds it. */
export function receiptToJson(receipt: Receipt) {
  return {
    format: RECEIPT_FORMAT,
    origin: receipt.origin,
    hash: receipt.hash,
    index: receipt.index,
    treeSize: receipt.treeSize,
    entry: encodeBase64(receipt.entry),
    inclusionPath: receipt.inclusionPath.map(encodeBase64),
    checkpoint: receipt.checkpoint,
  };
}

/** The JSON text of a receipt (two-space indented, for people who open it). */
export function formatReceipt(receipt: Receipt): string {
  return `${JSON.stringify(receiptToJson(receipt), null, 2)}\n`;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Reads a receipt from untrusted text: the receipt, or the first field that is wrong. */
export function parseReceipt(text: string): { receipt: Receipt } | { error: ReceiptProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: { field: '', problem: 'not-json' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: { field: '', problem: 'wrong-type' } };
  const json = value as Record<string, unknown>;
  const fail = (field: string, problem: ReceiptProblem['problem']) => ({ error: { field, problem } });
  for (const field of ['format', 'origin', 'hash', 'index', 'treeSize', 'entry', 'inclusionPath', 'checkpoint']) {
    if (!(field in json)) return fail(field, 'missing');
  }
  if (json.format !== RECEIPT_FORMAT) return fail('format', 'unknown-format');
  if (typeof json.origin !== 'string' || json.origin.length === 0) return fail('origin', 'wrong-type');
  if (!(LOG_HASH_NAMES as readonly unknown[]).includes(json.hash)) return fail('hash', 'unknown-hash');
  if (!isCount(json.index)) return fail('index', 'wrong-type');
  if (!isCount(json.treeSize)) return fail('treeSize', 'wrong-type');
  if (typeof json.checkpoint !== 'string') return fail('checkpoint', 'wrong-type');
  if (typeof json.entry !== 'string') return fail('entry', 'wrong-type');
  const entry = decodeBase64(json.entry);
  if (!entry) return fail('entry', 'not-base64');
  const path = json.inclusionPath;
  if (!Array.isArray(path) || path.length > MAX_PATH) return fail('inclusionPath', 'wrong-type');
  const inclusionPath: Uint8Array[] = [];
  for (const item of path) {
    const decoded = typeof item === 'string' ? decodeBase64(item) : null;
    if (!decoded) return fail('inclusionPath', 'not-base64');
    inclusionPath.push(decoded);
  }
  return {
    receipt: {
      origin: json.origin,
      hash: json.hash as LogHashName,
      index: json.index,
      treeSize: json.treeSize,
      entry,
      inclusionPath,
      checkpoint: json.checkpoint,
    },
  };
}
