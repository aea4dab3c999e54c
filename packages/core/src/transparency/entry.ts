import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, type JsonValue } from './jcs.js';
import { hashLeaf, type LogHash } from './log-hash.js';

/**
 * The canonical bytes of a log entry, version 1 (docs/transparency-log.md):
 *
 *   0x01                      format version
 *   u8   n                    length of the kind, 1…64
 *   n bytes                   the kind, ASCII (`audit`, `evidence`, …)
 *   u32  m (big-endian)       length of the body
 *   m bytes                   the body: RFC 8785 canonical JSON of an object, UTF-8
 *
 * The lengths make the split between kind and body unique, so two entries never share bytes;
 * JCS makes key order and whitespace irrelevant; the leaf is HASH(0x00 || these bytes).
 */
export const ENTRY_FORMAT_VERSION = 1;

/** What the log records (issue 19): each kind's body is documented beside the code that writes it. */
export const LOG_ENTRY_KINDS = [
  'audit',
  'evidence',
  'publication',
  'publication-withdrawal',
  'model-version',
  'import-batch',
] as const;
export type LogEntryKind = (typeof LOG_ENTRY_KINDS)[number];

export interface LogEntry {
  readonly kind: LogEntryKind;
  readonly body: { readonly [key: string]: JsonValue };
}

const MAX_BODY_BYTES = 2 ** 32 - 1;

/** The canonical bytes of an entry; throws on an unknown kind or a body JSON cannot say. */
export function encodeEntry(entry: LogEntry): Uint8Array {
  if (!(LOG_ENTRY_KINDS as readonly string[]).includes(entry.kind))
    throw new TypeError(`unknown entry kind ${entry.kind}`);
  if (typeof entry.body !== 'object' || entry.body === null || Array.isArray(entry.body)) {
    throw new TypeError('an entry body is a JSON object');
  }
  const kind = utf8ToBytes(entry.kind);
  const body = utf8ToBytes(canonicalJson(entry.body));
  if (body.length > MAX_BODY_BYTES) throw new RangeError('entry body too long');
  const out = new Uint8Array(1 + 1 + kind.length + 4 + body.length);
  const view = new DataView(out.buffer);
  out[0] = ENTRY_FORMAT_VERSION;
  out[1] = kind.length;
  out.set(kind, 2);
  view.setUint32(2 + kind.length, body.length);
  out.set(body, 6 + kind.length);
  return out;
}

/**
 * Reads canonical entry bytes back, or null unless they are exactly what encodeEntry writes
 * for some entry (right version, known kind, lengths that add up, a canonical body).
 */
export function decodeEntry(bytes: Uint8Array): LogEntry | null {
  if (bytes.length < 6 || bytes[0] !== ENTRY_FORMAT_VERSION) return null;
  const kindLength = bytes[1] as number;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 6 + kindLength) return null;
  const bodyLength = view.getUint32(2 + kindLength);
  if (bytes.length !== 6 + kindLength + bodyLength) return null;
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const kind = decoder.decode(bytes.subarray(2, 2 + kindLength));
    const text = decoder.decode(bytes.subarray(6 + kindLength));
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    if (!(LOG_ENTRY_KINDS as readonly string[]).includes(kind) || canonicalJson(body) !== text) return null;
    return { kind: kind as LogEntryKind, body: body as LogEntry['body'] };
  } catch {
    return null;
  }
}

/** The leaf hash of an entry: HASH(0x00 || canonical bytes). */
export function entryLeafHash(hash: LogHash, entry: LogEntry): Uint8Array {
  return hashLeaf(hash, encodeEntry(entry));
}
