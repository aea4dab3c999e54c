// The linter's fallback project for config files cannot resolve vite's export-mapped
// types, so it sees these calls as untyped; Vite itself type-checks this file's shape.
/* eslint-disable @typescript-eslint/no-unsafe-call */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const CORE_SRC = fileURLToPath(new URL('../core/src/', import.meta.url));

/**
 * The staff console. Everything it needs is bundled: no fonts, maps or scripts are fetched
 * from the network at run time, so it works on an isolated government network.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    // The console shares domain rules (roles, permissions, masking) with the server by
    // compiling core from source, so a rule change needs no separate core build.
    alias: { '@qingfeng/core': `${CORE_SRC}index.ts` },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The largest chunk is ECharts (~565 kB), fetched only by pages with charts; pages are
    // split by route (see app/router.tsx), so a chunk past this has grown by accident.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Core is pure (no I/O, nothing done at import) but its package does not say so, and
      // the model library's top-level calls would otherwise keep all of it in the first load.
      treeshake: { moduleSideEffects: (id: string) => !id.startsWith(CORE_SRC) },
      output: {
        // React and the router change least often: their own file stays cached across releases.
        codeSplitting: {
          groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
