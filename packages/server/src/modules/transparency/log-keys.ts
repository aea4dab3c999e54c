import { createPrivateKey, createPublicKey, type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ED25519_SIGNATURE_TYPE, noteKeyId, SM2_SIGNATURE_TYPE } from '@qingfeng/core';
import { sm2 } from 'sm-crypto-v2';
import type { Config } from '../../config/config.js';

/** GB/T 32918's default user ID, which the checkpoint's SM2 signature type names (docs/transparency-log.md). */
export const SM2_USER_ID = '1234567812345678';

/** One key that signs tree heads: its name (the log's origin), key ID and public key, and how it signs and verifies. */
export interface LogSigner {
  readonly algorithm: 'ed25519' | 'sm2';
  readonly keyName: string;
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

// The PKCS#8 prefix of an Ed25519 private key (RFC 8410): Node takes raw seeds only wrapped in it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Ed25519 (Node's crypto) from a 32-byte private key. */
export function ed25519Signer(keyName: string, seed: Uint8Array): LogSigner {
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKeyObject = createPublicKey(privateKey);
  // The raw 32 bytes are the last 32 of the SPKI encoding.
  const publicKey = new Uint8Array(publicKeyObject.export({ format: 'der', type: 'spki' }).subarray(-32));
  return {
    algorithm: 'ed25519',
    keyName,
    keyId: noteKeyId(keyName, ED25519_SIGNATURE_TYPE, publicKey),
    publicKey,
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
    verify: (message, signature) => verifyEd25519(publicKeyObject, message, signature),
  };
}

function verifyEd25519(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  return signature.length === 64 && verify(null, message, publicKey, signature);
}

/**
 * SM2 as GB/T 32918 defines it (Z = SM3 of the user ID and key, e = SM3(Z || message)), from
 * sm-crypto-v2, with the 64-byte r || s the signature type names. Not Node's crypto.sign, which
 * with an SM2 key computes ECDSA over the SM2 curve (architecture.md's trap).
 */
export function sm2Signer(keyName: string, privateKeyHex: string): LogSigner {
  const publicKeyHex = sm2.getPublicKeyFromPrivateKey(privateKeyHex.toLowerCase());
  const publicKey = Buffer.from(publicKeyHex, 'hex');
  return {
    algorithm: 'sm2',
    keyName,
    keyId: noteKeyId(keyName, SM2_SIGNATURE_TYPE, publicKey),
    publicKey: new Uint8Array(publicKey),
    sign: (message) =>
      Buffer.from(
        sm2.doSignature(message, privateKeyHex.toLowerCase(), {
          hash: true,
          publicKey: publicKeyHex,
          userId: SM2_USER_ID,
        }),
        'hex',
      ),
    verify: (message, signature) => verifySm2(publicKeyHex, message, signature),
  };
}

/** Whether `signature` (64 bytes r || s) is a GB/T 32918 SM2 signature of `message` by the key. */
export function verifySm2(publicKeyHex: string, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return sm2.doVerifySignature(message, Buffer.from(signature).toString('hex'), publicKeyHex, {
      hash: true,
      userId: SM2_USER_ID,
    });
  } catch {
    return false;
  }
}

/**
 * A private key from the environment, else from its file in the data folder, else a new one
 * written there readable by the owner only (created exclusively, so two processes starting at
 * once cannot each write their own).
 */
function loadKeyHex(config: Config, fromEnv: string | undefined, fileName: string, create: () => string): string {
  if (fromEnv) return fromEnv.toLowerCase();
  const file = path.join(config.dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const key = create();
  try {
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

/** The keys that sign this deployment's tree heads: Ed25519 always, SM2 beside it with GM algorithms. */
export function loadLogSigners(config: Config, keyName: string): LogSigner[] {
  const ed25519 = loadKeyHex(config, config.logEd25519Key, 'log-ed25519.key', () => randomBytes(32).toString('hex'));
  const signers = [ed25519Signer(keyName, Buffer.from(ed25519, 'hex'))];
  if (config.gmAlgorithms) {
    const sm2Key = loadKeyHex(config, config.logSm2Key, 'log-sm2.key', () => sm2.generateKeyPairHex().privateKey);
    signers.push(sm2Signer(keyName, sm2Key));
  }
  return signers;
}
