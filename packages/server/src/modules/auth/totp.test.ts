import type { ErrorBody } from '../../http/error-handler.js';
import type { TMe, TSignInResponse } from './auth.schemas.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSignedInUser,
  enrolTotp,
  findAuditEntries,
  ManualClock,
  sessionCookieOf,
  signIn,
} from '../../testing/auth-helpers.js';
import { TEST_PASSWORD } from '../../testing/factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { totpCodeAt } from './totp.js';
import { TOTP_REQUIRED_ROLES_KEY } from './totp-policy.js';

for (const engine of testEngines()) {
  describe(`[${engine}] auth: TOTP`, () => {
    const clock = new ManualClock();
    let platform: TestPlatform;

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
    });
    afterAll(async () => platform?.close());

    /** A signed-in user with TOTP on; the clock is moved past the confirming code's step. */
    async function enrolledUser() {
      const { user, session } = await buildSignedInUser(platform, { role: 'investigation' });
      const enrolment = await enrolTotp(platform.app, session, clock.now());
      clock.advance({ seconds: 30 });
      return { user, session, ...enrolment };
    }

    function passwordStep(username: string, password = TEST_PASSWORD) {
      return platform.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
    }

    function verify(cookie: string | undefined, payload: object) {
      return platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/verify',
        headers: cookie ? { cookie } : {},
        payload,
      });
    }

    it('enrols: a secret stored encrypted, a confirming code, 10 recovery codes stored hashed', async () => {
      const { user, session } = await buildSignedInUser(platform, { role: 'investigation' });
      const setup = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/setup',
        headers: session.headers,
      });
      expect(setup.statusCode).toBe(200);
      const { secret, otpauthUrl } = setup.json<{ secret: string; otpauthUrl: string }>();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Qingfeng%20%E6%B8%85%E9%A3%8E:/);
      expect(otpauthUrl).toContain(`secret=${secret}`);

      const db = platform.services.database.db;
      const row = await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(row.totp_enabled).toBe(false);
      expect(row.totp_secret_enc).not.toContain(secret);
      expect(platform.services.fieldCrypto.decrypt(row.totp_secret_enc as string)).toBe(secret);

      const wrong = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/confirm',
        headers: session.headers,
        payload: { code: (Number(await totpCodeAt(secret, clock.now())) + 1).toString().padStart(6, '0').slice(-6) },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ code: 'invalid_totp_code', field: 'code' });

      const confirm = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/confirm',
        headers: session.headers,
        payload: { code: await totpCodeAt(secret, clock.now()) },
      });
      expect(confirm.statusCode).toBe(200);
      const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      const stored = await db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
      expect(stored).toHaveLength(10);
      for (const code of recoveryCodes) expect(stored.map((s) => s.code_hash)).not.toContain(code);

      const me = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
      expect(me.json<TMe>().totpEnabled).toBe(true);
      const audit = await findAuditEntries(platform, { action: 'auth.totp_enable', userId: user.id });
      expect(audit.map((a) => a.outcome)).toEqual(['failed', 'allowed']);
      clock.advance({ seconds: 30 });
    });

    it('signs in with password then code; the pending session is no session and is replaced', async () => {
      const { user, secret } = await enrolledUser();
      const first = await passwordStep(user.username);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ status: 'totp_required' });
      const pending = sessionCookieOf(first);
      expect(pending).toBeDefined();
      const meWhilePending = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: pending as string },
      });
      expect(meWhilePending.statusCode).toBe(401);

      const second = await verify(pending, { code: await totpCodeAt(secret, clock.now()) });
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({ status: 'signed_in', user: { id: user.id, totpEnabled: true } });
      const full = sessionCookieOf(second) as string;
      expect(full).not.toBe(pending);
      const me = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: full } });
      expect(me.statusCode).toBe(200);
      // The pending token was retired, not promoted.
      const again = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: pending as string },
      });
      expect(again.statusCode).toBe(401);
      const audit = await findAuditEntries(platform, { action: 'auth.totp_verify', userId: user.id });
      expect(audit).toEqual([expect.objectContaining({ outcome: 'allowed', detail: { method: 'totp' } })]);
    });

    it('refuses a code already used in its window, and accepts the next one', async () => {
      const { user, secret } = await enrolledUser();
      const code = await totpCodeAt(secret, clock.now());
      const firstPending = sessionCookieOf(await passwordStep(user.username));
      expect((await verify(firstPending, { code })).statusCode).toBe(200);

      const secondPending = sessionCookieOf(await passwordStep(user.username));
      const replay = await verify(secondPending, { code });
      expect(replay.statusCode).toBe(401);
      expect(replay.json<ErrorBody>().code).toBe('invalid_totp_code');
      const failures = await findAuditEntries(platform, { action: 'auth.totp_verify', userId: user.id });
      expect(failures.at(-1)).toMatchObject({ outcome: 'failed', detail: { reason: 'replayed_code', method: 'totp' } });

      clock.advance({ seconds: 30 });
      expect((await verify(secondPending, { code: await totpCodeAt(secret, clock.now()) })).statusCode).toBe(200);
    });

    it('accepts each recovery code once', async () => {
      const { user, recoveryCodes } = await enrolledUser();
      const code = (recoveryCodes[3] as string).toUpperCase(); // typed in capitals from paper
      const pending = sessionCookieOf(await passwordStep(user.username));
      const ok = await verify(pending, { recoveryCode: code });
      expect(ok.statusCode).toBe(200);
      const pendingAgain = sessionCookieOf(await passwordStep(user.username));
      const reused = await verify(pendingAgain, { recoveryCode: code });
      expect(reused.statusCode).toBe(401);
      const audit = await findAuditEntries(platform, { action: 'auth.totp_verify', userId: user.id });
      expect(audit.map((a) => [a.outcome, (a.detail as { reason?: string }).reason ?? null])).toEqual([
        ['allowed', null],
        ['failed', 'bad_recovery_code'],
      ]);
    });

    it('counts wrong codes toward the lockout and ends the pending session at the threshold', async () => {
      const { user } = await enrolledUser();
      const pending = sessionCookieOf(await passwordStep(user.username));
      for (let i = 0; i < 4; i++) expect((await verify(pending, { code: '000000' })).statusCode).toBe(401);
      const fifth = await verify(pending, { code: '000000' });
      expect(fifth.statusCode).toBe(423);
      expect((await verify(pending, { code: '000000' })).json<ErrorBody>().code).toBe('mfa_session_required');
      // The password step answers a locked account like a wrong password (no 423 to probe for).
      expect((await passwordStep(user.username)).json<ErrorBody>().code).toBe('invalid_credentials');
      const lockouts = await findAuditEntries(platform, { action: 'auth.lockout', userId: user.id });
      expect(lockouts).toMatchObject([{ detail: { trigger: 'auth.totp_verify' } }]);
      clock.advance({ minutes: 16 });
    });

    it('the signIn test helper completes a TOTP sign-in', async () => {
      const { user, secret } = await enrolledUser();
      const session = await signIn(platform.app, user.username, TEST_PASSWORD, { secret, at: clock.now() });
      expect(session.me).toMatchObject({ id: user.id, totpEnabled: true });
      const me = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
      expect(me.statusCode).toBe(200);
      clock.advance({ seconds: 30 });
    });

    it('refuses verification without a pending session', async () => {
      const response = await verify(undefined, { code: '123456' });
      expect(response.statusCode).toBe(401);
      expect(response.json<ErrorBody>().code).toBe('mfa_session_required');
    });

    it('regenerates recovery codes with the password; the old ones stop working', async () => {
      const { user, recoveryCodes } = await enrolledUser();
      const pending = sessionCookieOf(await passwordStep(user.username));
      const signedIn = await verify(pending, { recoveryCode: recoveryCodes[0] as string });
      const headers = {
        cookie: sessionCookieOf(signedIn) as string,
        'x-csrf-token': signedIn.json<TSignInResponse>().user?.csrfToken as string,
      };

      const wrong = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/recovery-codes',
        headers,
        payload: { password: 'Not-It-At-All-1' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ code: 'invalid_password', field: 'password' });
      const fresh = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/recovery-codes',
        headers,
        payload: { password: TEST_PASSWORD },
      });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10);
      const old = await verify(sessionCookieOf(await passwordStep(user.username)), {
        recoveryCode: recoveryCodes[1] as string,
      });
      expect(old.statusCode).toBe(401);
      const audit = await findAuditEntries(platform, { action: 'auth.recovery_codes_regenerate', userId: user.id });
      expect(audit.map((a) => a.outcome)).toEqual(['failed', 'allowed']);
    });

    it('turns TOTP off with the password; sign-in then needs the password only', async () => {
      const { user, session } = await enrolledUser();
      const off = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/disable',
        headers: session.headers,
        payload: { password: TEST_PASSWORD },
      });
      expect(off.statusCode).toBe(200);
      expect((await passwordStep(user.username)).json<TSignInResponse>().status).toBe('signed_in');
      expect(await findAuditEntries(platform, { action: 'auth.totp_disable', userId: user.id })).toHaveLength(1);
    });

    it('keeps a user whose role requires TOTP to enrolment until they enrol, and refuses to turn it off', async () => {
      await platform.services.database.db
        .insertInto('security_policies')
        .values({ key: TOTP_REQUIRED_ROLES_KEY, value: JSON.stringify(['trial']) })
        .execute();
      try {
        const { session } = await buildSignedInUser(platform, { role: 'trial' });
        expect(session.me).toMatchObject({ mustEnrolTotp: true, totpEnabled: false });
        const blocked = await platform.app.inject({
          method: 'POST',
          url: '/api/v1/auth/recovery-codes',
          headers: session.headers,
          payload: { password: TEST_PASSWORD },
        });
        expect(blocked.statusCode).toBe(403);
        expect(blocked.json<ErrorBody>().code).toBe('totp_enrolment_required');

        await enrolTotp(platform.app, session, clock.now());
        const me = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
        expect(me.json()).toMatchObject({ mustEnrolTotp: false, totpEnabled: true });
        const off = await platform.app.inject({
          method: 'POST',
          url: '/api/v1/auth/totp/disable',
          headers: session.headers,
          payload: { password: TEST_PASSWORD },
        });
        expect(off.statusCode).toBe(403);
        expect(off.json<ErrorBody>().code).toBe('totp_required_by_policy');

        // Roles the policy does not name are not affected.
        const other = await buildSignedInUser(platform, { role: 'leader' });
        expect(other.session.me.mustEnrolTotp).toBe(false);
      } finally {
        await platform.services.database.db
          .deleteFrom('security_policies')
          .where('key', '=', TOTP_REQUIRED_ROLES_KEY)
          .execute();
        clock.advance({ seconds: 30 });
      }
    });
  });
}
