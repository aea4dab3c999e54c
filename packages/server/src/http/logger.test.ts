import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app/build-app.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import type { FastifyInstance } from 'fastify';

describe('request logs', () => {
  let platform: TestPlatform;
  let app: FastifyInstance;
  let log = '';

  beforeAll(async () => {
    platform = await createTestPlatform('pglite');
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    platform.services.config.logLevel = 'info';
    ({ app } = await buildApp(platform.services, { logStream: stream }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await platform?.close();
  });

  it('never contain identity numbers, phone numbers, passwords or cookies', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/v1/users?q=11010519491231002X&phone=13812345678',
      headers: { cookie: 'qf_session=secret-session-token' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'someone', password: 'Very-Secret-Pass-9' },
    });
    app.log.info('looked up 11010519491231002X at 13812345678');
    expect(log).toContain('"url":"/api/v1/users?q=110***********002X&phone=138****5678"');
    expect(log).toContain('looked up 110***********002X at 138****5678');
    for (const secret of ['11010519491231002X', '13812345678', 'Very-Secret-Pass-9', 'secret-session-token']) {
      expect(log).not.toContain(secret);
    }
  });
});
