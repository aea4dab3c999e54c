import type { Role } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildSession, buildUser, type TestSession } from '../testing/factories.js';
import { testEngines } from '../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { findTextDefect } from './text-input.js';

describe('findTextDefect', () => {
  it('names the first NUL or unpaired surrogate by its path, keys included', () => {
    expect(findTextDefect({ rows: [{ name: 'ok' }, { name: 'a\u0000b' }] }, 'body')).toEqual({
      field: 'body.rows.1.name',
      problem: 'contains a NUL character',
    });
    expect(findTextDefect({ q: 'x\ud800' }, 'querystring')?.field).toBe('querystring.q');
    expect(findTextDefect({ tags: { 'bad\u0000key': 1 } }, 'body')?.field).toBe('body.tags');
  });

  it('lets through real text, surrogate pairs and right-to-left marks included', () => {
    expect(findTextDefect({ q: '张三 😀 \u202Eabc\u200B', n: 3, list: [null, true] }, 'body')).toBeUndefined();
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}"\\u0000"${']'.repeat(200_000)}`) as unknown;
    expect(findTextDefect(deep, 'body')?.problem).toBe('contains a NUL character');
  });
});

describe.each(testEngines())('text input on %s', (engine) => {
  let platform: TestPlatform;
  const sessions = new Map<Role, TestSession>();
  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    const db = platform.services.database.db;
    const org = await buildOrganisation(db);
    for (const role of ['auditor', 'model_analyst'] as const) {
      sessions.set(role, await buildSession(platform.services, await buildUser(db, { role, orgId: org.id })));
    }
  });
  afterAll(async () => platform?.close());

  // Each of these once reached the operational store, which refuses U+0000 in text: a 500.
  it.each([
    ['auditor', '/api/v1/users?q=a%00b', 'querystring.q'],
    ['auditor', '/api/v1/audit?action=a%00b', 'querystring.action'],
    ['model_analyst', '/api/v1/models/W01%00', 'params.id'],
  ] as const)('answers %s GET %s with a 400 naming %s', async (role, url, field) => {
    const headers = (sessions.get(role) as TestSession).headers;
    const response = await platform.app.inject({ method: 'GET', url, headers });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', field });
  });

  it('refuses an unpaired surrogate in a JSON body, naming the field', async () => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"a\\ud800","password":"whatever-1A"}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', field: 'body.username' });
  });
});
