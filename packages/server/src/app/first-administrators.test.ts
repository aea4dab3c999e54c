import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../modules/auth/password-hasher.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { ensureFirstAdministrators } from './first-administrators.js';

describe('first administrators', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite');
  });
  afterAll(async () => platform?.close());

  it('creates the three separated administrators once, each with a temporary password', async () => {
    const logins = await ensureFirstAdministrators(platform.services);
    expect(logins.map((l) => l.role)).toEqual(['sys_admin', 'sec_admin', 'auditor']);
    const db = platform.services.database.db;
    for (const login of logins) {
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', login.username)
        .executeTakeFirstOrThrow();
      expect(user.must_change_password).toBe(true);
      expect(await verifyPassword(user.password_hash, login.password)).toBe(true);
    }
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').execute();
    expect(audit.map((a) => a.username)).toEqual(['bootstrap', 'bootstrap', 'bootstrap']);
    expect(await ensureFirstAdministrators(platform.services)).toEqual([]);
  });
});
