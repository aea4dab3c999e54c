import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { FieldCipher } from '../security/field-crypto.js';
import { BackupError } from './backup-error.js';

/** The shortest passphrase accepted: scrypt slows guessing, it cannot save a short secret. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** scrypt's cost: 2^15 × 8 × 128 bytes = 32 MiB and about 0.1 s per derivation. */
export const SCRYPT_DEFAULTS = { logN: 15, r: 8, p: 1 };
// A hostile file must not make the restore allocate gigabytes before anything is checked.
const SCRYPT_MAX = { logN: 20, r: 16, p: 4 };

/** The keys one backup file is sealed with, derived from the passphrase and the file's salt. */
export interface BackupKeys {
  cipher: FieldCipher;
  /** AES-256 key (32 bytes) or SM4 key (16 bytes). */
  encKey: Buffer;
  /** HMAC-SM3 key for SM4 chunks; with AES it only makes the key check. */
  macKey: Buffer;
}

/** scrypt parameters as the file header records them. */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/**
 * Derives the file's keys: scrypt(passphrase, salt) gives 64 bytes, the first half for
 * encryption (all 32 for AES-256, 16 for SM4), the second for HMAC. A fresh random salt per
 * file makes every file's keys different, so chunk nonces can simply count.
 */
export function deriveBackupKeys(
  passphrase: string,
  salt: Buffer,
  params: ScryptParams,
  cipher: FieldCipher,
): BackupKeys {
  if (params.logN > SCRYPT_MAX.logN || params.r > SCRYPT_MAX.r || params.p > SCRYPT_MAX.p || params.logN < 10) {
    throw new BackupError(
      'The backup file asks for key derivation parameters out of range: it is damaged or not a backup',
    );
  }
  const N = 2 ** params.logN;
  const material = scryptSync(passphrase.normalize('NFC'), salt, 64, {
    N,
    r: params.r,
    p: params.p,
    maxmem: 256 * N * params.r + (1 << 20),
  });
  return {
    cipher,
    encKey: cipher === 'aes-256-gcm' ? material.subarray(0, 32) : material.subarray(0, 16),
    macKey: material.subarray(32, 64),
  };
}

/** A fresh salt for a new file. */
export function newSalt(): Buffer {
  return randomBytes(16);
}

const KEY_CHECK_LABEL = 'qingfeng backup key check';
export const KEY_CHECK_BYTES = 16;

/**
 * A short value in the header that tells a wrong passphrase apart from a damaged file: an
 * HMAC (SM3 under the GM cipher) of a fixed label, under the MAC half of the derived keys.
 */
export function keyCheck(keys: BackupKeys): Buffer {
  const hash = keys.cipher === 'sm4-ctr-hmac-sm3' ? 'sm3' : 'sha256';
  return createHmac(hash, keys.macKey).update(KEY_CHECK_LABEL).digest().subarray(0, KEY_CHECK_BYTES);
}

/** Throws the wrong-passphrase error unless the header's check value matches these keys. */
export function assertKeyCheck(keys: BackupKeys, stored: Buffer): void {
  const expected = keyCheck(keys);
  if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) {
    throw new BackupError('Wrong passphrase for this backup file (nothing was written)');
  }
}

/** Refuses a passphrase too short to protect a copy of every record. */
export function assertPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new BackupError(`The backup passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}
