import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { DEATHS_CSV, PAYMENTS_CSV, buildCounties, importCsv, runAndWait } from '../../testing/warnings-fixture.js';

for (const engine of testEngines()) {
  describe(`live feed of red warnings (${engine})`, () => {
    let platform: TestPlatform;
    let base: string;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
      await importCsv(platform, 'death', DEATHS_CSV);
      base = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => platform?.close());

    it('answers a client that does not accept an event stream at once (406)', async () => {
      const { countyA, actor } = await buildCounties(platform);
      const handler = await actor('supervision', countyA);
      const response = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/warnings/stream',
        headers: handler.session.headers,
      });
      expect(response.statusCode).toBe(406);
    });

    it('pushes a new red warning to a user of its jurisdiction and not to a sibling county', async () => {
      const { countyA, countyB, actor } = await buildCounties(platform);
      const handlerA = await actor('supervision', countyA);
      const handlerB = await actor('supervision', countyB);
      const open = async (cookie: string, controller: AbortController) => {
        const response = await fetch(`${base}/api/v1/warnings/stream`, {
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
      };
      const a = new AbortController();
      const b = new AbortController();
      const streamA = await open(handlerA.session.headers.cookie, a);
      const streamB = await open(handlerB.session.headers.cookie, b);
      await streamA.until(': connected');
      await streamB.until(': connected');
      const run = await runAndWait(platform, { kind: 'full', modelIds: ['W01'] });
      expect(run.new_warnings).toBe(2);
      const received = await streamA.until('event: warning');
      const data = JSON.parse(
        /data: (.*)\n/.exec(received.slice(received.indexOf('event: warning')))?.[1] ?? '{}',
      ) as Record<string, unknown>;
      expect(data).toMatchObject({ modelId: 'W01', severity: 'red', divisionCode: '330106001001' });
      const fromB = await streamB.until('330108001001');
      expect(fromB).not.toContain('330106001001');
      a.abort();
      b.abort();
    });
  });
}
