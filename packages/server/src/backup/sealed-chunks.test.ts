import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { FIELD_CIPHERS } from '../security/field-crypto.js';
import { HEADER_BYTES, createSealStream, openSealedChunks } from './sealed-chunks.js';

const PASSPHRASE = 'correct horse battery staple';

async function seal(plaintext: Buffer, cipher: (typeof FIELD_CIPHERS)[number]): Promise<Buffer> {
  // Written in uneven pieces, as gzip hands them over.
  const pieces = [plaintext.subarray(0, 1000), plaintext.subarray(1000, 150_000), plaintext.subarray(150_000)];
  return buffer(Readable.from(pieces).pipe(createSealStream(PASSPHRASE, cipher)));
}

async function open(file: Buffer, passphrase = PASSPHRASE): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of openSealedChunks(Readable.from([file]), passphrase)) parts.push(part);
  return Buffer.concat(parts);
}

// Three full chunks of 64 KiB and a partial fourth.
const PLAINTEXT = randomBytes(3 * 65_536 + 5000);

for (const cipher of FIELD_CIPHERS) {
  describe(`backup seal (${cipher})`, () => {
    it('opens what it sealed, in chunks, with a ciphertext that does not contain the plaintext', async () => {
      const file = await seal(PLAINTEXT, cipher);
      expect(file.includes(PLAINTEXT.subarray(0, 64))).toBe(false);
      expect((await open(file)).equals(PLAINTEXT)).toBe(true);
    });

    it('seals an empty input as one final chunk', async () => {
      expect((await open(await seal(Buffer.alloc(0), cipher))).length).toBe(0);
    });

    it('tells a wrong passphrase apart from damage', async () => {
      const file = await seal(PLAINTEXT, cipher);
      await expect(open(file, 'correct horse battery stapler')).rejects.toThrow(/Wrong passphrase/);
    });

    it('refuses any changed byte: header, length, ciphertext, tag', async () => {
      const file = await seal(PLAINTEXT, cipher);
      for (const at of [6, 12, 30, HEADER_BYTES + 2, HEADER_BYTES + 100, file.length - 1]) {
        const altered = Buffer.from(file);
        altered[at] = (altered[at] as number) ^ 0x01;
        await expect(open(altered), `byte ${at}`).rejects.toThrow(
          /altered|damaged|Wrong passphrase|out of range|not a Qingfeng/,
        );
      }
    });

    it('refuses a file cut short at a chunk boundary, or with a chunk dropped', async () => {
      const file = await seal(PLAINTEXT, cipher);
      const first = HEADER_BYTES + 4 + file.readUInt32BE(HEADER_BYTES);
      // Header and first chunk only: the last-chunk flag is missing.
      await expect(open(file.subarray(0, first))).rejects.toThrow(/ends early/);
      // The second chunk removed: the third now stands where the second should.
      const second = first + 4 + file.readUInt32BE(first);
      const dropped = Buffer.concat([file.subarray(0, first), file.subarray(second)]);
      await expect(open(dropped)).rejects.toThrow(/chunk 2 failed/);
    });
  });
}
