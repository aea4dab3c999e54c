import type { ErrorBody } from '../../http/error-handler.js';
import type { TMe, TSignInResponse } from './auth.schemas.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSignedInUser,
  findAuditEntries,
  ManualClock,
  sessionCookieOf,
  signIn,
} from '../../testing/auth-helpers.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

for (const engine of testEngines()) {
  describe(`[${engine}] auth: sign-in, lockout, CSRF`, () => {
    const clock = new ManualClock();
    let platform: TestPlatform;

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
    });
    afterAll(async () => platform?.close());

    async function newUser(overrides: { disabled?: boolean } = {}) {
      const db = platform.services.database.db;
      const org = await buildOrganisation(db, { name: '西湖区纪委监委' });
      const user = await buildUser(db, { role: 'supervision', orgId: org.id });
      if (overrides.disabled) await db.updateTable('users').set({ disabled: true }).where('id', '=', user.id).execute();
      return user;
    }

    function attempt(username: string, password: string) {
      return platform.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
    }

    it('signs in with the right password and returns who the user is', async () => {
      const user = await newUser();
      const response = await attempt(user.username, TEST_PASSWORD);
      expect(response.statusCode).toBe(200);
      const body = response.json<TSignInResponse>();
      expect(body.status).toBe('signed_in');
      expect(body.user).toMatchObject({
        id: user.id,
        username: user.username,
        role: 'supervision',
        orgId: user.org_id,
        orgName: '西湖区纪委监委',
        divisionCode: '330106000000',
        mustChangePassword: false,
        mustEnrolTotp: false,
        totpEnabled: false,
      });
      expect(body.user?.permissions).toContain('clue.handle');
      expect(body.user?.csrfToken).toMatch(/^[\w-]{20,}$/);
      const audit = await findAuditEntries(platform, { action: 'auth.sign_in', userId: user.id });
      expect(audit).toEqual([expect.objectContaining({ outcome: 'allowed', username: user.username })]);
    });

    it('sets the session cookie HttpOnly, SameSite=Strict, Path=/, no longer than the absolute lifetime', async () => {
      const user = await newUser();
      const response = await attempt(user.username, TEST_PASSWORD);
      const header = String(response.headers['set-cookie']);
      expect(header).toMatch(/^qf_session=[\w-]+;/);
      expect(header).toContain('HttpOnly');
      expect(header).toContain('SameSite=Strict');
      expect(header).toContain('Path=/');
      expect(header).not.toContain('Secure'); // plain HTTP unless configured
      const maxAge = Number(/Max-Age=(\d+)/.exec(header)?.[1]);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(12 * 3600);
    });

    it('marks the cookie Secure when the deployment says cookies are secure', async () => {
      const secure = await createTestPlatform(engine, { config: { cookieSecure: true } });
      try {
        const db = secure.services.database.db;
        const user = await buildUser(db, { role: 'leader', orgId: (await buildOrganisation(db)).id });
        const response = await secure.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { username: user.username, password: TEST_PASSWORD },
        });
        expect(String(response.headers['set-cookie'])).toContain('Secure');
      } finally {
        await secure.close();
      }
    });

    it('refuses a wrong password and an unknown username with the same 401, and audits both', async () => {
      const user = await newUser();
      const wrong = await attempt(user.username, 'Wrong-Password-1');
      const unknown = await attempt('nobody-here', 'Wrong-Password-1');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(Object.keys(wrong.json<ErrorBody>())).toEqual(['code', 'message']);
      expect(wrong.json<ErrorBody>().code).toBe('invalid_credentials');
      expect(unknown.json()).toEqual(wrong.json());
      expect(sessionCookieOf(wrong)).toBeUndefined();

      const failed = await findAuditEntries(platform, { action: 'auth.sign_in', userId: user.id });
      expect(failed).toMatchObject([{ outcome: 'failed', detail: { reason: 'bad_password' } }]);
      const unknownAudit = await findAuditEntries(platform, { action: 'auth.sign_in', username: 'nobody-here' });
      expect(unknownAudit).toEqual([
        expect.objectContaining({
          outcome: 'failed',
          user_id: null,
          detail: { reason: 'unknown_user', attemptedUsername: 'nobody-here' },
        }),
      ]);
    });

    it('treats a disabled account like a wrong password', async () => {
      const user = await newUser({ disabled: true });
      const response = await attempt(user.username, TEST_PASSWORD);
      expect(response.statusCode).toBe(401);
      expect(response.json<ErrorBody>().code).toBe('invalid_credentials');
      const audit = await findAuditEntries(platform, { action: 'auth.sign_in', userId: user.id });
      expect(audit.at(-1)?.detail).toMatchObject({ reason: 'disabled' });
    });

    it('locks the account after 5 failures for 15 minutes, then lets the right password in', async () => {
      const user = await newUser();
      const unknown = await attempt('nobody-at-all', 'Wrong-Password-1');
      /** Status, body and headers that matter, the per-request id aside: what a prober can compare. */
      const visible = (r: typeof unknown) => ({
        status: r.statusCode,
        body: r.body,
        cookie: r.headers['set-cookie'] ?? null,
        type: r.headers['content-type'],
      });
      for (let i = 0; i < 4; i++) expect((await attempt(user.username, 'Wrong-Password-1')).statusCode).toBe(401);
      // The failure that locks, and every attempt during the lock (even with the right
      // password), answer exactly as an unknown username does: no 423 to enumerate accounts.
      const lockedAt = clock.now();
      const fifth = await attempt(user.username, 'Wrong-Password-1');
      expect(visible(fifth)).toEqual(visible(unknown));
      clock.advance({ minutes: 14 });
      const whileLocked = await attempt(user.username, TEST_PASSWORD);
      expect(visible(whileLocked)).toEqual(visible(unknown));
      expect(whileLocked.json<ErrorBody>().code).toBe('invalid_credentials');

      clock.advance({ minutes: 1, seconds: 1 });
      expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(200);

      const lockouts = await findAuditEntries(platform, { action: 'auth.lockout', userId: user.id });
      expect(lockouts).toMatchObject([
        {
          outcome: 'allowed',
          detail: { failedAttempts: 5, lockedUntil: new Date(lockedAt.getTime() + 15 * 60_000).toISOString() },
        },
      ]);
      const reasons = (await findAuditEntries(platform, { action: 'auth.sign_in', userId: user.id })).map(
        (e) => (e.detail as { reason?: string } | null)?.reason ?? e.outcome,
      );
      expect(reasons).toEqual([...Array<string>(5).fill('bad_password'), 'locked', 'allowed']);
    });

    it('starts the failure count afresh after a successful sign-in', async () => {
      const user = await newUser();
      for (let i = 0; i < 4; i++) await attempt(user.username, 'Wrong-Password-1');
      expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expect((await attempt(user.username, 'Wrong-Password-1')).statusCode).toBe(401);
    });

    it('validates the body, naming the missing field', async () => {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: 'someone' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed', field: 'body.password' });
    });

    it('refuses a state-changing request without the CSRF token, or with another session’s', async () => {
      const { session } = await buildSignedInUser(platform, { role: 'leader' });
      const other = await buildSignedInUser(platform, { role: 'leader' });
      const missing = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        headers: { cookie: session.cookie },
      });
      expect(missing.statusCode).toBe(403);
      expect(missing.json<ErrorBody>().code).toBe('csrf_failed');
      const foreign = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        headers: { cookie: session.cookie, 'x-csrf-token': other.session.csrfToken },
      });
      expect(foreign.statusCode).toBe(403);
      // Reads need no token: that is how the client learns it.
      const me = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: session.cookie },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json<TMe>().csrfToken).toBe(session.csrfToken);
    });

    it('answers GET me with 401 without a session', async () => {
      const response = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
      expect(response.statusCode).toBe(401);
    });

    it('the signIn test helper returns working headers', async () => {
      const user = await newUser();
      const session = await signIn(platform.app, user.username);
      const me = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
      expect(me.json()).toEqual(session.me);
    });
  });
}
