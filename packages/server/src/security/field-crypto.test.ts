import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIELD_CIPHERS, FieldCrypto } from './field-crypto.js';
import { type KeyRing, singleKeyRing, withNewKey, withoutKey } from './key-ring.js';

describe.each(FIELD_CIPHERS)('FieldCrypto with %s', (cipher) => {
  const crypto = new FieldCrypto(randomBytes(32), cipher);

  it('round-trips and gives every encryption its own IV, across refills of the IV pool', () => {
    const values = Array.from({ length: 2500 }, (_v, i) => `33010619400101${String(i).padStart(4, '0')}`);
    const sealed = values.map((v) => crypto.encrypt(v));
    expect(new Set(sealed.map((s) => s.split('.')[2])).size).toBe(sealed.length);
    sealed.forEach((s, i) => expect(crypto.decrypt(s)).toBe(values[i]));
    expect(crypto.decrypt(crypto.encrypt(''))).toBe('');
    expect(crypto.decrypt(crypto.encrypt('张三 13800138000'))).toBe('张三 13800138000');
  });

  it('names its key version and algorithm', () => {
    expect(crypto.encrypt('x').split('.').slice(0, 2)).toEqual(['k1', cipher === 'aes-256-gcm' ? 'aes' : 'sm4']);
  });

  it('refuses a change to any byte of the IV, the tag or the ciphertext, and a relabelled header', () => {
    const sealed = crypto.encrypt('330106194001011234');
    const parts = sealed.split('.');
    for (let part = 2; part < 5; part++) {
      const bytes = Buffer.from(parts[part] as string, 'base64url');
      for (let i = 0; i < bytes.length; i++) {
        const altered = Buffer.from(bytes);
        altered[i] = (altered[i] as number) ^ 0x01;
        const copy = [...parts];
        copy[part] = altered.toString('base64url');
        expect(() => crypto.decrypt(copy.join('.'))).toThrow();
      }
    }
    const otherAlgorithm = [parts[0], parts[1] === 'aes' ? 'sm4' : 'aes', ...parts.slice(2)].join('.');
    expect(() => crypto.decrypt(otherAlgorithm)).toThrow();
    expect(() => crypto.decrypt(`k2.${parts.slice(1).join('.')}`)).toThrow();
    expect(() => crypto.decrypt(`${sealed}A`)).toThrow();
    expect(() => new FieldCrypto(randomBytes(32), cipher).decrypt(sealed)).toThrow();
  });
});

describe('FieldCrypto key ring', () => {
  const v1 = randomBytes(32);
  const ring2: KeyRing = withNewKey(singleKeyRing(v1), new Date());

  it('opens the v1 ciphertexts and keeps the blind index of data folders made before rings', () => {
    // A `v1.` ciphertext as the previous FieldCrypto wrote it: AES-256-GCM, no AAD.
    const legacy = 'v1.' + legacySeal(v1, '330106194001011234');
    const crypto = new FieldCrypto(ring2, 'sm4-ctr-hmac-sm3');
    expect(crypto.decrypt(legacy)).toBe('330106194001011234');
    expect(FieldCrypto.versionOf(legacy)).toBe(1);
    expect(new FieldCrypto(v1).blindIndex('a')).toBe(crypto.blindIndex('a', 1));
  });

  it('writes with the current version, reads every version, keys the blind index per version', () => {
    const old = new FieldCrypto(singleKeyRing(v1));
    const both = new FieldCrypto(ring2);
    const sealedOld = old.encrypt('13800138000');
    const sealedNew = both.encrypt('13800138000');
    expect(FieldCrypto.versionOf(sealedNew)).toBe(2);
    expect(both.decrypt(sealedOld)).toBe('13800138000');
    expect(() => old.decrypt(sealedNew)).toThrow(/version 2/);
    expect(both.blindIndex('a')).not.toBe(old.blindIndex('a'));
    expect(both.blindIndexes('a')).toEqual([both.blindIndex('a'), old.blindIndex('a')]);
    const retired = new FieldCrypto(withoutKey(ring2, 1));
    expect(() => retired.decrypt(sealedOld)).toThrow(/version 1/);
    expect(() => withoutKey(ring2, 2)).toThrow(/current/);
  });

  it('follows a ring source that changes under it', () => {
    let ring = singleKeyRing(v1);
    const crypto = new FieldCrypto({ ring: () => ring });
    expect(FieldCrypto.versionOf(crypto.encrypt('x'))).toBe(1);
    ring = ring2;
    expect(FieldCrypto.versionOf(crypto.encrypt('x'))).toBe(2);
  });
});

function legacySeal(master: Buffer, text: string): string {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'qingfeng field encryption', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}
