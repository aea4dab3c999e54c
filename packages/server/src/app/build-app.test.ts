import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';

describe('the HTTP application', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite');
  });
  afterAll(async () => platform?.close());

  it('sends security headers and a request id, and keeps plain HTTP usable', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('tells browsers and proxies to keep no API answer, errors included', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/no-such-thing']) {
      const response = await platform.app.inject({ method: 'GET', url });
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const signIn = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'nobody', password: 'Wrong-password-1' },
    });
    expect(signIn.headers['cache-control']).toBe('no-store');
  });

  it('answers unknown API routes with the one error shape', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    const body = response.json<{ code: string; message: string }>();
    expect(body.code).toBe('not_found');
    expect(body.message).toContain('/api/v1/no-such-thing');
  });

  it('names the field of a malformed request', async () => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'someone' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', field: 'body.password' });
  });

  it('serves the OpenAPI document with every API route in it', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    for (const route of platform.routes) {
      const openApiPath = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(paths, route.url).toContain(openApiPath);
    }
  });
});

describe('public routes', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite', { config: { publicRateLimit: 3 } });
  });
  afterAll(async () => platform?.close());

  it('are rate-limited per address, answering 429 in the one error shape', async () => {
    const attempt = () =>
      platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: 'nobody', password: 'Wrong-password-1' },
        remoteAddress: '203.0.113.9',
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await attempt()).json()).toMatchObject({ code: 'rate_limited' });
    const otherAddress = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'nobody', password: 'Wrong-password-1' },
      remoteAddress: '203.0.113.10',
    });
    expect(otherAddress.statusCode).toBe(401);
  });
});
