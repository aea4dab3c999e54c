import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFile } from './file-hash.js';

describe('hashFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qf-hash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the SHA-256 of the bytes, across read chunks', async () => {
    const bytes = Buffer.alloc(3 * (1 << 20) + 17, '姓名,金额\n');
    const file = path.join(dir, 'a.csv');
    writeFileSync(file, bytes);
    expect(await hashFile(file)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('rejects for a file that cannot be read', async () => {
    await expect(hashFile(path.join(dir, 'missing.csv'))).rejects.toThrow(/ENOENT/);
  });
});
