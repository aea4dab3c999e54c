import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildSession, buildUser, type TestSession } from '../../../testing/factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { makeIdNumber } from '../../../testing/test-data.js';
import type { TColumnAccounting } from './column-accounting.schemas.js';

const A = makeIdNumber('19800101', 11);

function multipart(content: string, fields: Record<string, string> = {}) {
  const boundary = '----qingfeng-columns-boundary';
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

// The division's column is worded "户籍所在地", which no synonym of death.division says.
const DEATHS = `身份证号,姓名,死亡日期,户籍所在地\n${A},张三,2024-03-05,330106\n`;

for (const engine of testEngines()) {
  describe(`the console's import accounts for every column (${engine})`, () => {
    let platform: TestPlatform;
    let admin: TestSession;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const db = platform.services.database.db;
      const org = await buildOrganisation(db);
      admin = await buildSession(platform.services, await buildUser(db, { role: 'data_admin', orgId: org.id }));
    });
    afterAll(async () => platform?.close());

    const post = (url: string, fields: Record<string, string> = {}) => {
      const body = multipart(DEATHS, fields);
      return platform.app.inject({
        method: 'POST',
        url,
        payload: body.payload,
        headers: { ...admin.headers, ...body.headers },
      });
    };

    it('previews the unused column with its suggested field, before importing', async () => {
      const response = await post('/api/v1/datasets/death/imports/preview');
      expect(response.statusCode, response.body).toBe(200);
      const { columns } = response.json<{ columns: TColumnAccounting }>();
      expect(columns.unusedColumns).toEqual([
        expect.objectContaining({
          header: '户籍所在地',
          suggestions: [expect.objectContaining({ field: 'division' })],
        }),
      ]);
      expect(columns.emptyFields.map((f) => [f.field, f.reason])).toEqual([
        ['source', 'no_column'],
        ['division', 'no_column'],
      ]);
    });

    it('answers an import with its columns accounted for, and with none left once the suggestion is taken', async () => {
      const first = await post('/api/v1/datasets/death/imports');
      expect(first.statusCode, first.body).toBe(201);
      const body = first.json<{ id: number; columns: TColumnAccounting }>();
      expect(body.id).toBeGreaterThan(0);
      expect(body.columns).toMatchObject({ columns: 4, matchedColumns: 3 });
      const mapped = await post('/api/v1/datasets/death/imports', {
        force: 'true',
        mapping: JSON.stringify({ 户籍所在地: 'division' }),
      });
      expect(mapped.statusCode, mapped.body).toBe(201);
      const { columns } = mapped.json<{ columns: TColumnAccounting }>();
      expect(columns).toMatchObject({ columns: 4, matchedColumns: 4, unusedColumns: [] });
      expect(columns.emptyFields.map((f) => f.field)).toEqual(['source']);
    });
  });
}
