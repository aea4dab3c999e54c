import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { loadLogSigners, sm2Signer, verifySm2 } from './log-keys.js';

const hex = (text: string) => text.replace(/\s/g, '').toLowerCase();

/**
 * GM/T 0003.5-2012 (GB/T 32918.5) appendix A's signature example on the recommended curve:
 * the key, the random k and the expected r, s as the standard prints them (the same values the
 * SM2 self-tests of hardware vendors and gmalglib carry).
 */
const EXAMPLE = {
  privateKey: hex('3945208F 7B2144B1 3F36E38A C6D39F95 88939369 2860B51A 42FB81EF 4DF7C5B8'),
  publicKey: hex(`04
    09F9DF31 1E5421A1 50DD7D16 1E4BC5C6 72179FAD 1833FC07 6BB08FF3 56F35020
    CCEA490C E26775A5 2DC6EA71 8CC1AA60 0AED05FB F35E084A 6632F607 2DA9AD13`),
  k: hex('59276E27 D506861A 16680F3A D9C02DCC EF3CC1FA 3CDBE4CE 6D54B80D EAC1BC21'),
  message: new TextEncoder().encode('message digest'),
  r: hex('F5A03B06 48D2C463 0EEAC513 E1BB81A1 5944DA38 27D5B741 43AC7EAC EEE720B3'),
  s: hex('B1B6AA29 DF212FD8 763182BC 0D421CA1 BB9038FD 1F7F42D4 840B69C4 85BBC1AA'),
};

describe('SM2 signatures of tree heads', () => {
  it('reproduces the GM/T 0003.5 example signature from its key and random k', () => {
    expect(sm2.getPublicKeyFromPrivateKey(EXAMPLE.privateKey)).toBe(EXAMPLE.publicKey);
    // k·G gives x1; handing sm-crypto-v2 the point makes its signing deterministic.
    const x1 = BigInt(`0x${sm2.getPublicKeyFromPrivateKey(EXAMPLE.k).slice(2, 66)}`);
    const signature = sm2.doSignature(EXAMPLE.message, EXAMPLE.privateKey, {
      hash: true,
      userId: '1234567812345678',
      pointPool: [{ k: BigInt(`0x${EXAMPLE.k}`), x1 }],
    });
    expect(signature).toBe(EXAMPLE.r + EXAMPLE.s);
    expect(verifySm2(EXAMPLE.publicKey, EXAMPLE.message, Buffer.from(EXAMPLE.r + EXAMPLE.s, 'hex'))).toBe(true);
  });

  it('signs with the GB/T 32918 algorithm: its signatures verify, a changed message or byte does not', () => {
    const signer = sm2Signer('test.example/log', EXAMPLE.privateKey);
    const message = new TextEncoder().encode('test.example/log\n5\nAAAA\n');
    const signature = signer.sign(message);
    expect(signature).toHaveLength(64);
    expect(signer.verify(message, signature)).toBe(true);
    expect(verifySm2(EXAMPLE.publicKey, message, signature)).toBe(true);
    expect(signer.verify(new TextEncoder().encode('test.example/log\n6\nAAAA\n'), signature)).toBe(false);
    const flipped = Uint8Array.from(signature);
    flipped[10]! ^= 1;
    expect(signer.verify(message, flipped)).toBe(false);
  });

  it("refuses Node's crypto.sign with an SM2 key, which is ECDSA over the SM2 curve, not SM2", () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    // SEC 1 ECPrivateKey: 30 len 02 01 01 04 20 <the 32-byte private key> …
    const sec1 = privateKey.export({ format: 'der', type: 'sec1' });
    expect([...sec1.subarray(2, 7)]).toEqual([0x02, 0x01, 0x01, 0x04, 0x20]);
    const d = sec1.subarray(7, 39).toString('hex');
    const publicKeyHex = sm2.getPublicKeyFromPrivateKey(d.padStart(64, '0'));
    const message = new TextEncoder().encode('a checkpoint\n');
    // ieee-p1363 gives r || s, the form the checkpoint carries.
    const ecdsa = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    const ecdsaSm3 = sign('sm3', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    // Valid ECDSA by Node's own check, so the refusal below is of the algorithm, not of a broken signature.
    expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, ecdsa)).toBe(true);
    expect(verifySm2(publicKeyHex, message, ecdsa)).toBe(false);
    expect(verifySm2(publicKeyHex, message, ecdsaSm3)).toBe(false);
    // The same key through sm-crypto-v2 is accepted: the refusal is the algorithm's, not the key's.
    expect(sm2Signer('k', d.padStart(64, '0')).verify(message, sm2Signer('k', d.padStart(64, '0')).sign(message))).toBe(
      true,
    );
  });
});

describe('the log keys', () => {
  it('are created on first use in the data folder, owner-only, and read back the same', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'qf-keys-'));
    const config = loadConfig({}, { dataDir, gmAlgorithms: true });
    const first = loadLogSigners(config, 'test.example/log');
    expect(first.map((s) => s.algorithm)).toEqual(['ed25519', 'sm2']);
    for (const file of ['log-ed25519.key', 'log-sm2.key']) {
      expect(statSync(path.join(dataDir, file)).mode & 0o777).toBe(0o600);
    }
    const again = loadLogSigners(config, 'test.example/log');
    expect(again.map((s) => Buffer.from(s.publicKey).toString('hex'))).toEqual(
      first.map((s) => Buffer.from(s.publicKey).toString('hex')),
    );
    const message = new TextEncoder().encode('x\n');
    expect(again[0]!.verify(message, first[0]!.sign(message))).toBe(true);
    expect(again[1]!.verify(message, first[1]!.sign(message))).toBe(true);
  });

  it('come from the environment when set, and Ed25519 alone without GM algorithms', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'qf-keys-'));
    const config = loadConfig({ QF_LOG_ED25519_KEY: '11'.repeat(32) }, { dataDir });
    const [signer, ...rest] = loadLogSigners(config, 'test.example/log');
    expect(rest).toEqual([]);
    expect(signer!.publicKey).toHaveLength(32);
    // RFC 8032 is deterministic: the same key always gives the same public key.
    expect(loadLogSigners(config, 'test.example/log')[0]!.publicKey).toEqual(signer!.publicKey);
    expect(() => statSync(path.join(dataDir, 'log-ed25519.key'))).toThrow();
  });
});
