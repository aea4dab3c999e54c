import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

// The standards' own examples, so that the primitives FieldCrypto relies on are checked
// against values that no code of ours produced.
describe('SM4 and SM3 in this Node', () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');

  it('SM4 encrypts the GB/T 32907 example block', () => {
    const ecb = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([ecb.update(key), ecb.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('SM4-CTR matches the CTR example of draft-ribose-cfrg-sm4 (also in OpenSSL’s tests)', () => {
    const iv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    const plain = Buffer.from(['a', 'b', 'c', 'd', 'e', 'f', 'a', 'b'].map((c) => c.repeat(16)).join(''), 'hex');
    const ctr = createCipheriv('sm4-ctr', key, iv);
    const out = Buffer.concat([ctr.update(plain), ctr.final()]).toString('hex');
    expect(out).toBe(
      'ac3236cb970cc20791364c395a1342d1a3cbc1878c6f30cd074cce385cdd70c7' +
        'f234bc0e24c11980fd1286310ce37b926e02fcd0faa0baf38b2933851d824514',
    );
  });

  it('SM4-CTR is SM4 of a big-endian counter XORed in (built from the block cipher)', () => {
    const iv = Buffer.from('00000000000000000000000000fffffe', 'hex');
    const plain = Buffer.from('三个分组以上的明文，跨过计数器的进位：330106194001011234', 'utf8');
    const ctr = createCipheriv('sm4-ctr', key, iv);
    const actual = Buffer.concat([ctr.update(plain), ctr.final()]);
    const expected = Buffer.alloc(plain.length);
    const counter = BigInt(`0x${iv.toString('hex')}`);
    for (let block = 0; block * 16 < plain.length; block++) {
      const input = Buffer.from((counter + BigInt(block)).toString(16).padStart(32, '0'), 'hex');
      const ecb = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
      const stream = Buffer.concat([ecb.update(input), ecb.final()]);
      for (let i = block * 16; i < Math.min(plain.length, block * 16 + 16); i++) {
        expected[i] = (plain[i] as number) ^ (stream[i - block * 16] as number);
      }
    }
    expect(actual.equals(expected)).toBe(true);
  });

  it('SM3 hashes the GB/T 32905 examples', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});
