import type { Page, Request } from 'playwright-core';

/**
 * Counts a page's requests in flight, leaving out the live notification stream: an EventSource
 * stays open for the page's whole life, so Playwright's `networkidle` never comes on a
 * signed-in console page and every wait for it ran to its time limit.
 */
export function trackRequests(page: Page): () => number {
  const inFlight = new Set<Request>();
  const counts = (request: Request) => request.resourceType() !== 'eventsource';
  page.on('request', (request) => {
    if (counts(request)) inFlight.add(request);
  });
  const done = (request: Request) => inFlight.delete(request);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  // A navigation abandons the old document's requests without always reporting them.
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) inFlight.clear();
  });
  return () => inFlight.size;
}

/** Waits until no request has been in flight for `quietMs`, or `limitMs` has passed (a page that polls is never quiet). */
export async function waitForQuiet(page: Page, inFlight: () => number, quietMs = 300, limitMs = 5_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  let quietSince = inFlight() === 0 ? Date.now() : Number.POSITIVE_INFINITY;
  while (Date.now() < deadline) {
    if (inFlight() > 0) quietSince = Number.POSITIVE_INFINITY;
    else if (quietSince === Number.POSITIVE_INFINITY) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(50);
  }
}
