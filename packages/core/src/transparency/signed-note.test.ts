import { createPublicKey, verify } from 'node:crypto';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './bytes.js';
import {
  ED25519_SIGNATURE_TYPE,
  formatSignedNote,
  noteKeyId,
  noteSignedBytes,
  parseSignedNote,
  SM2_SIGNATURE_TYPE,
} from './signed-note.js';

// The example of golang.org/x/mod/sumdb/note (note_test.go), the reference implementation:
// the verifier key "PeterNeumann+c74f20a3+<base64(0x01 || Ed25519 public key)>" and its note.
const KEY_NAME = 'PeterNeumann';
const VERIFIER_KEY = decodeBase64('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW') as Uint8Array;
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const NOTE = `${TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
  return verify(null, message, key, signature);
}

describe('C2SP signed notes', () => {
  it('compute the reference key ID and the signed bytes its signature verifies over', () => {
    const publicKey = VERIFIER_KEY.subarray(1);
    expect(VERIFIER_KEY[0]).toBe(ED25519_SIGNATURE_TYPE[0]);
    expect(bytesToHex(noteKeyId(KEY_NAME, ED25519_SIGNATURE_TYPE, publicKey))).toBe('c74f20a3');

    const note = parseSignedNote(NOTE);
    expect(note?.text).toBe(TEXT);
    const [signature] = note?.signatures ?? [];
    expect(signature?.keyName).toBe(KEY_NAME);
    expect(bytesToHex(signature!.keyId)).toBe('c74f20a3');
    expect(verifyEd25519(publicKey, noteSignedBytes(note!.text), signature!.signature)).toBe(true);
    expect(verifyEd25519(publicKey, noteSignedBytes(TEXT.replace('answer', 'Answer')), signature!.signature)).toBe(
      false,
    );
  });

  it('format back to the same bytes', () => {
    expect(formatSignedNote(parseSignedNote(NOTE)!)).toBe(NOTE);
  });

  it('give SM2 keys their own ID, so one name can hold an Ed25519 and an SM2 key', () => {
    const key = new Uint8Array(32);
    expect(SM2_SIGNATURE_TYPE[0]).toBe(0xff);
    expect(noteKeyId('log.example/qf', SM2_SIGNATURE_TYPE, key)).not.toEqual(
      noteKeyId('log.example/qf', ED25519_SIGNATURE_TYPE, key),
    );
  });

  it.each([
    ['no blank line before the signatures', NOTE.replace(`${TEXT}\n`, TEXT)],
    ['no signature', `${TEXT}\n`],
    ['no final newline', NOTE.slice(0, -1)],
    ['a hyphen for the em dash', NOTE.replace('\u2014', '-')],
    ['a key name with a plus', NOTE.replace('PeterNeumann x08', 'Peter+Neumann x08')],
    ['a signature that is not base64', NOTE.replace('x08go/', 'x08go!')],
    ['a signature shorter than its key ID', NOTE.replace(/x08go\S+/, 'AAAA')],
    ['a tab in the text', NOTE.replace('think', 'think\t')],
    ['a carriage return', NOTE.replace('\n', '\r\n')],
    ['an empty line among the signatures', NOTE.replace('\u2014 Peter', '\n\u2014 Peter').concat('\n')],
  ])('refuse a note with %s', (_, bad) => {
    expect(parseSignedNote(bad)).toBeNull();
  });

  it('refuse to write what they could not read back', () => {
    const signature = { keyName: 'a', keyId: new Uint8Array(4), signature: new Uint8Array(64) };
    expect(() => formatSignedNote({ text: 'no newline', signatures: [signature] })).toThrow();
    expect(() => formatSignedNote({ text: 'a\n', signatures: [] })).toThrow();
    expect(() => formatSignedNote({ text: 'a\n', signatures: [{ ...signature, keyName: 'a b' }] })).toThrow();
    expect(() => formatSignedNote({ text: 'a\n', signatures: [{ ...signature, keyId: new Uint8Array(3) }] })).toThrow();
  });
});
