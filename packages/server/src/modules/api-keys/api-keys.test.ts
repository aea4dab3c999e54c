import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { hashApiKeySecret } from './api-key-secret.js';
import type { TApiKey } from './api-keys.schemas.js';
import { type KeyWorld, buildKeyWorld, issueKey } from '../../testing/api-key-fixtures.js';

type KeyList = { items: TApiKey[] };
type ErrorBody = { code: string; field?: string };

for (const engine of testEngines()) {
  describe(`API keys (${engine})`, () => {
    let platform: TestPlatform;
    let world: KeyWorld;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildKeyWorld(platform);
    });
    afterAll(async () => platform?.close());

    const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
      platform.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

    it('issues a key once, stores only its hash, lists, shows and revokes it, all audited', async () => {
      const { adminA, unitA } = world;
      const created = await issueKey(platform, adminA, {
        departmentId: unitA.id,
        datasetTypes: ['death', 'death'],
        expiresAt: '2099-01-01T00:00:00+08:00',
      });
      expect(created.secret).toMatch(/^qfk_\d+_[A-Za-z0-9_-]{43}$/);
      expect(created.key).toMatchObject({
        departmentCode: unitA.code,
        status: 'active',
        datasetTypes: ['death'],
        rateLimitPerMinute: 60,
      });

      const row = await platform.services.database.db
        .selectFrom('api_keys')
        .selectAll()
        .where('id', '=', created.key.id)
        .executeTakeFirstOrThrow();
      expect(row.secret_hash).toBe(hashApiKeySecret(created.secret.split('_').slice(2).join('_')));
      expect(JSON.stringify(row)).not.toContain(created.secret.slice(-43));

      const shown = await call('GET', `/api/v1/api-keys/${created.key.id}`, adminA.session.headers);
      expect(shown.statusCode).toBe(200);
      expect(shown.json()).toMatchObject({ prefix: `qfk_${created.key.id}_`, expiresAt: '2098-12-31T16:00:00.000Z' });
      expect(shown.body).not.toContain(created.secret.slice(-43));

      const listed = await call('GET', `/api/v1/api-keys?departmentId=${unitA.id}`, adminA.session.headers);
      expect(listed.json<KeyList>().items.map((k) => k.id)).toEqual([created.key.id]);

      const noReason = await call('POST', `/api/v1/api-keys/${created.key.id}/revoke`, adminA.session.headers, {});
      expect(noReason.statusCode).toBe(400);
      const revoked = await call('POST', `/api/v1/api-keys/${created.key.id}/revoke`, adminA.session.headers, {
        reason: '密钥泄露',
      });
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(revoked.json()).toMatchObject({ status: 'revoked', revokeReason: '密钥泄露' });
      const again = await call('POST', `/api/v1/api-keys/${created.key.id}/revoke`, adminA.session.headers, {
        reason: '重复',
      });
      expect(again.statusCode).toBe(409);

      const active = await call('GET', `/api/v1/api-keys?departmentId=${unitA.id}`, adminA.session.headers);
      expect(active.json<KeyList>().items).toEqual([]);
      const all = await call(
        'GET',
        `/api/v1/api-keys?departmentId=${unitA.id}&includeRevoked=true`,
        adminA.session.headers,
      );
      expect(all.json<KeyList>().items).toHaveLength(1);

      const audit = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'object_id', 'user_id', 'reason'])
        .where('object_type', '=', 'api_key')
        .where('object_id', '=', String(created.key.id))
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'api_key.create', object_id: String(created.key.id), user_id: adminA.user.id, reason: null },
        { action: 'api_key.revoke', object_id: String(created.key.id), user_id: adminA.user.id, reason: '密钥泄露' },
      ]);
    });

    it('issues keys only to departments inside the jurisdiction, for known dataset types, expiring in the future', async () => {
      const { adminA, unitA, unitB, countyA } = world;
      const post = (body: object) =>
        call('POST', '/api/v1/api-keys', adminA.session.headers, { name: '数据推送', ...body });
      expect((await post({ departmentId: unitB.id, datasetTypes: ['death'] })).statusCode).toBe(404);
      const commission = await post({ departmentId: countyA.id, datasetTypes: ['death'] });
      expect(commission.statusCode).toBe(400);
      expect(commission.json<ErrorBody>().field).toBe('departmentId');
      const unknownType = await post({ departmentId: unitA.id, datasetTypes: ['nope'] });
      expect(unknownType.json()).toMatchObject({ code: 'validation_failed', field: 'datasetTypes' });
      const past = await post({ departmentId: unitA.id, datasetTypes: ['death'], expiresAt: '2020-01-01T00:00:00Z' });
      expect(past.json()).toMatchObject({ code: 'validation_failed', field: 'expiresAt' });
    });

    it("hides a department's keys from administrators of another jurisdiction", async () => {
      const { adminA, adminB, unitA } = world;
      const created = await issueKey(platform, adminA, { departmentId: unitA.id, datasetTypes: ['death'] });
      expect((await call('GET', `/api/v1/api-keys/${created.key.id}`, adminB.session.headers)).statusCode).toBe(404);
      const revoke = await call('POST', `/api/v1/api-keys/${created.key.id}/revoke`, adminB.session.headers, {
        reason: '越权',
      });
      expect(revoke.statusCode).toBe(404);
      const listed = await call('GET', '/api/v1/api-keys', adminB.session.headers);
      expect(listed.json<KeyList>().items.map((k) => k.id)).not.toContain(created.key.id);
    });
  });
}
