import { randomBytes } from 'node:crypto';
import { composeIdNumber } from '@qingfeng/core';
import { FIELD_CIPHERS, FieldCrypto } from '../security/field-crypto.js';

export interface CryptoMeasurement {
  readonly cipher: string;
  readonly sealMs: number;
  readonly openMs: number;
}

/**
 * What encryption adds to an import of `rows` rows of distinct people: the import seals each
 * new identifier once (a blind index and a ciphertext, in JS), so this times exactly that
 * work for AES-256-GCM, SM4-CTR + HMAC-SM3, and none (the loop alone), plus opening them all.
 */
export function measureFieldCrypto(rows: number): CryptoMeasurement[] {
  // 1,000 sequence numbers a day from 1 January 1950: every identifier distinct.
  const day = 86_400_000;
  const ids = Array.from({ length: rows }, (_v, i) => {
    const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 1000) * day)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    return composeIdNumber('330106', birth, i % 1000);
  });
  const results: CryptoMeasurement[] = [];
  const sink: string[] = new Array<string>(rows);
  let started = performance.now();
  for (let i = 0; i < rows; i++) sink[i] = ids[i] as string;
  results.push({ cipher: 'none', sealMs: performance.now() - started, openMs: 0 });
  for (const cipher of FIELD_CIPHERS) {
    const crypto = new FieldCrypto(randomBytes(32), cipher);
    started = performance.now();
    for (let i = 0; i < rows; i++) {
      const id = ids[i] as string;
      crypto.blindIndex(id);
      sink[i] = crypto.encrypt(id);
    }
    const sealMs = performance.now() - started;
    started = performance.now();
    for (let i = 0; i < rows; i++) crypto.decrypt(sink[i] as string);
    results.push({ cipher, sealMs, openMs: performance.now() - started });
  }
  return results;
}

export function printCryptoTable(rows: number, results: CryptoMeasurement[]): void {
  process.stdout.write(`\nField encryption on a ${rows.toLocaleString('en')}-row import (distinct people)\n`);
  process.stdout.write('cipher               seal (index + encrypt)   per row    open all\n');
  for (const r of results) {
    const perRow = ((r.sealMs * 1000) / rows).toFixed(2);
    process.stdout.write(
      `${r.cipher.padEnd(20)} ${`${r.sealMs.toFixed(0)} ms`.padStart(22)} ${`${perRow} µs`.padStart(10)} ${`${r.openMs.toFixed(0)} ms`.padStart(11)}\n`,
    );
  }
}
