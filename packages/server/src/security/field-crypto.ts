import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { type KeyRing, singleKeyRing } from './key-ring.js';
import { SM4_IV_BYTES, sm4Open, sm4Seal } from './sm4-seal.js';

/** The cipher new ciphertexts use, chosen per deployment (QF_FIELD_CIPHER). */
export type FieldCipher = 'aes-256-gcm' | 'sm4-ctr-hmac-sm3';
export const FIELD_CIPHERS: readonly FieldCipher[] = ['aes-256-gcm', 'sm4-ctr-hmac-sm3'];

const GCM_IV_BYTES = 12;
// IVs drawn from the CSPRNG in bulk: one randomBytes call per value was ~40% of the cost
// of sealing the identifiers of a large import. Each IV is still used once.
const IV_POOL_BYTES = 16 * 1024;

interface VersionKeys {
  aes: Buffer;
  sm4: Buffer;
  sm3Mac: Buffer;
  index: Buffer;
}

/** What a ring source gives; a plain ring or a 32-byte key (a one-key ring) also do. */
export type RingInput = Buffer | KeyRing | { ring(): KeyRing };

/**
 * Encrypts personal fields (identity numbers, phone numbers) at rest, and gives each a keyed
 * blind index so equality lookups work without decrypting. Every ciphertext names its key
 * version and algorithm: `k<version>.<aes|sm4>.<iv>.<tag>.<ciphertext>` (base64url parts),
 * so any key in the ring opens it; the older `v1.<iv>.<tag>.<ciphertext>` is version 1, AES.
 * All keys of a version are derived from its key material by HKDF with distinct labels, so
 * none can be computed from another; version 1's labels are those used before rings.
 */
export class FieldCrypto {
  private readonly source: () => KeyRing;
  private readonly derived = new Map<string, VersionKeys>();
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  constructor(
    ring: RingInput,
    readonly cipher: FieldCipher = 'aes-256-gcm',
  ) {
    if (Buffer.isBuffer(ring)) {
      if (ring.length !== 32) throw new Error('The master key must be 32 bytes');
      const fixed = singleKeyRing(ring);
      this.source = () => fixed;
    } else if ('ring' in ring) {
      this.source = () => ring.ring();
    } else {
      this.source = () => ring;
    }
  }

  /** The version new ciphertexts and blind indexes use. */
  currentVersion(): number {
    return this.source().current;
  }

  /** Every version in the ring, current first. */
  versions(): number[] {
    const ring = this.source();
    return [ring.current, ...ring.keys.map((k) => k.version).filter((v) => v !== ring.current)];
  }

  /** Seals with the current key and the deployment's cipher; a fresh IV every time. */
  encrypt(plaintext: string): string {
    const version = this.currentVersion();
    const keys = this.keysOf(version);
    const data = Buffer.from(plaintext, 'utf8');
    if (this.cipher === 'sm4-ctr-hmac-sm3') {
      const header = `k${version}.sm4`;
      return join(header, sm4Seal(keys.sm4, keys.sm3Mac, header, this.nextIv(SM4_IV_BYTES), data));
    }
    const header = `k${version}.aes`;
    const iv = this.nextIv(GCM_IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', keys.aes, iv);
    // The header is authenticated too, so a ciphertext cannot be relabelled to another version.
    cipher.setAAD(Buffer.from(header, 'utf8'));
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return join(header, [iv, cipher.getAuthTag(), body]);
  }

  /** Opens what `encrypt` produced with any key of the ring; throws if altered or unknown. */
  decrypt(sealed: string): string {
    const parts = sealed.split('.');
    if (parts[0] === 'v1' && parts.length === 4) {
      const [iv, tag, body] = parts.slice(1).map(fromBase64) as [Buffer, Buffer, Buffer];
      return openGcm(this.keysOf(1).aes, null, iv, tag, body);
    }
    const match = /^k([1-9]\d{0,8})$/.exec(parts[0] ?? '');
    if (!match || parts.length !== 5) throw new Error('Unrecognised ciphertext');
    const version = Number(match[1]);
    const header = `k${version}.${parts[1]}`;
    const [iv, tag, body] = parts.slice(2).map(fromBase64) as [Buffer, Buffer, Buffer];
    const keys = this.keysOf(version);
    if (parts[1] === 'aes') return openGcm(keys.aes, header, iv, tag, body);
    if (parts[1] === 'sm4') return sm4Open(keys.sm4, keys.sm3Mac, header, iv, tag, body).toString('utf8');
    throw new Error('Unrecognised ciphertext');
  }

  /** The key version a ciphertext names (`v1.` ciphertexts are version 1). */
  static versionOf(sealed: string): number | null {
    if (sealed.startsWith('v1.')) return 1;
    const match = /^k(\d+)\./.exec(sealed);
    return match ? Number(match[1]) : null;
  }

  /** A deterministic keyed hash for exact-match lookups, under the current key. */
  blindIndex(value: string, version = this.currentVersion()): string {
    return createHmac('sha256', this.keysOf(version).index).update(value).digest('base64url');
  }

  /**
   * The value's blind index under every key of the ring, current first. Lookups match any
   * of them: during a rotation a row may still carry the hash of the older key.
   */
  blindIndexes(value: string): string[] {
    return this.versions().map((v) => this.blindIndex(value, v));
  }

  private keysOf(version: number): VersionKeys {
    const entry = this.source().keys.find((k) => k.version === version);
    if (!entry) throw new Error(`Key version ${version} is not in the key ring`);
    const cacheKey = `${version}:${entry.key}`;
    let keys = this.derived.get(cacheKey);
    if (!keys) {
      const master = Buffer.from(entry.key, 'hex');
      const derive = (label: string, bytes: number) =>
        Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), label, bytes));
      keys = {
        aes: derive('qingfeng field encryption', 32),
        sm4: derive('qingfeng field encryption sm4', 16),
        sm3Mac: derive('qingfeng field mac hmac-sm3', 32),
        index: derive('qingfeng blind index', 32),
      };
      this.derived.set(cacheKey, keys);
    }
    return keys;
  }

  private nextIv(bytes: number): Buffer {
    if (this.ivOffset + bytes > this.ivPool.length) {
      this.ivPool = randomBytes(IV_POOL_BYTES);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + bytes);
    this.ivOffset += bytes;
    return iv;
  }
}

function join(header: string, parts: Buffer[]): string {
  return [header, ...parts.map((p) => p.toString('base64url'))].join('.');
}

function fromBase64(text: string): Buffer {
  // Node's decoder skips characters outside the alphabet and ignores trailing bits; only
  // the canonical encoding is accepted, so every stored character is covered by the check.
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw new Error('Unrecognised ciphertext');
  return bytes;
}

function openGcm(key: Buffer, header: string | null, iv: Buffer, tag: Buffer, body: Buffer): string {
  if (tag.length !== 16) throw new Error('Ciphertext failed its integrity check');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (header) decipher.setAAD(Buffer.from(header, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
