import { DEFAULT_ROLE_PERMISSIONS, ROLES, type RouteAccess } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../db/schema.js';
import { buildOrganisation, buildSession, buildUser } from '../testing/factories.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';

/**
 * Walks every registered /api/v1 route with every role. A role without the route's
 * permission must get 403; a role with it must get past access control (any status but
 * 401/403). Path parameters are filled with ids that do not exist, so a permitted call
 * ends in 404 or 400, never touching another test's data.
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
    return DEFAULT_ROLE_PERMISSIONS[role].includes(access);
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
});
