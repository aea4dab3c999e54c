import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClueWorld } from '../../testing/clue-world.js';
import { buildActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { DEATHS_CSV, PAYMENTS_CSV, buildCounties, importCsv, runAndWait } from '../../testing/warnings-fixture.js';

/** An open event stream read as text. */
async function openStream(base: string, cookie: string, controller: AbortController) {
  const response = await fetch(`${base}/api/v1/notifications/stream`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    /** Reads until `marker` has arrived; returns everything read so far. */
    async until(marker: string): Promise<string> {
      while (!text.includes(marker)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return text;
    },
    text: () => text,
  };
}

/** The data of each `notification` event in `text`. */
const events = (text: string) =>
  [...text.matchAll(/event: notification\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

for (const engine of testEngines()) {
  describe(`live notifications (${engine})`, () => {
    let platform: TestPlatform;
    let base: string;
    const open: AbortController[] = [];

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      await importCsv(platform, 'death', DEATHS_CSV);
      base = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      for (const controller of open) controller.abort();
      await platform?.close();
    });
    const controller = () => {
      const c = new AbortController();
      open.push(c);
      return c;
    };

    it('answers a client that does not accept an event stream at once (406)', async () => {
      const { countyA, actor } = await buildCounties(platform);
      const handler = await actor('supervision', countyA);
      const response = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/notifications/stream',
        headers: handler.session.headers,
      });
      expect(response.statusCode).toBe(406);
    });

    it('pushes a new red warning to a user of its jurisdiction and not to a sibling county', async () => {
      const { countyA, countyB, actor } = await buildCounties(platform);
      const streamA = await openStream(
        base,
        (await actor('supervision', countyA)).session.headers.cookie,
        controller(),
      );
      const streamB = await openStream(
        base,
        (await actor('supervision', countyB)).session.headers.cookie,
        controller(),
      );
      await streamA.until(': connected');
      await streamB.until(': connected');
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      expect(run.new_warnings).toBe(2);
      const [first] = events(await streamA.until('event: notification'));
      expect(first).toMatchObject({
        kind: 'red_warning',
        subjectType: 'warning',
        divisionCode: '330106001001',
        params: { modelId: 'W01' },
      });
      const fromB = await streamB.until('330108001001');
      expect(fromB).not.toContain('330106001001');
    });

    it('sends a clue awaiting approval to the leaders of its county only, as it happens', async () => {
      const world = await buildClueWorld(platform);
      const { registrar, handler, colleague, leader, leaderB } = world.people;
      const streamLeader = await openStream(base, leader.session.headers.cookie, controller());
      const streamHandler = await openStream(base, handler.session.headers.cookie, controller());
      const streamB = await openStream(base, leaderB.session.headers.cookie, controller());
      for (const s of [streamLeader, streamHandler, streamB]) await s.until(': connected');
      const id = await world.proposed(registrar, handler, colleague);
      const [notice] = events(await streamLeader.until('approval_waiting'));
      expect(notice).toMatchObject({ kind: 'approval_waiting', subjectType: 'clue', subjectId: id });
      // The handler heard of their own assignment only; the other county's leader of nothing.
      expect(events(await streamHandler.until('event: notification')).map((n) => n.kind)).toEqual(['assigned']);
      // A clue of B's own, proposed after A's: B's leader hears of it, and of nothing before it.
      const handlerB = await buildActor(platform.services, 'supervision', world.countyB);
      const colleagueB = await buildActor(platform.services, 'supervision', world.countyB);
      const own = await world.proposed(world.people.registrarB, handlerB, colleagueB, world.divisionB);
      const heardByB = events(await streamB.until('approval_waiting'));
      expect(heardByB.map((n) => [n.kind, n.subjectId])).toEqual([['approval_waiting', own]]);
    });
  });
}
