import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { type PrecompressResult, precompressFolder } from '../tools/precompress.js';
import { IMMUTABLE, REVALIDATE } from './console-files.js';

/** A built console in miniature: an index page naming a hashed script, as Vite writes them. */
function buildConsole(root: string): { html: string; script: string } {
  const html = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<div id="root"></div>'.repeat(80)}</body></html>`;
  const script = Array.from({ length: 400 }, (_, i) => `export const message${i} = '清风 console line ${i}';`).join(
    '\n',
  );
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), html);
  writeFileSync(path.join(root, 'assets/index-Ab12Cd34.js'), script);
  writeFileSync(path.join(root, 'assets/tiny-Zz99Yy88.css'), 'body{margin:0}');
  writeFileSync(path.join(root, 'assets/noise-Qq11Ww22.js'), randomBytes(4096));
  return { html, script };
}

describe('the console files', () => {
  let platform: TestPlatform;
  let root: string;
  let files: { html: string; script: string };
  let totals: PrecompressResult;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'qf-console-'));
    files = buildConsole(root);
    totals = await precompressFolder(root);
    platform = await createTestPlatform('pglite', { consoleRoot: root });
  });
  afterAll(async () => {
    await platform?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    platform.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  it('are compressed once at build time, and only where it pays', () => {
    const script = path.join(root, 'assets/index-Ab12Cd34.js');
    expect(readFileSync(`${script}.br`).length).toBeLessThan(files.script.length / 4);
    expect(readFileSync(`${script}.gz`).length).toBeLessThan(files.script.length / 4);
    // Too small to be worth it, and random bytes that do not shrink: no copies.
    expect(existsSync(path.join(root, 'assets/tiny-Zz99Yy88.css.br'))).toBe(false);
    expect(existsSync(path.join(root, 'assets/noise-Qq11Ww22.js.br'))).toBe(false);
    expect(existsSync(path.join(root, 'assets/noise-Qq11Ww22.js.gz'))).toBe(false);
    // The totals the build prints: what a browser fetching every file would receive.
    const size = (file: string) => readFileSync(path.join(root, file)).length;
    expect(totals).toEqual({
      files: 3,
      bytes: Buffer.byteLength(files.html) + Buffer.byteLength(files.script) + 4096,
      brotliBytes: size('index.html.br') + size('assets/index-Ab12Cd34.js.br') + 4096,
      gzipBytes: size('index.html.gz') + size('assets/index-Ab12Cd34.js.gz') + 4096,
    });
  });

  it('sends a hashed asset brotli-compressed to a browser that accepts it, cached as immutable', async () => {
    const response = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(String(response.headers.vary)).toContain('accept-encoding');
    expect(response.rawPayload.length).toBeLessThan(files.script.length / 4);
    expect(brotliDecompressSync(response.rawPayload).toString('utf8')).toBe(files.script);
  });

  it('falls back to gzip, then to the file itself', async () => {
    const gzipped = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(files.script);
    expect(gzipped.headers['cache-control']).toBe(IMMUTABLE);

    const plain = await get('/assets/index-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(files.script);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(String(plain.headers.vary)).toContain('accept-encoding');

    const noise = await get('/assets/noise-Qq11Ww22.js', 'br, gzip');
    expect(noise.headers['content-encoding']).toBeUndefined();
    expect(noise.rawPayload.length).toBe(4096);
  });

  it('has the index page revalidated on every load, at / and at every console path', async () => {
    for (const url of ['/', '/index.html', '/warnings', '/models/W01']) {
      const response = await get(url, 'br, gzip');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe(REVALIDATE);
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(response.rawPayload).toString('utf8'), url).toBe(files.html);
    }
    const first = await get('/', 'br');
    const again = await platform.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('keeps API answers uncached and unknown API paths out of the fallback', async () => {
    const response = await get('/api/v1/no-such-thing', 'br');
    expect(response.statusCode).toBe(404);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });
});
