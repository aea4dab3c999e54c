import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../testing/auth-helpers.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { listDatasetSummaries } from '../datasets/batches/datasets.service.js';
import { makeIdNumber, withBadCheckDigit } from '../../testing/test-data.js';
import type { TPushResult } from './api-keys.schemas.js';
import { auditKeyFailures } from './key-failure-audit.js';
import { type KeyWorld, buildKeyWorld, issueKey } from '../../testing/api-key-fixtures.js';

type ErrorBody = { code: string };

const A = makeIdNumber('19400101', 21);
const B = makeIdNumber('19450202', 22);
const C = makeIdNumber('19500303', 23);

for (const engine of testEngines()) {
  describe(`department push API (${engine})`, () => {
    let platform: TestPlatform;
    let world: KeyWorld;
    let key: { id: number; secret: string };

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildKeyWorld(platform);
      const issued = await issueKey(platform, world.adminA, { departmentId: world.unitA.id, datasetTypes: ['death'] });
      key = { id: issued.key.id, secret: issued.secret };
    });
    afterAll(async () => platform?.close());

    const push = (
      type: string,
      secret: string,
      payload: object | string,
      extra: Record<string, string> = {},
      query = '',
    ) =>
      platform.app.inject({
        method: 'POST',
        url: `/api/v1/push/${type}${query}`,
        headers: {
          'x-api-key': secret,
          ...(typeof payload === 'string' ? { 'content-type': 'application/x-ndjson' } : {}),
          ...extra,
        },
        payload,
      });
    const deathRows = async () =>
      (await listDatasetSummaries(platform.services, { jurisdictionPrefix: '' })).find((d) => d.dataset.key === 'death')
        ?.rowCount ?? 0;

    it("loads good rows as one batch of the key's department and reports the bad row inline", async () => {
      const rows = [
        { 公民身份号码: A, 姓名: '张三', 死亡日期: '2024年3月5日' },
        { 公民身份号码: withBadCheckDigit(B), 姓名: '李四', 死亡日期: '2024-03-06' },
        // A department cannot credit its rows to another: department fields in the body are ignored.
        { 公民身份号码: C, 姓名: '王五', 死亡日期: '20240307', department: world.unitB.code },
      ];
      const response = await push('death', key.secret, { rows });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<TPushResult>();
      expect(body).toMatchObject({
        datasetType: 'death',
        departmentCode: world.unitA.code,
        status: 'loaded',
        rowsRead: 3,
        rowsLoaded: 2,
        rowsRejected: 1,
        rejectedTruncated: false,
      });
      expect(body.rejected.map(({ reason: _reason, ...rest }) => rest)).toEqual([
        { row: 2, column: '公民身份号码', field: 'id', value: withBadCheckDigit(B), kept: false },
      ]);
      expect(body.rejected[0]?.reason.en).toMatch(/check/i);
      expect(await deathRows()).toBe(2);

      const batch = await platform.services.database.db
        .selectFrom('import_batches')
        .selectAll()
        .where('id', '=', body.batchId)
        .executeTakeFirstOrThrow();
      expect(batch).toMatchObject({ department_code: world.unitA.code, format: 'jsonl', imported_by: null });

      const pushes = await findAuditEntries(platform, { action: 'api_key.push', username: `api_key:${key.id}` });
      expect(pushes.at(-1)).toMatchObject({
        outcome: 'allowed',
        detail: {
          keyId: key.id,
          departmentCode: world.unitA.code,
          batchId: body.batchId,
          rowsLoaded: 2,
          rowsRejected: 1,
        },
      });
      const imports = await findAuditEntries(platform, { action: 'dataset.import', username: `api_key:${key.id}` });
      expect(imports).toHaveLength(1);
    });

    it('keeps a row whose optional code is unknown, with the field empty, and says so inline', async () => {
      const rows = [
        { 公民身份号码: makeIdNumber('19550505', 24), 姓名: '赵六', 死亡日期: '2024-04-01', 信息来源: '派出所' },
      ];
      const response = await push('death', key.secret, { rows });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<TPushResult>();
      expect(body).toMatchObject({ rowsLoaded: 1, rowsRejected: 0, cellsKept: 1 });
      expect(body.rejected).toEqual([
        expect.objectContaining({ row: 1, field: 'source', value: '派出所', kept: true }),
      ]);
      expect(body.columns.unknownValues).toEqual([expect.objectContaining({ field: 'source', value: '派出所' })]);
    });

    it('accepts JSON Lines keyed by field key, refuses the same push twice unless forced', async () => {
      const lines = `{"id":"${makeIdNumber('19300101', 31)}","name":"赵六","death_date":"2024-04-01"}\n\n{"id":"x","name":"钱七","death_date":"2024-04-02"}\n`;
      const first = await push('death', key.secret, lines);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({
        rowsRead: 2,
        rowsLoaded: 1,
        rowsRejected: 1,
        rejected: [{ row: 3, field: 'id', value: 'x' }],
      });
      const again = await push('death', key.secret, lines);
      expect(again.statusCode).toBe(409);
      expect(again.json<ErrorBody>().code).toBe('duplicate_file');
      const forced = await push('death', key.secret, lines, {}, '?force=true');
      expect(forced.statusCode, forced.body).toBe(201);
      const failed = await findAuditEntries(platform, { action: 'api_key.push', username: `api_key:${key.id}` });
      expect(failed.map((e) => e.outcome)).toContain('failed');
    });

    it('refuses a dataset type the key was not granted with 403, audited', async () => {
      const response = await push('person', key.secret, { rows: [{ id: A, name: '张三', division: '330106' }] });
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().code).toBe('dataset_type_not_granted');
      const denied = await findAuditEntries(platform, { action: 'api_key.push', username: `api_key:${key.id}` });
      expect(denied.at(-1)).toMatchObject({
        outcome: 'denied',
        detail: { datasetType: 'person', refusal: 'type_not_granted', departmentCode: world.unitA.code },
      });
    });

    it('refuses revoked and expired keys with 401, audited, and loads nothing', async () => {
      const before = await deathRows();
      const revokedKey = await issueKey(platform, world.adminA, {
        departmentId: world.unitA.id,
        datasetTypes: ['death'],
      });
      await platform.app.inject({
        method: 'POST',
        url: `/api/v1/api-keys/${revokedKey.key.id}/revoke`,
        headers: world.adminA.session.headers,
        payload: { reason: '停用' },
      });
      const revoked = await push('death', revokedKey.secret, {
        rows: [{ id: A, name: '张三', death_date: '2024-05-01' }],
      });
      expect(revoked.statusCode).toBe(401);
      expect(revoked.json<ErrorBody>().code).toBe('api_key_revoked');

      const expiredKey = await issueKey(platform, world.adminA, {
        departmentId: world.unitA.id,
        datasetTypes: ['death'],
      });
      await platform.services.database.db
        .updateTable('api_keys')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', expiredKey.key.id)
        .execute();
      const expired = await push('death', expiredKey.secret, {
        rows: [{ id: A, name: '张三', death_date: '2024-05-02' }],
      });
      expect(expired.statusCode).toBe(401);
      expect(expired.json<ErrorBody>().code).toBe('api_key_expired');
      expect(await deathRows()).toBe(before);

      // Refusals are audited per address and window, as when the server stops.
      await auditKeyFailures(platform.services.database.db, platform.services.keyFailures.takeAll());
      const [refusals] = await findAuditEntries(platform, { action: 'api_key.authenticate' });
      expect(refusals).toMatchObject({
        outcome: 'denied',
        detail: { revoked: 1, expired: 1, keyIds: [revokedKey.key.id, expiredKey.key.id] },
      });
    });

    it('scopes each key to its own department and rate-limits per key', async () => {
      const keyB = await issueKey(platform, world.adminB, {
        departmentId: world.unitB.id,
        datasetTypes: ['death'],
        rateLimitPerMinute: 2,
      });
      const rows = { rows: [{ id: makeIdNumber('19200101', 41), name: '孙八', death_date: '2024-06-01' }] };
      const pushed = await push('death', keyB.secret, rows);
      expect(pushed.statusCode, pushed.body).toBe(201);
      expect(pushed.json<TPushResult>().departmentCode).toBe(world.unitB.code);
      expect((await push('death', keyB.secret, rows)).statusCode).toBe(409);
      const limited = await push('death', keyB.secret, rows);
      expect(limited.statusCode).toBe(429);
      // Another key is counted on its own.
      expect((await push('person', key.secret, rows)).statusCode).toBe(403);
    });

    it('refuses an empty or oversized push with 400, and leaves no pushed file behind', async () => {
      expect((await push('death', key.secret, { rows: [] })).statusCode).toBe(400);
      const tooMany = { rows: Array.from({ length: 10_001 }, () => ({ id: A })) };
      expect((await push('death', key.secret, tooMany)).statusCode).toBe(400);
      const tooManyLines = Array.from({ length: 10_001 }, () => '{"id":"1"}').join('\n');
      expect((await push('death', key.secret, tooManyLines)).json<ErrorBody>().code).toBe('too_many_rows');
      expect(await readdir(path.join(platform.dataDir, 'uploads'))).toEqual([]);
    });
  });
}
