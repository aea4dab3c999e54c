import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sm3 as referenceSm3 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { sm3 } from './sm3.js';

describe('SM3', () => {
  it('gives the digests of GB/T 32905-2016 appendix A', () => {
    expect(bytesToHex(sm3(utf8ToBytes('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(bytesToHex(sm3(utf8ToBytes('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('agrees with sm-crypto-v2 on every length around the block and padding edges', () => {
    for (let length = 0; length <= 200; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 131 + length) & 255);
      expect(bytesToHex(sm3(data)), `length ${length}`).toBe(referenceSm3(data));
    }
  });
});
