import type { ErrorBody } from '../../http/error-handler.js';
import type { TMe } from './auth.schemas.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedInUser, findAuditEntries, ManualClock, signIn } from '../../testing/auth-helpers.js';
import { TEST_PASSWORD } from '../../testing/factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import type { SignedIn } from '../../testing/auth-helpers.js';

for (const engine of testEngines()) {
  describe(`[${engine}] auth: password change and policy`, () => {
    const clock = new ManualClock();
    let platform: TestPlatform;

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
    });
    afterAll(async () => platform?.close());

    function change(session: SignedIn, currentPassword: string, newPassword: string) {
      return platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: session.headers,
        payload: { currentPassword, newPassword },
      });
    }

    it.each([
      ['password_too_short', 'Ab1!ab1!'],
      ['password_too_few_classes', 'onlylowercase123'],
      // The probe's case: the username with a year and a symbol after it.
      ['password_contains_username', 'demo.leader2024!'],
    ])('refuses a new password that breaks a rule: %s', async (code, newPassword) => {
      const username = code === 'password_contains_username' ? 'demo.leader' : `Zhang.San-${code}`;
      const { user, session } = await buildSignedInUser(platform, { role: 'leader', username });
      const response = await change(session, TEST_PASSWORD, newPassword);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code, field: 'newPassword' });
      const audit = await findAuditEntries(platform, { action: 'auth.password_change', userId: user.id });
      expect(audit).toEqual([
        expect.objectContaining({ outcome: 'failed', detail: { reason: 'policy', problems: [code] } }),
      ]);
    });

    it('refuses a wrong current password', async () => {
      const { user, session } = await buildSignedInUser(platform, { role: 'leader' });
      const response = await change(session, 'Not-The-Password-9', 'Brand-New-Pass-1');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_password', field: 'currentPassword' });
      const audit = await findAuditEntries(platform, { action: 'auth.password_change', userId: user.id });
      expect(audit.at(-1)).toMatchObject({ outcome: 'failed', detail: { reason: 'bad_password' } });
    });

    it('refuses any of the last 5 passwords but allows an older one', async () => {
      const { user, session } = await buildSignedInUser(platform, { role: 'leader' });
      const passwords = [
        TEST_PASSWORD,
        'Second-Pass-2',
        'Third-Pass-3',
        'Fourth-Pass-4',
        'Fifth-Pass-5',
        'Sixth-Pass-6',
      ];
      for (let i = 1; i < passwords.length; i++) {
        expect((await change(session, passwords[i - 1] as string, passwords[i] as string)).statusCode).toBe(200);
      }
      // The last five: Sixth (current), Fifth, Fourth, Third, Second.
      for (const reused of passwords.slice(1)) {
        const response = await change(session, 'Sixth-Pass-6', reused);
        expect(response.json(), reused).toMatchObject({ code: 'password_reused', field: 'newPassword' });
      }
      expect((await change(session, 'Sixth-Pass-6', TEST_PASSWORD)).statusCode).toBe(200);
      const history = await platform.services.database.db
        .selectFrom('password_history')
        .select('id')
        .where('user_id', '=', user.id)
        .execute();
      expect(history).toHaveLength(6);
    });

    it('keeps a user who must change their password to the onboarding routes until they do', async () => {
      const { session } = await buildSignedInUser(platform, { role: 'auditor', mustChangePassword: true });
      expect(session.me.mustChangePassword).toBe(true);
      const blocked = await platform.app.inject({ method: 'GET', url: '/api/v1/audit', headers: session.headers });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json<ErrorBody>().code).toBe('password_change_required');
      const blockedToo = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/recovery-codes',
        headers: session.headers,
        payload: { password: TEST_PASSWORD },
      });
      expect(blockedToo.json<ErrorBody>().code).toBe('password_change_required');

      expect((await change(session, TEST_PASSWORD, 'Freshly-Chosen-7')).statusCode).toBe(200);
      const me = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
      expect(me.json<TMe>().mustChangePassword).toBe(false);
      const allowed = await platform.app.inject({ method: 'GET', url: '/api/v1/audit', headers: session.headers });
      expect(allowed.statusCode).toBe(200);
    });

    it('requires a change once the password is older than 90 days', async () => {
      const { user } = await buildSignedInUser(platform, { role: 'leader' });
      clock.advance({ days: 91 });
      try {
        const session = await signIn(platform.app, user.username);
        expect(session.me.mustChangePassword).toBe(true);
        expect((await change(session, TEST_PASSWORD, 'Renewed-Pass-91')).statusCode).toBe(200);
        const me = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
        expect(me.json<TMe>().mustChangePassword).toBe(false);
      } finally {
        clock.advance({ days: -91 });
      }
    });

    it('signs out the user’s other sessions but keeps the one that changed it', async () => {
      const { user, session } = await buildSignedInUser(platform, { role: 'leader' });
      const other = await signIn(platform.app, user.username);
      expect((await change(session, TEST_PASSWORD, 'Another-Pass-8')).statusCode).toBe(200);
      const mine = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
      const theirs = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: other.headers });
      expect(mine.statusCode).toBe(200);
      expect(theirs.statusCode).toBe(401);
      const audit = await findAuditEntries(platform, { action: 'auth.password_change', userId: user.id });
      expect(audit).toEqual([
        expect.objectContaining({ outcome: 'allowed', detail: { wasRequired: false, revokedSessions: 1 } }),
      ]);
      // The old password no longer works, the new one does.
      await expect(signIn(platform.app, user.username)).rejects.toThrow(/401/);
      await expect(signIn(platform.app, user.username, 'Another-Pass-8')).resolves.toBeTruthy();
    });
  });
}
