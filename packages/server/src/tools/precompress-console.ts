import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompressFolder } from './precompress.js';

/**
 * `npm run build`'s last step: compresses the built console (packages/web/dist, or the folder
 * given) once, so the server never compresses a static file per request.
 */
const root = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../../../web/dist/', import.meta.url)));
const result = await precompressFolder(root);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
process.stdout.write(
  `precompressed ${result.files} console files: ${kib(result.bytes)} → ${kib(result.brotliBytes)} brotli, ${kib(result.gzipBytes)} gzip\n`,
);
