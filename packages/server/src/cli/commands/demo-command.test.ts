import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_PLAN } from '@qingfeng/demo';
import { runCommand } from '../../testing/cli-runner.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { CliError } from '../cli-error.js';
import { registerDemoCommand } from './demo-command.js';

describe('qingfeng demo', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite');
  });
  afterAll(async () => platform?.close());

  it('loads a small demo county through the import path and creates the demo staff once', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'qf-demo-cli-'));
    const args = ['demo', '--scale', '0.05', '--seed', '7', '--out', outDir];
    const first = await runCommand(platform, registerDemoCommand, args);
    // One file, and one batch, per entry of the demo's file plan.
    const files = FILE_PLAN.length;
    expect(first.out).toMatch(
      new RegExp(`Demo county loaded in [\\d.]+ s: ${files} files, \\d+ rows loaded, \\d+ rejected`),
    );
    expect(first.out).toMatch(/username: demo\.leader {2}role: leader {2}password: \S{16}/);
    const batches = await platform.services.database.db
      .selectFrom('import_batches')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', 'loaded')
      .executeTakeFirstOrThrow();
    expect(Number(batches.count)).toBe(files);

    const second = await runCommand(platform, registerDemoCommand, args);
    expect(second.out).not.toMatch(/username:/);
    // An import per planned file and a full run of the library: its fixed costs dominate at this scale.
  }, 300_000);

  it('refuses a scale that is not a positive number', async () => {
    await expect(runCommand(platform, registerDemoCommand, ['demo', '--scale', '-1'])).rejects.toThrow(CliError);
  });
});
