import { DEFAULT_ROLE_PERMISSIONS, ROLES, grantsAccess, type RouteAccess } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../db/schema.js';
import { createApiKey } from '../modules/api-keys/api-keys.service.js';
import { cliScope } from '../modules/organisations/scope.js';
import { buildOrganisation, buildSession, buildUser } from '../testing/factories.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';

/**
 * Walks every registered /api/v1 route with every role. A role without the route's
 * permission must get 403; a role with it must get past access control (any status but
 * 401/403). Path parameters are filled with ids that do not exist, so a permitted call
 * ends in 404 or 400, never touching another test's data. Routes of access `api_key`
 * (departments pushing data) take no session at all: every role is refused there, and only
 * a valid key gets through.
 */
describe('permission matrix', () => {
  let platform: TestPlatform;
  const users = new Map<string, User>();

  beforeAll(async () => {
    platform = await createTestPlatform('pglite');
    const org = await buildOrganisation(platform.services.database.db);
    for (const role of ROLES) {
      const user = await buildUser(platform.services.database.db, { role, orgId: org.id });
      users.set(role, user);
    }
  });
  afterAll(async () => platform?.close());

  function fill(url: string): string {
    return url.replace(/:([a-zA-Z]+)/g, (_m, name: string) => (name.toLowerCase().endsWith('id') ? '999999' : 'x'));
  }

  function allows(role: (typeof ROLES)[number], access: RouteAccess): boolean {
    if (access === 'public' || access === 'authenticated') return true;
    // API-key routes do not read the session: a signed-in person gets 401 like anyone keyless.
    if (access === 'api_key') return false;
    return grantsAccess(DEFAULT_ROLE_PERMISSIONS[role], access);
  }

  it('registers routes, each with a declared access', () => {
    expect(platform.routes.length).toBeGreaterThan(0);
    for (const route of platform.routes) expect(route.access, `${route.method} ${route.url}`).toBeTruthy();
  });

  it('refuses every non-public route without a session', async () => {
    for (const route of platform.routes.filter((r) => r.access !== 'public')) {
      const response = await platform.app.inject({ method: route.method as 'GET', url: fill(route.url) });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('lets exactly the roles holding the permission through', async () => {
    const failures: string[] = [];
    for (const route of platform.routes.filter((r) => r.access !== 'public')) {
      for (const role of ROLES) {
        // A fresh session per call: some routes (sign-out) rightly end the session they run in.
        const session = await buildSession(platform.services, users.get(role) as User);
        const response = await platform.app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: session.headers,
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const refused = response.statusCode === 401 || response.statusCode === 403;
        if (allows(role, route.access) === refused) {
          failures.push(
            `${role} ${route.method} ${route.url} → ${response.statusCode} (${response.body.slice(0, 80)})`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses api_key routes without a valid key, and lets a valid key past access control', async () => {
    const keyRoutes = platform.routes.filter((r) => r.access === 'api_key');
    expect(keyRoutes.length).toBeGreaterThan(0);
    const db = platform.services.database.db;
    const parent = await buildOrganisation(db);
    const department = await buildOrganisation(db, {
      kind: 'unit',
      unit_type: 'department',
      commission_level: null,
      parent_id: parent.id,
    });
    const { secret } = await createApiKey(platform.services, cliScope(), {
      departmentId: department.id,
      name: '矩阵测试',
      datasetTypes: ['death'],
      rateLimitPerMinute: 1000,
    });
    const session = await buildSession(platform.services, users.get('data_admin') as User);
    const [, id] = secret.split('_');
    const refused: Record<string, Record<string, string>> = {
      session: session.headers,
      malformed: { 'x-api-key': 'not-a-key' },
      unknown: { 'x-api-key': `qfk_99999_${'A'.repeat(43)}` },
      wrongSecret: { 'x-api-key': `qfk_${id}_${'A'.repeat(43)}` },
    };
    for (const route of keyRoutes) {
      const call = (headers: Record<string, string>) =>
        platform.app.inject({ method: route.method as 'POST', url: fill(route.url), headers, payload: { rows: [{}] } });
      for (const [name, headers] of Object.entries(refused)) {
        expect((await call(headers)).statusCode, `${name} ${route.method} ${route.url}`).toBe(401);
      }
      const valid = await call({ 'x-api-key': secret });
      expect(valid.statusCode, `valid key ${route.method} ${route.url}`).not.toBe(401);
      expect(valid.json<{ code?: string }>().code ?? '', `valid key ${route.method} ${route.url}`).not.toMatch(
        /^api_key_|csrf/,
      );
    }
  });
});
