import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeBase64, encodeBase64 } from './bytes.js';

/**
 * C2SP signed notes (c2sp.org/signed-note): a text ending in a newline, a blank line, then one
 * line per signature, "— <key name> <base64(4-byte key ID || signature)>". What a key signs is
 * the UTF-8 of the text, final newline included. Signing and checking signatures live in the
 * server; this is the format both sides must agree on byte for byte.
 */

export interface NoteSignature {
  readonly keyName: string;
  /** The first four bytes of the signature blob, naming the key and its algorithm. */
  readonly keyId: Uint8Array;
  readonly signature: Uint8Array;
}

export interface SignedNote {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** Signature type of Ed25519 notes (signed-note §"Signature types"). */
export const ED25519_SIGNATURE_TYPE = Uint8Array.of(0x01);

/**
 * Signature type of GB/T 32918 SM2 signatures with SM3 (user ID "1234567812345678", the 64
 * bytes r || s; public key as 65 bytes 0x04 || x || y). C2SP assigns SM2 no byte, so it takes
 * 0xff, which the spec reserves for such types, followed by a name unlikely to collide.
 */
export const SM2_SIGNATURE_TYPE = concatBytes(Uint8Array.of(0xff), utf8ToBytes('qingfeng/sm2-sm3/v1'));

/** Signed-note verifiers must accept 16 signatures; past this many a note is refused. */
export const MAX_NOTE_SIGNATURES = 100;

const SIGNATURE_PREFIX = '\u2014 ';
// Go's unicode.IsSpace, which the reference implementation uses: \s plus NEL.
const UNICODE_SPACE = /[\s\u0085]/u;
// In a /u pattern a surrogate pair is one code point, so only a lone one (not UTF-8) matches.
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether text breaks the note rules: a control character other than newline, or invalid UTF-8. */
export function hasForbiddenCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return LONE_SURROGATE.test(text);
}

/** Whether a key name is allowed: non-empty, no Unicode space, no "+". */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !UNICODE_SPACE.test(name) && !name.includes('+') && !hasForbiddenCharacter(name);
}

/** The recommended key ID: SHA-256(key name || 0x0A || signature type || public key)[:4]. */
export function noteKeyId(keyName: string, signatureType: Uint8Array, publicKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8ToBytes(keyName), Uint8Array.of(0x0a), signatureType, publicKey)).slice(0, 4);
}

/** The bytes a key signs for a note text. */
export function noteSignedBytes(text: string): Uint8Array {
  return utf8ToBytes(text);
}

/** A whole signed note; throws on a text or signature the format does not allow. */
export function formatSignedNote(note: SignedNote): string {
  if (!isValidNoteText(note.text))
    throw new TypeError('a note text is non-empty UTF-8 without control characters, ending in a newline');
  if (note.signatures.length === 0 || note.signatures.length > MAX_NOTE_SIGNATURES) {
    throw new RangeError(`a note carries 1 to ${MAX_NOTE_SIGNATURES} signatures`);
  }
  const lines = note.signatures.map((s) => {
    if (!isValidKeyName(s.keyName)) throw new TypeError(`bad key name ${JSON.stringify(s.keyName)}`);
    if (s.keyId.length !== 4 || s.signature.length === 0)
      throw new TypeError('a signature is a 4-byte key ID and the signature bytes');
    return `${SIGNATURE_PREFIX}${s.keyName} ${encodeBase64(concatBytes(s.keyId, s.signature))}\n`;
  });
  return `${note.text}\n${lines.join('')}`;
}

/** Splits a signed note into its text and signatures, or null if it is not well formed. */
export function parseSignedNote(note: string): SignedNote | null {
  if (hasForbiddenCharacter(note) || !note.endsWith('\n')) return null;
  // The text ends at the last blank line; everything after it is signature lines.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return null;
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) return null;
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const signature = parseSignatureLine(line);
    if (!signature) return null;
    signatures.push(signature);
  }
  return { text, signatures };
}

function parseSignatureLine(line: string): NoteSignature | null {
  if (!line.startsWith(SIGNATURE_PREFIX)) return null;
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) return null;
  const keyName = rest.slice(0, space);
  const blob = decodeBase64(rest.slice(space + 1));
  if (!isValidKeyName(keyName) || !blob || blob.length < 5) return null;
  return { keyName, keyId: blob.slice(0, 4), signature: blob.slice(4) };
}

function isValidNoteText(text: string): boolean {
  return text.length > 0 && text.endsWith('\n') && !hasForbiddenCharacter(text);
}
