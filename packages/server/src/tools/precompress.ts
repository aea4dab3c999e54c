import { readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Files worth compressing: text. Images and fonts in these formats are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|xml|ico|wasm)$/;
/** Below this a compressed copy saves less than the headers of the answer cost. */
const MIN_BYTES = 1024;

export interface PrecompressResult {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** Writes `<file>.br` beside a file, or removes a stale one when compressing would not pay. */
async function writeSibling(file: string, original: Buffer, compressed: Buffer, ext: string): Promise<number> {
  if (compressed.length < original.length) {
    await writeFile(`${file}${ext}`, compressed);
    return compressed.length;
  }
  await unlink(`${file}${ext}`).catch(() => undefined);
  return original.length;
}

/**
 * Writes a brotli (`.br`, best quality) and a gzip (`.gz`) copy beside every text file of a
 * built console, once at build time, so the server sends them as they are (`@fastify/static`'s
 * `preCompressed`) instead of compressing each answer again. A copy is kept only if it is
 * smaller than its file; a browser that accepts neither gets the file itself.
 */
export async function precompressFolder(root: string): Promise<PrecompressResult> {
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const jobs: Promise<void>[] = [];
  for await (const file of walk(root)) {
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    jobs.push(
      (async () => {
        const original = await readFile(file);
        const [br, gzipped] = await Promise.all([
          brotli(original, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
            },
          }),
          gz(original, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        const [brBytes, gzipBytes] = await Promise.all([
          writeSibling(file, original, br, '.br'),
          writeSibling(file, original, gzipped, '.gz'),
        ]);
        // Added after every await: `total += await …` would read the total before waiting.
        result.files += 1;
        result.bytes += original.length;
        result.brotliBytes += brBytes;
        result.gzipBytes += gzipBytes;
      })(),
    );
  }
  await Promise.all(jobs);
  return result;
}
