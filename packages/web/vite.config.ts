// The linter's fallback project for config files cannot resolve vite's export-mapped
// types, so it sees these calls as untyped; Vite itself type-checks this file's shape.
/* eslint-disable @typescript-eslint/no-unsafe-call */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
    alias: { '@qingfeng/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
