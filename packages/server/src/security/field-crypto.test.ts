import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCrypto } from './field-crypto.js';

describe('FieldCrypto', () => {
  const crypto = new FieldCrypto(randomBytes(32));

  it('round-trips and gives every encryption its own IV, across refills of the IV pool', () => {
    const sealed = Array.from({ length: 2500 }, (_v, i) =>
      crypto.encrypt(`33010619400101${String(i).padStart(4, '0')}`),
    );
    expect(new Set(sealed.map((s) => s.split('.')[1])).size).toBe(sealed.length);
    sealed.forEach((s, i) => expect(crypto.decrypt(s)).toBe(`33010619400101${String(i).padStart(4, '0')}`));
  });

  it('refuses altered ciphertext and another key', () => {
    const sealed = crypto.encrypt('13800138000');
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = `${body?.startsWith('A') ? 'B' : 'A'}${body?.slice(1) ?? ''}`;
    expect(() => crypto.decrypt([version, iv, tag, flipped].join('.'))).toThrow();
    expect(() => new FieldCrypto(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('gives a deterministic blind index per value and key', () => {
    expect(crypto.blindIndex('a')).toBe(crypto.blindIndex('a'));
    expect(crypto.blindIndex('a')).not.toBe(crypto.blindIndex('b'));
    expect(new FieldCrypto(randomBytes(32)).blindIndex('a')).not.toBe(crypto.blindIndex('a'));
  });
});
