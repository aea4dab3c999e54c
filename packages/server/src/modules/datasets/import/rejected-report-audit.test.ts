import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../../testing/factories.js';
import { buildActor, multipartFile, type TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { makeIdNumber, withBadCheckDigit } from '../../../testing/test-data.js';

const A = makeIdNumber('19800101', 11);
const CSV = `项目,身份证号,姓名,区划,金额,发放日期\ndibao,${A},张三,330106,5,2024-03-05\ndibao,${withBadCheckDigit(A)},张三,330106,5,2024-03-05\n`;

describe.each(testEngines())('the rejected-rows report on %s', (engine) => {
  let platform: TestPlatform;
  let admin: TestActor;
  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    const org = await buildOrganisation(platform.services.database.db);
    admin = await buildActor(platform.services, 'data_admin', org);
  });
  afterAll(async () => platform?.close());

  it('is audited on every read, as it holds the raw values of the rows it lists', async () => {
    const upload = multipartFile('pay.csv', CSV);
    const created = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/benefit_payment/imports',
      payload: upload.payload,
      headers: { ...admin.session.headers, ...upload.headers },
    });
    expect(created.statusCode, created.body).toBe(201);
    const batchId = created.json<{ id: number }>().id;

    const report = await platform.app.inject({
      method: 'GET',
      url: `/api/v1/batches/${batchId}/rejected`,
      headers: admin.session.headers,
    });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain(withBadCheckDigit(A));
    // The raw values leave whole, so every record names who downloaded them.
    const records = parse<Record<string, string>>(report.body, { bom: true, columns: true });
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record['水印 watermark']).toMatch(
        new RegExp(
          `^内部资料 注意保密 Confidential · .*${admin.user.username}.* · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(UTC\\+8\\)$`,
        ),
      );
    }

    const entries = await platform.services.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'object_type', 'object_id', 'outcome', 'detail'])
      .where('action', '=', 'dataset.rejected_report.read')
      .execute();
    expect(entries).toEqual([
      {
        user_id: admin.user.id,
        object_type: 'import_batch',
        object_id: String(batchId),
        outcome: 'allowed',
        detail: { datasetType: 'benefit_payment', rowsRejected: 1, cellsKept: 0 },
      },
    ]);
  });
});
