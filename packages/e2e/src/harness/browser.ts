import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

/** Debian's Chromium, headless, with everything that would reach the network turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.QF_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests seen by the page, to show when a test fails. */
  problems: string[];
}

/** A fresh browser context (own cookies and storage) with one page on the console. */
export async function openConsole(browser: Browser, baseUrl: string, viewport = DESKTOP): Promise<ConsolePage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Asking who is signed in answers 401 before sign-in: that is how the console finds out.
    if (message.location().url.endsWith('/api/v1/auth/me') && message.text().includes('401')) return;
    // A person search waiting for a second person's approval answers 403 (approval_required):
    // that is how the console learns it must offer to ask (docs/security.md).
    if (message.location().url.endsWith('/api/v1/people/search') && message.text().includes('403')) return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  return { context, page, problems };
}

/** Where screenshots go: the OS temp folder, never the repository. */
export function screenshotPath(name: string): string {
  return path.join(tmpdir(), `qingfeng-${name}.png`);
}
