import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedInUser, findAuditEntries, ManualClock, signIn } from '../../testing/auth-helpers.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

for (const engine of testEngines()) {
  describe(`[${engine}] auth: sessions`, () => {
    const clock = new ManualClock();
    let platform: TestPlatform;

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
    });
    afterAll(async () => platform?.close());

    function me(headers: { cookie: string }) {
      return platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    }

    it('signs out: the session stops working, the cookie is cleared, the event is audited', async () => {
      const { user, session } = await buildSignedInUser(platform, { role: 'leader' });
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        headers: session.headers,
      });
      expect(response.statusCode).toBe(200);
      expect(String(response.headers['set-cookie'])).toMatch(/qf_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
      expect((await me(session.headers)).statusCode).toBe(401);
      expect(await findAuditEntries(platform, { action: 'auth.sign_out', userId: user.id })).toHaveLength(1);
    });

    it('signs out everywhere: every session of the user ends, others’ do not', async () => {
      const { user, session: laptop } = await buildSignedInUser(platform, { role: 'leader' });
      const phone = await signIn(platform.app, user.username);
      const bystander = await buildSignedInUser(platform, { role: 'leader' });
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out-everywhere',
        headers: phone.headers,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ ok: true, revokedSessions: 2 });
      expect((await me(laptop.headers)).statusCode).toBe(401);
      expect((await me(phone.headers)).statusCode).toBe(401);
      expect((await me(bystander.session.headers)).statusCode).toBe(200);
      const audit = await findAuditEntries(platform, { action: 'auth.sign_out_everywhere', userId: user.id });
      expect(audit).toEqual([expect.objectContaining({ detail: { revokedSessions: 2 } })]);
    });

    it('ends a session idle for more than 30 minutes; activity keeps it alive', async () => {
      const { session } = await buildSignedInUser(platform, { role: 'leader' });
      clock.advance({ minutes: 29 });
      expect((await me(session.headers)).statusCode).toBe(200);
      clock.advance({ minutes: 29 });
      expect((await me(session.headers)).statusCode).toBe(200);
      clock.advance({ minutes: 30, seconds: 1 });
      expect((await me(session.headers)).statusCode).toBe(401);
      // Once ended, it stays ended even if the clock were to agree again.
      clock.advance({ minutes: -2 });
      expect((await me(session.headers)).statusCode).toBe(401);
      clock.advance({ minutes: 2 });
    });

    it('ends a session after 12 hours however active it is', async () => {
      const { session } = await buildSignedInUser(platform, { role: 'leader' });
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        clock.advance({ minutes: 20 });
        expect((await me(session.headers)).statusCode, `after ${minutes} minutes`).toBe(200);
      }
      clock.advance({ minutes: 20 });
      expect((await me(session.headers)).statusCode).toBe(401);
    });

    it('a session cookie that was never issued is no session', async () => {
      const response = await me({ cookie: 'qf_session=forged-token' });
      expect(response.statusCode).toBe(401);
    });
  });
}
