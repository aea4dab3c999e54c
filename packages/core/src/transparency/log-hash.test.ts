import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { emptyRoot, hashChildren, hashLeaf, logHashByName, SHA256_LOG_HASH, SM3_LOG_HASH } from './log-hash.js';

const hex = (text: string) => bytesToHex(SM3_LOG_HASH.digest(utf8ToBytes(text)));
const sha = (text: string) => bytesToHex(SHA256_LOG_HASH.digest(utf8ToBytes(text)));

describe('the log hashes', () => {
  // GB/T 32905-2016 appendix A, examples 1 and 2.
  it('SM3 gives the standard’s digests of "abc" and of "abcd" sixteen times', () => {
    expect(hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  // FIPS 180-2 appendix B.1 and B.2, and the empty string.
  it('SHA-256 gives the FIPS 180 digests', () => {
    expect(sha('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('SM3 hashes bytes, not text: a byte above 0x7f is one byte, not its UTF-8 spelling', () => {
    const byte = Uint8Array.of(0xff);
    expect(SM3_LOG_HASH.digest(byte)).not.toEqual(SM3_LOG_HASH.digest(utf8ToBytes('\u00ff')));
  });

  it('separates leaves from nodes by their prefix byte (RFC 6962 vectors of transparency-dev/merkle)', () => {
    expect(bytesToHex(hashLeaf(SHA256_LOG_HASH, new Uint8Array(0)))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(bytesToHex(emptyRoot(SHA256_LOG_HASH))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    // Their hasher tests: HashChildren("N123", "N456") and HashLeaf("L123456").
    expect(bytesToHex(hashChildren(SHA256_LOG_HASH, utf8ToBytes('N123'), utf8ToBytes('N456')))).toBe(
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    );
    expect(bytesToHex(hashLeaf(SHA256_LOG_HASH, utf8ToBytes('L123456')))).toBe(
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
    );
  });

  it('is chosen by name', () => {
    expect(logHashByName('sm3')).toBe(SM3_LOG_HASH);
    expect(logHashByName('sha256')).toBe(SHA256_LOG_HASH);
  });
});
