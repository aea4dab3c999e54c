import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineCopyPath, removeStaleEngineCopies } from './engine-copies.js';

describe('removeStaleEngineCopies', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qf-copies-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('deletes the engine copies left in uploads and reports, and nothing else', async () => {
    mkdirSync(path.join(dataDir, 'uploads'));
    mkdirSync(path.join(dataDir, 'reports'));
    const copy = engineCopyPath(dataDir);
    const besideReport = path.join(dataDir, 'reports', 'batch-3-rejected.csv.numbered.csv.tmp');
    const upload = path.join(dataDir, 'uploads', 'a.upload');
    const report = path.join(dataDir, 'reports', 'batch-3-rejected.csv');
    for (const file of [copy, besideReport, upload, report]) writeFileSync(file, 'x');
    expect(await removeStaleEngineCopies(dataDir)).toBe(2);
    expect([copy, besideReport, upload, report].map((f) => existsSync(f))).toEqual([false, false, true, true]);
  });

  it('does nothing in a new data folder', async () => {
    expect(await removeStaleEngineCopies(path.join(dataDir, 'new'))).toBe(0);
  });
});
