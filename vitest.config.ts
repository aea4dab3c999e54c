import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
