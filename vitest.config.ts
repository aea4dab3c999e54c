import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest files of the suite, slowest first (as timed in whole runs on a busy two-core
 * machine, three files at a time). Vitest starts files it has no timings for largest first,
 * and these are mostly short files: on a clean clone (CI) they started late, and the run
 * waited on the last of them while the other workers sat idle. Started first, they overlap
 * the many quick files instead. A name no longer in the tree stops the run, so the list
 * cannot go stale.
 */
const SLOWEST_FIRST = [
  'packages/server/src/modules/datasets/import/every-dataset-type.test.ts',
  'packages/server/src/bench/scale/scale-bench.test.ts',
  'packages/server/src/cli/commands/demo-command.test.ts',
  'packages/server/src/demo/load-demo.test.ts',
  'packages/server/src/demo/ground-truth.test.ts',
  'packages/server/src/modules/datasets/import/import-atomicity.test.ts',
  'packages/server/src/modules/datasets/ocds/cardinal.test.ts',
  'packages/server/src/app/hostile-parameters.test.ts',
  'packages/server/src/modules/datasets/import/upload-fuzz.test.ts',
  'packages/server/src/modules/datasets/import/upload-limits.test.ts',
  'packages/server/src/backup/backup.test.ts',
  'packages/server/src/modules/datasets/import/column-accounting.test.ts',
  'packages/core/src/procedure/hostile-payloads.test.ts',
  'packages/server/src/models-engine/incremental.test.ts',
  'packages/server/src/modules/datasets/ocds/ocds.test.ts',
  'packages/server/src/bench/scale/clue-bench.test.ts',
];
const ROOT = fileURLToPath(new URL('.', import.meta.url));
for (const file of SLOWEST_FIRST) {
  if (!existsSync(ROOT + file)) throw new Error(`vitest.config.ts: SLOWEST_FIRST names ${file}, which is gone`);
}

/** Vitest's order (failed first, then longest by its cache, else largest), the slowest files before all. */
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = SLOWEST_FIRST.findIndex((file) => spec.moduleId === ROOT + file);
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the files outside the list keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: {
    // Tests run on sources: core and the demo generator are read from src, not from their builds.
    alias: {
      '@qingfeng/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
      '@qingfeng/demo': fileURLToPath(new URL('./packages/demo/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/{core,demo,server,web}/src/**/*.test.{ts,tsx}'],
    pool: 'forks',
    // Vitest's default on two cores is one worker, one file at a time. The files wait on
    // PostgreSQL, DuckDB's threads and the disk more than they compute: three at once keep
    // both cores busy.
    maxWorkers: 3,
    // Each worker keeps its modules from file to file. Re-importing them for every file cost
    // about 380 s of worker time a run; no file changes module state another reads (no module
    // mocks, no environment changes, caches only), and each test opens its own stores.
    isolate: false,
    // Migrates one store per engine before the files start; each test's store is a copy.
    globalSetup: ['packages/server/src/testing/migrated-templates.ts'],
    sequence: { sequencer: SlowestFirst },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
