import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RowSetHash } from './backup-format.js';

/** The same sum the plain way, with BigInt: the reference the lanes must agree with. */
function referenceDigest(lines: string[]): string {
  let sum = 0n;
  for (const line of lines) sum += BigInt(`0x${createHash('sha256').update(line).digest('hex')}`);
  return (sum % (1n << 256n)).toString(16).padStart(64, '0');
}

function digestOf(lines: string[]): string {
  const hash = new RowSetHash();
  for (const line of lines) hash.add(line);
  return hash.digest();
}

describe('RowSetHash', () => {
  const lines = Array.from({ length: 5000 }, (_, i) => `{"id":${i},"name":"行 ${i}"}`);

  it('is the sum of the rows’ SHA-256 modulo 2^256, carries and wrap-around included', () => {
    expect(digestOf(lines)).toBe(referenceDigest(lines));
    expect(digestOf([])).toBe('0'.repeat(64));
  });

  it('does not depend on row order, but does on a repeated or changed row', () => {
    const shuffled = [...lines].reverse();
    expect(digestOf(shuffled)).toBe(digestOf(lines));
    expect(digestOf([...lines, lines[0] as string])).not.toBe(digestOf(lines));
    expect(digestOf([...lines.slice(1), '{"id":0,"name":"行 1"}'])).not.toBe(digestOf(lines));
  });
});
