import { ed25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { equalBytes } from './bytes.js';
import {
  ED25519_SIGNATURE_TYPE,
  noteKeyId,
  noteSignedBytes,
  SM2_SIGNATURE_TYPE,
  type SignedNote,
} from './signed-note.js';
import { verifySm2Signature } from './sm2.js';

/**
 * Checking a signed note's signatures against a log's published keys, with code that runs in
 * a browser (the verifier page), in the witness and in the server alike.
 */

export type LogKeyAlgorithm = 'ed25519' | 'sm2';

/** A public key that signs a log's tree heads, as the public keys API publishes it. */
export interface LogPublicKey {
  readonly algorithm: LogKeyAlgorithm;
  readonly keyName: string;
  /** Ed25519: 32 bytes; SM2: 65 bytes 04 || x || y. */
  readonly publicKey: Uint8Array;
}

/** What became of one key on one note: it signed, its line does not verify, or it has no line. */
export type KeySignatureOutcome = 'valid' | 'invalid' | 'missing';

export interface KeySignatureCheck {
  readonly key: LogPublicKey;
  readonly outcome: KeySignatureOutcome;
}

const signatureType = (algorithm: LogKeyAlgorithm) =>
  algorithm === 'ed25519' ? ED25519_SIGNATURE_TYPE : SM2_SIGNATURE_TYPE;

/** The note key ID of a published key (signed-note's recommended derivation). */
export function logKeyId(key: LogPublicKey): Uint8Array {
  return noteKeyId(key.keyName, signatureType(key.algorithm), key.publicKey);
}

/**
 * A key's fingerprint for people to compare by eye or read out on the phone: SHA-256 of the
 * signature type and the public key, in hex, in groups of four.
 */
export function logKeyFingerprint(key: LogPublicKey): string {
  const digest = sha256(new Uint8Array([...signatureType(key.algorithm), ...key.publicKey]));
  return (bytesToHex(digest).match(/.{4}/g) ?? []).join(' ');
}

function verifyWith(key: LogPublicKey, message: Uint8Array, signature: Uint8Array): boolean {
  if (key.algorithm === 'sm2') return verifySm2Signature(key.publicKey, message, signature);
  if (signature.length !== 64 || key.publicKey.length !== 32) return false;
  try {
    // zip215 off: RFC 8032's strict rules, which Node's crypto (the signer) also follows.
    return ed25519.verify(signature, message, key.publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * For each key, whether the note carries a valid signature by it. A line is the key's when its
 * name and key ID match (signed-note §"Verifying"); lines of other keys are ignored.
 */
export function checkNoteSignatures(note: SignedNote, keys: readonly LogPublicKey[]): KeySignatureCheck[] {
  const message = noteSignedBytes(note.text);
  return keys.map((key) => {
    const id = logKeyId(key);
    const lines = note.signatures.filter((s) => s.keyName === key.keyName && equalBytes(s.keyId, id));
    if (lines.length === 0) return { key, outcome: 'missing' };
    const isValid = lines.some((line) => verifyWith(key, message, line.signature));
    return { key, outcome: isValid ? 'valid' : 'invalid' };
  });
}
