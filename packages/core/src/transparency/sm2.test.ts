import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { verifySm2Signature } from './sm2.js';

const message = utf8ToBytes('origin\n7\nroot\n');
const keys = sm2.generateKeyPairHex();
const publicKey = hexToBytes(keys.publicKey);
// sm-crypto-v2 is how the server signs: the browser's check must accept exactly what it makes.
const signature = hexToBytes(
  sm2.doSignature(message, keys.privateKey, { hash: true, publicKey: keys.publicKey, userId: '1234567812345678' }),
);

describe('SM2 signature check', () => {
  it('accepts a GB/T 32918 signature made by the server side', () => {
    expect(verifySm2Signature(publicKey, message, signature)).toBe(true);
  });

  it('refuses another message, another user ID, another key and a changed signature', () => {
    expect(verifySm2Signature(publicKey, utf8ToBytes('origin\n8\nroot\n'), signature)).toBe(false);
    expect(verifySm2Signature(publicKey, message, signature, 'alice')).toBe(false);
    const other = hexToBytes(sm2.generateKeyPairHex().publicKey);
    expect(verifySm2Signature(other, message, signature)).toBe(false);
    const changed = signature.slice();
    changed[40] = (changed[40] ?? 0) ^ 1;
    expect(verifySm2Signature(publicKey, message, changed)).toBe(false);
  });

  it('refuses malformed keys and signatures without throwing', () => {
    expect(verifySm2Signature(publicKey.slice(0, 64), message, signature)).toBe(false);
    expect(verifySm2Signature(new Uint8Array(65).fill(4), message, signature)).toBe(false);
    expect(verifySm2Signature(publicKey, message, new Uint8Array(64))).toBe(false);
    expect(verifySm2Signature(publicKey, message, hexToBytes('ff'.repeat(64)))).toBe(false);
    expect(verifySm2Signature(publicKey, message, signature.slice(0, 63))).toBe(false);
  });

  it('accepts the worked example of GM/T 0003.5-2012 appendix A and refuses it altered', () => {
    // Independent of sm-crypto-v2: the standard's key, message "message digest", user ID and (r, s).
    const exampleKey = hexToBytes(
      '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
        'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
    );
    const example = hexToBytes(
      'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' +
        'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
    );
    expect(verifySm2Signature(exampleKey, utf8ToBytes('message digest'), example)).toBe(true);
    expect(verifySm2Signature(exampleKey, utf8ToBytes('message digesT'), example)).toBe(false);
  });
});
