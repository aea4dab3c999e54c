import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: each file starts the built server on a fresh data folder and drives
 * Debian's Chromium through playwright-core. Build first: `npm run build`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: {
    alias: { '@qingfeng/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['packages/e2e/src/**/*.e2e.ts'],
    pool: 'forks',
    // One file at a time: two at once saved a minute but made the clicks of a busy machine
    // miss (a select's option clicked while its list was still laid out). The `npm start`
    // test rebuilds the console other files' servers serve, so `npm run test:e2e` runs it
    // alone, after them, whatever this says.
    maxWorkers: 1,
    // The one worker keeps its modules from file to file (Playwright, the console's route
    // tables): a fresh process per file only imported them again. Each file still starts
    // its own server and browser (harness/console-test.ts), and no harness module keeps state.
    isolate: false,
    // A browser flow makes many round trips, and a file's first test also waits for its
    // server (migrations, Argon2 hashing) and browser to start (harness/console-test.ts).
    testTimeout: 240_000,
  },
});
