import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_MODELS } from '@qingfeng/core';
import { type DemoManifest, generateDemoRegion } from '@qingfeng/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { evaluateDemoRegion, formatGroundTruthTable } from './ground-truth-compare.js';
import { loadDemoRegion } from './load-demo.js';

// Scale 1 plants every case (smaller scales keep them too, but thin the background the
// decoys and "other hits" are measured against); generation takes ~5 s, the load most of the rest.
const SEED = 1;
const SCALE = 1;
const outDir = join(tmpdir(), `qf-demo-truth-${process.pid}`);

describe('the built-in models against the demo region ground truth [pglite + duckdb]', () => {
  let manifest: DemoManifest;
  let platform: TestPlatform;

  beforeAll(async () => {
    const t0 = performance.now();
    manifest = await generateDemoRegion({ seed: SEED, scale: SCALE, outDir });
    const t1 = performance.now();
    platform = await createTestPlatform('pglite');
    await loadDemoRegion(platform.services, manifest);
    // eslint-disable-next-line no-console -- the cost of this suite is worth seeing
    console.log(
      `demo seed ${SEED} scale ${SCALE}: generated ${manifest.counts.rows} rows in ${((t1 - t0) / 1000).toFixed(1)} s, loaded in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
  }, 600_000);

  afterAll(async () => {
    await platform?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('finds every planted case and flags no decoy', async () => {
    const evaluation = await evaluateDemoRegion(platform.services, manifest);
    // eslint-disable-next-line no-console -- the per-model table is the point of this suite
    console.log(
      `full run of ${evaluation.modelIds.length} models in ${(evaluation.runMs / 1000).toFixed(1)} s\n${formatGroundTruthTable(evaluation.report)}`,
    );
    expect(evaluation.runErrors).toEqual({});
    expect(evaluation.modelIds.length).toBeGreaterThanOrEqual(BUILTIN_MODELS.length);
    expect(
      evaluation.report.failures.map(
        (f) => `${f.case.case.model} ${f.case.case.kind}: ${f.case.case.note} — ${f.detail}`,
      ),
    ).toEqual([]);
    const planted = evaluation.report.models.reduce((n, m) => n + m.planted, 0);
    expect(planted).toBe(manifest.counts.cases);
  }, 600_000);
});
