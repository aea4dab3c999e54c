import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { keptSerializerCompiler } from './kept-serializer.js';

describe('kept serializer', () => {
  async function appAnswering(answer: () => unknown) {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(keptSerializerCompiler);
    app
      .withTypeProvider<ZodTypeProvider>()
      .get(
        '/n',
        { schema: { response: { 200: z.object({ n: z.number(), at: z.date() }) } } },
        async () => answer() as never,
      );
    await app.ready();
    return app;
  }

  it('writes a kept answer once and the same text after, and a fresh answer afresh', async () => {
    const kept = { n: 1, at: new Date('2026-12-05T00:00:00Z'), secret: 'not in the schema' };
    let answer: object = kept;
    const app = await appAnswering(() => answer);
    const first = await app.inject('/n');
    expect(first.json()).toEqual({ n: 1, at: '2026-12-05T00:00:00.000Z' });
    // A kept answer is never changed; if it were, the text written for it would stand.
    kept.n = 2;
    expect((await app.inject('/n')).body).toBe(first.body);
    answer = { n: 3, at: new Date('2026-12-06T00:00:00Z') };
    expect((await app.inject('/n')).json()).toEqual({ n: 3, at: '2026-12-06T00:00:00.000Z' });
    await app.close();
  });

  it('still refuses an answer its schema does not allow', async () => {
    const app = await appAnswering(() => ({ n: 'one', at: new Date() }));
    expect((await app.inject('/n')).statusCode).toBe(500);
    await app.close();
  });
});
