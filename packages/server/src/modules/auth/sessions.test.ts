import { sql } from 'kysely';
import pg from 'pg';
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

    it('a session kept in memory ends the moment its user is disabled, here or by another server', async () => {
      const { user, session } = await buildSignedInUser(platform, { role: 'leader' });
      const other = await buildSignedInUser(platform, { role: 'leader' });
      expect((await me(session.headers)).statusCode).toBe(200);
      expect((await me(other.session.headers)).statusCode).toBe(200);
      // Past the service and its routes: the store's own notice is what moves the kept sessions.
      await sql`UPDATE users SET disabled = true WHERE id = ${user.id}`.execute(platform.services.database.db);
      expect((await me(session.headers)).statusCode).toBe(401);
      expect((await me(other.session.headers)).statusCode).toBe(200);
      const url = platform.services.config.databaseUrl;
      if (url) {
        const server = new pg.Client({ connectionString: url });
        await server.connect();
        await server.query('UPDATE users SET disabled = true WHERE id = $1', [other.user.id]);
        await server.end();
        const until = Date.now() + 5_000;
        while ((await me(other.session.headers)).statusCode === 200 && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect((await me(other.session.headers)).statusCode).toBe(401);
      }
    });

    it('while the store cannot be heard, each request reads its session: a revoked one ends at once', async () => {
      const { user, session } = await buildSignedInUser(platform, { role: 'leader' });
      const { revisions } = platform.services.database;
      revisions.deaf();
      try {
        expect((await me(session.headers)).statusCode).toBe(200);
        expect((await me(session.headers)).statusCode).toBe(200);
        await sql`UPDATE sessions SET revoked_at = now() WHERE user_id = ${user.id}`.execute(
          platform.services.database.db,
        );
        expect((await me(session.headers)).statusCode).toBe(401);
      } finally {
        revisions.listen();
      }
    });

    it("a role's grants kept in memory change the moment the grant is withdrawn", async () => {
      const { session } = await buildSignedInUser(platform, { role: 'leader' });
      const warnings = () => platform.app.inject({ method: 'GET', url: '/api/v1/warnings', headers: session.headers });
      expect((await warnings()).statusCode).toBe(200);
      await sql`DELETE FROM role_permissions WHERE role = 'leader' AND permission = 'warning.read'`.execute(
        platform.services.database.db,
      );
      try {
        expect((await warnings()).statusCode).toBe(403);
      } finally {
        await sql`INSERT INTO role_permissions (role, permission) VALUES ('leader', 'warning.read')`.execute(
          platform.services.database.db,
        );
      }
      expect((await warnings()).statusCode).toBe(200);
    });

    it('a session cookie that was never issued is no session', async () => {
      const response = await me({ cookie: 'qf_session=forged-token' });
      expect(response.statusCode).toBe(401);
    });
  });
}
