import { createCipheriv, createDecipheriv } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { FieldCipher } from '../security/field-crypto.js';
import { SM3_TAG_BYTES, sm4Open, sm4Seal } from '../security/sm4-seal.js';
import { BackupError } from './backup-error.js';
import {
  assertKeyCheck,
  type BackupKeys,
  deriveBackupKeys,
  KEY_CHECK_BYTES,
  keyCheck,
  newSalt,
  SCRYPT_DEFAULTS,
} from './backup-key.js';

/*
 * A backup file: a 41-byte header, then chunks of at most 64 KiB of plaintext, each sealed
 * on its own (authenticated encryption, in the manner of the STREAM construction):
 *
 *   header  'QFBK' | format 1 | cipher (1 AES-256-GCM, 2 SM4-CTR+HMAC-SM3) | scrypt logN, r, p
 *           | salt (16) | key check (16)
 *   chunk   sealed length (u32 BE) | sealed bytes (AES: ciphertext, tag 16; SM4: tag 32, ciphertext)
 *
 * A chunk's nonce is its number and a flag marking the last chunk, so chunks cannot be
 * reordered, dropped, repeated or cut off after the last one without failing a check; the
 * header is authenticated with every chunk, so it cannot be changed either. The keys are new
 * for every file (fresh salt), which is what lets the nonces count from zero.
 */

const MAGIC = Buffer.from('QFBK', 'ascii');
const FORMAT = 1;
export const HEADER_BYTES = 41;
const CHUNK_BYTES = 64 * 1024;
const GCM_TAG_BYTES = 16;
const CIPHER_IDS: Record<FieldCipher, number> = { 'aes-256-gcm': 1, 'sm4-ctr-hmac-sm3': 2 };

function nonceFor(cipher: FieldCipher, index: number, isLast: boolean): Buffer {
  // AES-GCM: 12 bytes. SM4-CTR: 16 bytes whose low 8 are the block counter, which a 64 KiB
  // chunk (4,096 blocks) never carries into the chunk number above it.
  const nonce = Buffer.alloc(cipher === 'aes-256-gcm' ? 12 : 16);
  nonce[3] = isLast ? 1 : 0;
  nonce.writeUInt32BE(index, 4);
  return nonce;
}

function sealChunk(keys: BackupKeys, header: Buffer, index: number, isLast: boolean, plaintext: Buffer): Buffer {
  const nonce = nonceFor(keys.cipher, index, isLast);
  let sealed: Buffer;
  if (keys.cipher === 'sm4-ctr-hmac-sm3') {
    const [, tag, body] = sm4Seal(keys.encKey, keys.macKey, header.toString('hex'), nonce, plaintext);
    sealed = Buffer.concat([tag as Buffer, body as Buffer]);
  } else {
    const cipher = createCipheriv('aes-256-gcm', keys.encKey, nonce);
    cipher.setAAD(header);
    sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  }
  const length = Buffer.alloc(4);
  length.writeUInt32BE(sealed.length);
  return Buffer.concat([length, sealed]);
}

function openChunk(keys: BackupKeys, header: Buffer, index: number, isLast: boolean, sealed: Buffer): Buffer {
  const nonce = nonceFor(keys.cipher, index, isLast);
  if (keys.cipher === 'sm4-ctr-hmac-sm3') {
    const tag = sealed.subarray(0, SM3_TAG_BYTES);
    return sm4Open(keys.encKey, keys.macKey, header.toString('hex'), nonce, tag, sealed.subarray(SM3_TAG_BYTES));
  }
  const decipher = createDecipheriv('aes-256-gcm', keys.encKey, nonce);
  decipher.setAAD(header);
  decipher.setAuthTag(sealed.subarray(sealed.length - GCM_TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - GCM_TAG_BYTES)), decipher.final()]);
}

/**
 * A stream that seals what is written to it into the backup format: write plaintext, read
 * the file's bytes. It holds at most one chunk: the last is sealed when the input ends.
 */
export function createSealStream(passphrase: string, cipher: FieldCipher): Transform {
  const salt = newSalt();
  const keys = deriveBackupKeys(passphrase, salt, SCRYPT_DEFAULTS, cipher);
  const header = Buffer.concat([
    MAGIC,
    Buffer.from([FORMAT, CIPHER_IDS[cipher], SCRYPT_DEFAULTS.logN, SCRYPT_DEFAULTS.r, SCRYPT_DEFAULTS.p]),
    salt,
    keyCheck(keys),
  ]);
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  let headerSent = false;
  const emitHeader = (stream: Transform) => {
    if (!headerSent) stream.push(header);
    headerSent = true;
  };
  return new Transform({
    transform(piece: Buffer, _encoding, done: TransformCallback) {
      emitHeader(this);
      pending = pending.length === 0 ? piece : Buffer.concat([pending, piece]);
      // Strictly more than a chunk: the last chunk is only known at the end, and it is never empty-by-force.
      while (pending.length > CHUNK_BYTES) {
        this.push(sealChunk(keys, header, index, false, pending.subarray(0, CHUNK_BYTES)));
        index += 1;
        pending = pending.subarray(CHUNK_BYTES);
      }
      done();
    },
    flush(done: TransformCallback) {
      emitHeader(this);
      this.push(sealChunk(keys, header, index, true, pending));
      done();
    },
  });
}

/** Reads bytes from `source` until `length` are buffered; returns null at a clean end. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0);
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  async take(length: number): Promise<Buffer | null> {
    while (this.buffered.length < length) {
      const step = await this.iterator.next();
      if (step.done === true) {
        if (this.buffered.length === 0) return null;
        throw new BackupError('The backup file ends early: it was cut short (nothing was written)');
      }
      this.buffered = this.buffered.length === 0 ? step.value : Buffer.concat([this.buffered, step.value]);
    }
    const taken = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return taken;
  }

  /** Closes the source (a file stream), also when the reading stops early. */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

/** What the header of a backup file says. */
export interface SealedFileInfo {
  cipher: FieldCipher;
}

/**
 * Opens a backup file's bytes: checks the passphrase against the header, then yields each
 * chunk's plaintext once its tag has been checked. Throws, naming the chunk, when a chunk
 * fails its check, when chunks are missing or cut off, or when bytes follow the last one.
 */
export async function* openSealedChunks(
  source: AsyncIterable<Buffer>,
  passphrase: string,
  onHeader?: (info: SealedFileInfo) => void,
): AsyncGenerator<Buffer> {
  const reader = new ByteReader(source);
  try {
    yield* openChunks(reader, passphrase, onHeader);
  } finally {
    await reader.close();
  }
}

async function* openChunks(
  reader: ByteReader,
  passphrase: string,
  onHeader: ((info: SealedFileInfo) => void) | undefined,
): AsyncGenerator<Buffer> {
  const header = await reader.take(HEADER_BYTES);
  if (header === null || !header.subarray(0, 4).equals(MAGIC)) {
    throw new BackupError('This is not a Qingfeng backup file (nothing was written)');
  }
  if (header[4] !== FORMAT) throw new BackupError(`Backup format ${header[4]} is not one this version reads`);
  const cipher = (Object.keys(CIPHER_IDS) as FieldCipher[]).find((name) => CIPHER_IDS[name] === header[5]);
  if (cipher === undefined) throw new BackupError('The backup file names an unknown cipher: it is damaged');
  const keys = deriveBackupKeys(
    passphrase,
    header.subarray(9, 25),
    { logN: header[6] as number, r: header[7] as number, p: header[8] as number },
    cipher,
  );
  assertKeyCheck(keys, header.subarray(25, 25 + KEY_CHECK_BYTES));
  onHeader?.({ cipher });
  const maxSealed = CHUNK_BYTES + SM3_TAG_BYTES;
  for (let index = 0; ; index += 1) {
    const length = await reader.take(4);
    if (length === null)
      throw new BackupError('The backup file ends early: its last chunk is missing (nothing was written)');
    const size = length.readUInt32BE(0);
    if (size > maxSealed || size < GCM_TAG_BYTES) throw damaged(index);
    const sealed = await reader.take(size);
    if (sealed === null) throw damaged(index);
    const plaintext = openEither(keys, header, index, sealed);
    yield plaintext.data;
    if (plaintext.isLast) {
      if ((await reader.take(1)) !== null)
        throw new BackupError('The backup file has bytes after its last chunk: it was altered');
      return;
    }
  }
}

/** A chunk opens as the last or as one in the middle: the flag is only in its nonce. */
function openEither(
  keys: BackupKeys,
  header: Buffer,
  index: number,
  sealed: Buffer,
): { data: Buffer; isLast: boolean } {
  for (const isLast of [false, true]) {
    try {
      return { data: openChunk(keys, header, index, isLast, sealed), isLast };
    } catch {
      // Tried as the other kind next; if neither opens, the chunk was altered.
    }
  }
  throw damaged(index);
}

function damaged(index: number): BackupError {
  return new BackupError(
    `The backup file was altered or damaged: chunk ${index + 1} failed its integrity check (nothing was written)`,
  );
}
