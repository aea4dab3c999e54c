import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { DESKTOP, PHONE, openConsole, screenshotPath } from '../harness/browser.js';
import { signInFirstTime } from '../harness/console-actions.js';
import { demoConsoleTest } from '../harness/console-test.js';
import type { Login, RunningServer } from '../harness/server.js';
import {
  type ConsoleRoute,
  REACHED_THROUGH,
  consoleRoutes,
  fill,
  listOf,
  routeRegExp,
  userFor,
} from './console-routes.js';
import { measureWidth } from './measure-width.js';
import { trackRequests, waitForQuiet } from './quiet-network.js';
import { WORKING_STATES } from './working-states.js';

/**
 * No page of the console is wider than its window, at 1,280 px and on a 390 px phone, in
 * Chinese and in English: every route the console declares, each as a demo user allowed
 * to see it, on the demo county's data (long model lists, wide tables, real warnings).
 */

let routes: ConsoleRoute[] = [];
// Compiling the console's route tables (antd, ECharts) takes a while on a busy machine.
beforeAll(async () => {
  routes = await consoleRoutes();
}, 120_000);

/** Signed-in sessions by username, made once (the first sign-in changes the password). */
type Session = Awaited<ReturnType<BrowserContext['storageState']>>;
const sessions = new Map<string, Session>();
/** Parameter values seen on reaching a page, keyed `<list>:<name>` (`/models:id`). */
const known: Record<string, string> = {};

async function sessionOf(browser: Browser, server: RunningServer, user: Login): Promise<Session> {
  let state = sessions.get(user.username);
  if (!state) {
    const { context, page } = await openConsole(browser, server.baseUrl, DESKTOP);
    await signInFirstTime(page, user.username, user.password);
    state = await context.storageState();
    sessions.set(user.username, state);
    await context.close();
  }
  return state;
}

/** Requests in flight on each page the test opened. */
const inFlightOn = new WeakMap<Page, () => number>();

/** Waits until the page has its data: no request in flight, no spinner turning. */
async function settle(page: Page): Promise<void> {
  await waitForQuiet(page, inFlightOn.get(page) ?? (() => 0));
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined); // a run's progress may keep polling; measure what is there
  await layoutStill(page);
}

/**
 * Waits until the document's size has stayed the same for a few frames (at most two seconds):
 * a table lays out its columns a frame or two after its data arrives, and a fixed pause
 * either waits longer than that or, on a busy machine, not long enough.
 */
async function layoutStill(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let done = false;
        const finish = () => {
          done = true;
          resolve();
        };
        // A page that draws no frame (hidden, throttled) still settles, by the clock.
        setTimeout(finish, 2_000);
        const root = document.documentElement;
        const size = () => `${root.scrollWidth}x${root.scrollHeight}x${document.getElementsByTagName('*').length}`;
        let last = size();
        let still = 0;
        const frame = () => {
          if (done) return;
          const now = size();
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 5) finish();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/**
 * Reaches a page with a parameter as a person would: on its list, the first row. The list
 * may still be empty while the demo's first model run is under way: reload until a row shows.
 */
async function reachFromList(page: Page, route: ConsoleRoute): Promise<string> {
  const filled = fill(route.pattern, known);
  if (filled) return filled;
  const target = routeRegExp(route.pattern);
  const through = REACHED_THROUGH[route.pattern];
  if (through) {
    // A page no list leads to: open the page that links to it, then follow the link.
    await page.goto(await reachFromList(page, { pattern: through.from }));
    await page.getByTestId(through.link).first().click();
  } else {
    await reachRow(page, route.pattern);
  }
  await page.waitForURL((url) => target.test(url.pathname));
  const { pathname } = new URL(page.url());
  for (const [name, value] of Object.entries(target.exec(pathname)?.groups ?? {})) {
    known[`${listOf(route.pattern)}:${name}`] = value;
  }
  return pathname;
}

/** Opens the list a parameter page is reached from and clicks its first row (waiting for the demo's first run). */
async function reachRow(page: Page, pattern: string): Promise<void> {
  const deadline = Date.now() + 240_000;
  await page.goto(listOf(pattern));
  const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
  while (!(await row.isVisible())) {
    if (Date.now() > deadline) throw new Error(`no row on ${listOf(pattern)} to reach ${pattern}`);
    // The demo's first run fills the lists within seconds of a cold start: look again each second.
    await page.waitForTimeout(1_000);
    await page.reload();
    await settle(page);
  }
  await row.click();
}

const LANGUAGES = [
  { lang: 'zh', stored: 'zh' },
  { lang: 'en', stored: 'en' },
] as const;
const WIDTHS = [DESKTOP, PHONE] as const;

for (const { lang, stored } of LANGUAGES) {
  for (const viewport of WIDTHS) {
    demoConsoleTest(
      `[LAYOUT]: no console page is wider than a ${viewport.width} px window in ${lang}`,
      async ({ browser, server }) => {
        expect(routes.length, 'routes read from the console').toBeGreaterThan(15);
        const failures: string[] = [];
        const problems: string[] = [];
        // The demo staff first (they see the data), then the separated administrators.
        const users = [...server.logins.filter((l) => l.username.startsWith('demo.')), ...server.logins];
        // One page per user, kept from route to route: its cache and compiled scripts are what
        // a person's browser keeps too, and a fresh context per route only re-downloads them.
        const pages = new Map<string, Page>();
        let current = '';
        const pageOf = async (user: Login): Promise<Page> => {
          const open = pages.get(user.username);
          if (open) return open;
          const storageState = await sessionOf(browser, server, user);
          const context = await browser.newContext({ baseURL: server.baseUrl, viewport, storageState });
          await context.addInitScript((value) => localStorage.setItem('qf.lang', value), stored);
          const page = await context.newPage();
          inFlightOn.set(page, trackRequests(page));
          page.on('pageerror', (error) => problems.push(`${current}: ${error.message}`));
          pages.set(user.username, page);
          return page;
        };
        try {
          for (const route of routes) {
            const user = userFor(route, users);
            if (!user) {
              failures.push(`${route.pattern}: no demo user may see it (${String(route.permission)})`);
              continue;
            }
            current = route.pattern;
            const page = await pageOf(user);
            const path = route.pattern.includes(':') ? await reachFromList(page, route) : route.pattern;
            await page.goto(path);
            await settle(page);
            expect(new URL(page.url()).pathname, `${route.pattern} as ${user.username}`).toBe(path);
            const measure = async (state: string) => {
              const report = await measureWidth(page);
              if (report.scrollWidth <= report.innerWidth && report.tooWide.length === 0) return;
              const name = `fit-${lang}-${viewport.width}-${path.replaceAll('/', '_')}${state ? '-worked' : ''}`;
              await page.screenshot({ path: screenshotPath(name), fullPage: true });
              failures.push(
                `${path}${state} (${user.username}): document ${report.scrollWidth} px in a ${report.innerWidth} px window; ` +
                  `too wide: ${report.tooWide.slice(0, 5).join('; ') || 'none found'} — ${screenshotPath(name)}`,
              );
            };
            await measure('');
            for (const state of WORKING_STATES[route.pattern] ?? []) {
              await state.act(page);
              await settle(page);
              await measure(` with ${state.name}`);
            }
          }
        } finally {
          for (const page of pages.values()) await page.context().close();
        }
        expect(problems, 'errors on the pages').toEqual([]);
        expect(failures, 'pages wider than the window').toEqual([]);
      },
      900_000,
    );
  }
}
