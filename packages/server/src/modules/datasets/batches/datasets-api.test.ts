import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildSession, buildUser, type TestSession } from '../../../testing/factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { makeIdNumber, withBadCheckDigit } from '../../../testing/test-data.js';

const A = makeIdNumber('19800101', 11);

/** A multipart/form-data body with one file and text fields. */
function multipart(file: { name: string; content: string }, fields: Record<string, string> = {}) {
  const boundary = '----qingfeng-test-boundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const GOOD = `项目,身份证号,姓名,区划,金额,发放日期\ndibao,${A},张三,330106,5,2024-03-05\ndibao,${withBadCheckDigit(A)},张三,330106,5,2024-03-05\n`;

for (const engine of testEngines()) {
  describe(`datasets API (${engine})`, () => {
    let platform: TestPlatform;
    let admin: TestSession;
    let leader: TestSession;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const db = platform.services.database.db;
      const org = await buildOrganisation(db);
      admin = await buildSession(platform.services, await buildUser(db, { role: 'data_admin', orgId: org.id }));
      leader = await buildSession(platform.services, await buildUser(db, { role: 'leader', orgId: org.id }));
    });
    afterAll(async () => platform?.close());

    const post = (url: string, session: TestSession, body: ReturnType<typeof multipart>) =>
      platform.app.inject({
        method: 'POST',
        url,
        payload: body.payload,
        headers: { ...session.headers, ...body.headers },
      });

    it('imports an upload, lists and shows the batch, serves the report, and rolls it back', async () => {
      const created = await post(
        '/api/v1/datasets/benefit_payment/imports',
        admin,
        multipart({ name: 'pay.csv', content: GOOD }, { department: 'FIN01' }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const batch = created.json();
      expect(batch).toMatchObject({
        datasetType: 'benefit_payment',
        departmentCode: 'FIN01',
        status: 'loaded',
        rowsRead: 2,
        rowsLoaded: 1,
        rowsRejected: 1,
        fileName: 'pay.csv',
      });
      expect(batch.contentHash).toMatch(/^[0-9a-f]{64}$/);

      const again = await post(
        '/api/v1/datasets/benefit_payment/imports',
        admin,
        multipart({ name: 'pay.csv', content: GOOD }),
      );
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('duplicate_file');

      const list = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/batches?datasetType=benefit_payment',
        headers: admin.headers,
      });
      expect(list.json()).toMatchObject({ total: 1, items: [{ id: batch.id }] });
      const one = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/batches/${batch.id}`,
        headers: leader.headers,
      });
      expect(one.json().rejectedReportUrl).toBe(`/api/v1/batches/${batch.id}/rejected`);

      const report = await platform.app.inject({
        method: 'GET',
        url: `/api/v1/batches/${batch.id}/rejected`,
        headers: admin.headers,
      });
      expect(report.headers['content-type']).toContain('text/csv');
      expect(report.body).toContain(`3,身份证号,id,${withBadCheckDigit(A)}`);

      const catalogue = await platform.app.inject({ method: 'GET', url: '/api/v1/datasets', headers: leader.headers });
      expect(catalogue.json().items.find((d: { key: string }) => d.key === 'benefit_payment')).toMatchObject({
        rowCount: 1,
      });

      const noReason = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/batches/${batch.id}/rollback`,
        headers: admin.headers,
        payload: {},
      });
      expect(noReason.statusCode).toBe(400);
      const rolled = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/batches/${batch.id}/rollback`,
        headers: admin.headers,
        payload: { reason: '文件有误' },
      });
      expect(rolled.statusCode, rolled.body).toBe(200);
      expect(rolled.json().status).toBe('rolled_back');
      // Rolled back once, it cannot be rolled back again; the refusal names its status in words.
      const twice = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/batches/${batch.id}/rollback`,
        headers: admin.headers,
        payload: { reason: '再次回滚' },
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json<{ message: string }>().message).toBe(
        `批次 ${batch.id} 状态为已回滚，无法回滚 / batch ${batch.id} is rolled back, so it cannot be rolled back`,
      );

      const audit = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'object_id', 'outcome'])
        .where('action', 'like', 'dataset.%')
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'dataset.import', object_id: String(batch.id), outcome: 'allowed' },
        { action: 'dataset.rejected_report.read', object_id: String(batch.id), outcome: 'allowed' },
        { action: 'dataset.rollback', object_id: String(batch.id), outcome: 'allowed' },
      ]);
    });

    it('answers an unmatched required column with 400, the columns found and a template', async () => {
      const response = await post(
        '/api/v1/datasets/benefit_payment/imports',
        admin,
        multipart({ name: 'x.csv', content: `身份证号,姓名\n${A},张三\n` }),
      );
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ code: 'mapping_refused', columnsFound: ['身份证号', '姓名'] });
      expect(body.message).toContain('身份证号、姓名');
      expect(body.template.rows.length).toBeGreaterThan(5);
    });

    it('previews the first rows and the suggested mapping', async () => {
      const response = await post(
        '/api/v1/datasets/benefit_payment/imports/preview',
        admin,
        multipart({ name: 'x.csv', content: `${GOOD}` }),
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        format: 'csv',
        headers: ['项目', '身份证号', '姓名', '区划', '金额', '发放日期'],
        suggestedMapping: { 身份证号: 'id', 金额: 'amount' },
        missingRequired: [],
        rows: [{ rowNo: 2 }, { rowNo: 3 }],
      });
    });

    it('shows a dataset type with its fields and lake columns; leaders may not import', async () => {
      const detail = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/datasets/person',
        headers: leader.headers,
      });
      expect(detail.json().fields.find((f: { key: string }) => f.key === 'id').columns).toEqual([
        'id_sk',
        'id_birth_date',
        'id_sex',
        'id_region',
      ]);
      const refused = await post(
        '/api/v1/datasets/person/imports',
        leader,
        multipart({ name: 'x.csv', content: GOOD }),
      );
      expect(refused.statusCode).toBe(403);
      const unknown = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/datasets/nope',
        headers: leader.headers,
      });
      expect(unknown.statusCode).toBe(404);
    });
  });
}
