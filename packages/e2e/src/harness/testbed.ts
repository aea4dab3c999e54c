import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ConsolePage, launchBrowser, openConsole } from './browser.js';
import { type RunningServer, startServer } from './server.js';

export interface ConsoleTestbed {
  /** The suite's server (fresh data folder, first administrators' passwords). */
  readonly server: RunningServer;
  /** A fresh browser context (own cookies and storage) with one page on the server's console. */
  openConsole(): Promise<ConsolePage>;
}

/**
 * Registers hooks that start a server and a browser before the enclosing suite's tests and
 * stop both after them; call it at the top of a `describe`. The accessors throw if used
 * outside a test, when there is nothing started to give.
 */
export function useConsoleTestbed(): ConsoleTestbed {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = () => {
    if (!server || !browser) throw new Error('useConsoleTestbed: used outside a test of its suite');
    return { server, browser };
  };
  return {
    get server() {
      return started().server;
    },
    openConsole() {
      const { server, browser } = started();
      return openConsole(browser, server.baseUrl);
    },
  };
}
