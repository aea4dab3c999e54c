import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildSession, buildUser, type TestSession } from '../../../testing/factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { makeIdNumber } from '../../../testing/test-data.js';
import type { TColumnAccounting } from './column-accounting.schemas.js';

function multipart(content: string, fields: Record<string, string> = {}) {
  const boundary = '----qingfeng-values-boundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="deaths.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const deaths = (seq: number) =>
  `身份证号,姓名,死亡日期,信息来源单位\n` +
  `${makeIdNumber('19300101', seq)},张三,2024-03-05,派出所户籍注销登记\n` +
  `${makeIdNumber('19300101', seq + 1)},李四,2024-03-06,民政局\n`;

for (const engine of testEngines()) {
  describe(`value mappings through the import API (${engine})`, () => {
    let platform: TestPlatform;
    let admin: TestSession;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const db = platform.services.database.db;
      const org = await buildOrganisation(db);
      admin = await buildSession(platform.services, await buildUser(db, { role: 'data_admin', orgId: org.id }));
    });
    afterAll(async () => platform?.close());

    const post = (url: string, content: string, mapping?: unknown) => {
      const body = multipart(content, mapping === undefined ? {} : { mapping: JSON.stringify(mapping) });
      return platform.app.inject({
        method: 'POST',
        url,
        payload: body.payload,
        headers: { ...admin.headers, ...body.headers },
      });
    };

    it('previews the unknown values of a mapped coded column with suggested codes', async () => {
      const response = await post('/api/v1/datasets/death/imports/preview', deaths(1), {
        headers: { 信息来源单位: 'source' },
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{ columns: TColumnAccounting; rowsScanned: number }>();
      expect(body.rowsScanned).toBe(2);
      expect(body.columns.unknownValues).toEqual([
        {
          field: 'source',
          label: expect.objectContaining({ zh: '信息来源' }),
          required: false,
          value: '派出所户籍注销登记',
          count: 1,
          suggestions: [
            expect.objectContaining({ code: 'public_security', how: 'contains', word: '户籍注销', score: 1 }),
          ],
        },
      ]);
    });

    it('imports with the mapping file: the mapped word becomes its code, nothing kept or rejected', async () => {
      const response = await post('/api/v1/datasets/death/imports', deaths(11), {
        headers: { 信息来源单位: 'source' },
        values: { source: { 派出所户籍注销登记: 'public_security' } },
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<{ id: number; rowsLoaded: number; cellsKept: number; columns: TColumnAccounting }>();
      expect(body).toMatchObject({ rowsLoaded: 2, cellsKept: 0 });
      expect(body.columns.unknownValues).toEqual([]);
      const rows = await platform.services.lake.query<{ source: string }>(
        'SELECT source FROM ds_death WHERE _batch_id = $1 ORDER BY _row_no',
        [body.id],
      );
      expect(rows.map((r) => r.source)).toEqual(['public_security', 'civil_affairs']);
    });

    it('imports without a value mapping: the row is kept, the cell counted and in the report', async () => {
      const response = await post('/api/v1/datasets/death/imports', deaths(21), { 信息来源单位: 'source' });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<{
        id: number;
        rowsLoaded: number;
        cellsKept: number;
        keptByField: object;
        rejectedReportUrl: string;
      }>();
      expect(body).toMatchObject({ rowsLoaded: 2, cellsKept: 1, keptByField: { source: 1 } });
      const report = await platform.app.inject({ method: 'GET', url: body.rejectedReportUrl, headers: admin.headers });
      expect(report.body).toMatch(/\n"[^"]+",2,信息来源单位,source,派出所户籍注销登记,.*kept without value/);
    });

    it('refuses a mapping of another shape, and value mappings the standard cannot take', async () => {
      const shape = await post('/api/v1/datasets/death/imports', deaths(31), { headers: { a: 1 } });
      expect(shape.statusCode).toBe(400);
      expect(shape.json()).toMatchObject({ field: 'body.mapping' });
      const wrong = await post('/api/v1/datasets/death/imports', deaths(41), {
        headers: { 信息来源单位: 'source' },
        values: { source: { 医院: 'funeral' } },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ code: 'value_mapping_refused' });
    });
  });
}
