import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { launchBrowser, openConsole } from './browser.js';
import { type RunningServer, type ServerOptions, startServer } from './server.js';

/**
 * The browser tests' `test`. A test names what it needs, `async ({ page, server }) => …`, and
 * gets a fresh browser context on the console of its file's server; the server and the
 * browser start once per file, on first use, and stop after its last test. A test fails if
 * the page logged an error or a request failed, even when its own steps passed.
 *
 * Vitest reads the fixtures a function needs from its first parameter's pattern, so a
 * fixture that needs none still writes `{}`.
 */
export const consoleTest = consoleTestOn({});

/** The same on a server that loaded the demo county, as `npm start` on a new folder does. */
export const demoConsoleTest = consoleTestOn({ demo: true, timeoutMs: 300_000 });

function consoleTestOn(options: ServerOptions) {
  return (
    test
      // eslint-disable-next-line no-empty-pattern
      .extend('server', { scope: 'file' }, async ({}, { onCleanup }): Promise<RunningServer> => {
        const server = await startServer(options);
        onCleanup(() => server.stop());
        return server;
      })
      // eslint-disable-next-line no-empty-pattern
      .extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
        const browser = await launchBrowser();
        onCleanup(() => browser.close());
        return browser;
      })
      .extend('page', async ({ browser, server, onTestFinished }, { onCleanup }): Promise<Page> => {
        const { context, page, problems } = await openConsole(browser, server.baseUrl);
        onCleanup(() => context.close());
        // Checked once the test has finished rather than in the cleanup: Vitest runs a cleanup
        // that threw a second time, which would report the same problems twice.
        onTestFinished(() => {
          expect(problems, 'console errors and failed requests seen by the page').toEqual([]);
        });
        return page;
      })
  );
}
