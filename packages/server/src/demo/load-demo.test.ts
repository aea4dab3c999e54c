import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTY_CODE, type DemoManifest, generateDemoRegion } from '@qingfeng/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { loadDemoRegion } from './load-demo.js';

const outDir = join(tmpdir(), `qf-demo-load-${process.pid}`);
let manifest: DemoManifest;

beforeAll(async () => {
  manifest = await generateDemoRegion({ seed: 42, scale: 0.2, outDir });
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

for (const engine of testEngines()) {
  describe(`loadDemoRegion [${engine}]`, () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await createTestPlatform(engine);
    }, 120_000);
    afterAll(async () => {
      await platform?.close();
    });

    it('imports the tree and every file through the import services, rejecting exactly the planted bad rows', async () => {
      const started = performance.now();
      const report = await loadDemoRegion(platform.services, manifest);
      // eslint-disable-next-line no-console -- load throughput is worth seeing in every run
      console.log(
        `[${engine}] demo load at scale 0.2: ${((performance.now() - started) / 1000).toFixed(1)} s, ${manifest.counts.rows} rows`,
      );
      expect(report.divisions).toBe(1 + 6 + 48);
      expect(report.organisations.inserted).toBeGreaterThan(80);
      expect(report.files).toHaveLength(manifest.files.length);
      for (const [i, file] of report.files.entries()) {
        const planned = manifest.files[i];
        expect({ path: file.path, read: file.rowsRead, rejected: file.rowsRejected }).toEqual({
          path: planned?.path,
          read: planned?.rows,
          rejected: planned?.expectedRejected.length,
        });
      }
      // Every batch is the demo county's: its rows without a division lie in that county alone.
      const owners = await platform.services.database.db
        .selectFrom('import_batches')
        .select('division_code')
        .distinct()
        .execute();
      expect(owners.map((o) => o.division_code.trim())).toEqual([COUNTY_CODE]);
    }, 300_000);
  });
}
