import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineCopyPath, lakeImportDir, removeStaleEngineCopies } from './engine-copies.js';

describe('removeStaleEngineCopies', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qf-copies-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('deletes the engine copies left in the import folder, and nothing else', async () => {
    mkdirSync(path.join(dataDir, 'uploads'));
    mkdirSync(path.join(dataDir, 'reports'));
    const copy = engineCopyPath(dataDir);
    const part = path.join(dataDir, 'uploads', `1-${path.basename(engineCopyPath(dataDir))}`);
    const upload = path.join(dataDir, 'uploads', 'a.upload');
    const report = path.join(dataDir, 'reports', 'batch-3-rejected.csv');
    for (const file of [copy, part, upload, report]) writeFileSync(file, 'x');
    expect(await removeStaleEngineCopies(dataDir)).toBe(2);
    expect([copy, part, upload, report].map((f) => existsSync(f))).toEqual([false, false, true, true]);
  });

  it('keeps engine copies in the import folder the lake may read, never in the data folder itself', () => {
    expect(path.dirname(engineCopyPath(dataDir))).toBe(lakeImportDir(dataDir));
    expect(lakeImportDir(dataDir)).not.toBe(dataDir);
  });

  it('does nothing in a new data folder', async () => {
    expect(await removeStaleEngineCopies(path.join(dataDir, 'new'))).toBe(0);
  });
});
