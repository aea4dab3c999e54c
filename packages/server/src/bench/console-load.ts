import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const CHROMIUM = process.env.QF_CHROMIUM ?? '/usr/bin/chromium';

export interface ConsoleLoad {
  requests: number;
  /** Bytes on the wire: compressed bodies plus headers, as Chromium counted them. */
  transferred: number;
  /** The same bodies decoded. */
  uncompressed: number;
  firstContentfulPaintMs: number;
  /** Until the sign-in form is on screen, from the start of navigation. */
  signInShownMs: number;
}

/** Starts the built server on a fresh folder and a port of its choosing; resolves with its address. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, QF_DATA_DIR: dataDir, QF_PORT: '0', QF_DEMO: 'false', QF_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /Qingfeng is running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { child, baseUrl };
}

/** One visit to the console's address in a browser context of its own (a cold cache unless given). */
async function visit(browser: Browser, baseUrl: string): Promise<ConsoleLoad> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const finished: Promise<{ transferred: number; uncompressed: number }>[] = [];
  page.on('requestfinished', (request) => {
    finished.push(
      (async () => {
        const sizes = await request.sizes();
        const body = await (await request.response())?.body().catch(() => Buffer.alloc(0));
        return {
          transferred: sizes.responseBodySize + sizes.responseHeadersSize,
          uncompressed: body?.length ?? 0,
        };
      })(),
    );
  });
  await page.goto(baseUrl);
  await page.locator('form').first().waitFor();
  const signInShownMs = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  const firstContentfulPaintMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  const sizes = await Promise.all(finished);
  await context.close();
  return {
    requests: sizes.length,
    transferred: sizes.reduce((sum, s) => sum + s.transferred, 0),
    uncompressed: sizes.reduce((sum, s) => sum + s.uncompressed, 0),
    firstContentfulPaintMs,
    signInShownMs,
  };
}

/**
 * The console's first load, as a person opening its address meets it: the sign-in page, in
 * Debian's Chromium with an empty cache, from the built server (`npm run build` first).
 * Prints the requests, the bytes sent (compressed) beside the bytes they decode to, and
 * the time to first paint and to the sign-in form; the median of five visits.
 */
export async function runConsoleLoadBench(): Promise<ConsoleLoad | undefined> {
  process.stdout.write('\n## Console first load (sign-in page, empty cache, Chromium)\n');
  if (!existsSync(CHROMIUM)) {
    process.stdout.write(`skipped: no Chromium at ${CHROMIUM} (set QF_CHROMIUM)\n`);
    return undefined;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qf-bench-console-'));
  const { child, baseUrl } = await startServer(dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    await visit(browser, baseUrl); // the server's first answers warm its file cache
    const runs: ConsoleLoad[] = [];
    for (let i = 0; i < 5; i++) runs.push(await visit(browser, baseUrl));
    const median = (pick: (run: ConsoleLoad) => number) => runs.map(pick).sort((a, b) => a - b)[2] ?? Number.NaN;
    const load: ConsoleLoad = {
      requests: median((r) => r.requests),
      transferred: median((r) => r.transferred),
      uncompressed: median((r) => r.uncompressed),
      firstContentfulPaintMs: median((r) => r.firstContentfulPaintMs),
      signInShownMs: median((r) => r.signInShownMs),
    };
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    process.stdout.write(
      `requests ${load.requests}, transferred ${kib(load.transferred)} (uncompressed ${kib(load.uncompressed)}), ` +
        `first paint ${load.firstContentfulPaintMs.toFixed(0)} ms, sign-in form shown ${load.signInShownMs.toFixed(0)} ms\n`,
    );
    return load;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}
