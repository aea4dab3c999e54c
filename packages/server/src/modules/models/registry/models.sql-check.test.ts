import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../testing/auth-helpers.js';
import type { TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { PAYMENTS_CSV, buildCounties, importCsv } from '../../../testing/warnings-fixture.js';

/** A user model of kind `sql` whose rows come from `from` (the payments table, when honest). */
function sqlModel(id: string, from: string, amount = 'p.amount') {
  const sql =
    "SELECT p.payment_id AS key_text, p.id_sk AS subject_sk, 'benefit_payment' AS evidence_dataset, " +
    "p._batch_id AS evidence_batch, p._row_no AS evidence_row, 'payment' AS evidence_role, " +
    `${amount} AS fact_amount FROM ${from}`;
  return {
    id,
    version: 1,
    name: { zh: '手写模型', en: 'Hand-written model' },
    category: 'W',
    inputs: ['benefit_payment'],
    parameters: [],
    severity: 'yellow',
    basis: { zh: '测试', en: 'test' },
    explanation: { zh: '金额{amount}', en: 'amount {amount}' },
    handling: { zh: '核查', en: 'check' },
    incremental: false,
    logic: { kind: 'sql', sql: { portable: sql }, facts: { amount: 'money' }, why: 'test' },
  };
}

const PASSWD = "ds_benefit_payment AS p, read_text('/etc/passwd') AS f";

for (const engine of testEngines()) {
  describe(`SQL models checked by the engines' parsers (${engine})`, () => {
    let platform: TestPlatform;
    let analyst: TestActor;

    const call = (method: 'POST' | 'PUT', url: string, payload: object) =>
      platform.app.inject({ method, url, headers: analyst.session.headers, payload });

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const { countyA, actor } = await buildCounties(platform);
      analyst = await actor('model_analyst', countyA);
      await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
    });
    afterAll(async () => platform?.close());

    it("refuses an analyst's preview of read_text('/etc/passwd') with a 400 naming the SQL, and audits it", async () => {
      const response = await call('POST', '/api/v1/models/preview', {
        document: sqlModel('U_PASSWD', PASSWD),
        limit: 5,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: 'sql_refused', field: 'body.document.logic.sql' });
      expect(response.json<{ message: string }>().message).toMatch(/read_text/);
      expect(response.body).not.toContain('root:');
      const [entry] = await findAuditEntries(platform, { action: 'model.preview', userId: analyst.user.id });
      expect(entry).toMatchObject({ outcome: 'denied' });
      expect(JSON.stringify(entry?.detail)).toContain("read_text('/etc/passwd')");
    });

    it("refuses to create or save a model reading read_text('/etc/passwd'), and audits both", async () => {
      const created = await call('POST', '/api/v1/models', { document: sqlModel('U_PASSWD', PASSWD) });
      expect(created.statusCode, created.body).toBe(400);
      expect(created.json()).toMatchObject({ code: 'sql_refused', field: 'body.document.logic.sql' });
      const [refusedCreate] = await findAuditEntries(platform, { action: 'model.create', userId: analyst.user.id });
      expect(refusedCreate).toMatchObject({ outcome: 'denied' });
      expect(JSON.stringify(refusedCreate?.detail)).toContain('/etc/passwd');

      const honest = sqlModel('U_HONEST', 'ds_benefit_payment AS p');
      expect((await call('POST', '/api/v1/models', { document: honest })).statusCode).toBe(201);
      const saved = await call('PUT', '/api/v1/models/U_HONEST/document', {
        document: sqlModel('U_HONEST', '(SELECT 1) AS s, subject_index, ds_benefit_payment AS p'),
        reason: 'widen',
      });
      expect(saved.statusCode, saved.body).toBe(400);
      expect(saved.json()).toMatchObject({ code: 'sql_refused', field: 'body.document.logic.sql' });
      const [refusedSave] = await findAuditEntries(platform, { action: 'model.save', userId: analyst.user.id });
      expect(refusedSave).toMatchObject({ outcome: 'denied' });
      expect(JSON.stringify(refusedSave?.detail)).toContain('subject_index');
    });

    it('previews and creates an honest SQL model, its SQL on the audit trail', async () => {
      const document = sqlModel('U_PAYMENTS', 'ds_benefit_payment AS p');
      const preview = await call('POST', '/api/v1/models/preview', { document, params: {}, limit: 3 });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json<{ hits: unknown[] }>().hits).toHaveLength(3);
      const previews = await findAuditEntries(platform, { action: 'model.preview', userId: analyst.user.id });
      expect(previews.at(-1)).toMatchObject({ outcome: 'allowed', detail: { params: {}, limit: 3, hits: 3 } });
      expect(JSON.stringify(previews.at(-1)?.detail)).toContain('FROM ds_benefit_payment AS p');

      expect((await call('POST', '/api/v1/models', { document })).statusCode).toBe(201);
      const created = await findAuditEntries(platform, { action: 'model.create', userId: analyst.user.id });
      expect(created.at(-1)).toMatchObject({ outcome: 'allowed' });
      expect(JSON.stringify(created.at(-1)?.detail)).toContain('FROM ds_benefit_payment AS p');
    });

    it('answers an engine error in a preview (a missing column, a bad cast) with a 400 naming the SQL', async () => {
      for (const amount of ['p.no_such_column', "CAST('not a number' AS INTEGER)"]) {
        const document = sqlModel('U_BROKEN', 'ds_benefit_payment AS p', amount);
        const response = await call('POST', '/api/v1/models/preview', { document, limit: 5 });
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json()).toMatchObject({ code: 'model_query_failed', field: 'body.document.logic.sql' });
      }
      const previews = await findAuditEntries(platform, { action: 'model.preview', userId: analyst.user.id });
      expect(previews.at(-1)).toMatchObject({ outcome: 'failed' });
    });
  });
}
