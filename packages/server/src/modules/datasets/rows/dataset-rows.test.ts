import { maskIdNumber } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../testing/auth-helpers.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import {
  PERSON_A,
  PERSON_C,
  PERSON_D,
  buildQualityFixture,
  type FixtureUser,
  type QualityFixture,
} from '../../../testing/dataset-quality-fixture.js';
import type { TRowLineage, TRowPage } from './dataset-rows.schemas.js';
import { getVisibleBatch, listVisibleBatches } from '../batches/batch-scope.js';
import { makeIdNumber } from '../../../testing/test-data.js';

const ROWS = '/api/v1/datasets/benefit_payment/rows';

for (const engine of testEngines()) {
  describe(`dataset browser and lineage (${engine})`, () => {
    let platform: TestPlatform;
    let fx: QualityFixture;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      fx = await buildQualityFixture(platform);
    });
    afterAll(async () => platform?.close());

    const get = (url: string, who: FixtureUser = fx.cityAnalyst) =>
      platform.app.inject({ method: 'GET', url, headers: who.session.headers });
    const rowNos = (body: { items: { rowNo: number }[] }) => body.items.map((r) => r.rowNo);

    it('pages the rows of the lake, oldest first, masked by default', async () => {
      const all = await get(ROWS);
      expect(all.statusCode, all.body).toBe(200);
      const body = all.json<TRowPage>();
      expect(body).toMatchObject({ total: 5, page: 1, pageSize: 50, revealed: false });
      expect(rowNos(body)).toEqual([2, 3, 4, 5, 6]);
      expect(body.items[0]).toMatchObject({
        batchId: fx.batchId,
        rowNo: 2,
        values: {
          payment_id: 'P1',
          program: 'dibao',
          id: maskIdNumber(PERSON_A),
          name: '张*',
          division: '330106001001',
          amount: '100.00',
          paid_on: '2024-01-15',
          period: '2024-01',
        },
        lineageUrl: `${ROWS}/${fx.batchId}/2/lineage`,
      });
      expect(Object.keys(body.items[0]?.values ?? {})).not.toContain('id_birth_date');
      const second = (await get(`${ROWS}?pageSize=2&page=2`)).json<TRowPage>();
      expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(rowNos(second)).toEqual([4, 5]);
    });

    it('filters by catalogue fields, normalising the value as an import would', async () => {
      const cases: [string, number[]][] = [
        ['filter[program]=特困人员供养', [4]],
        [`filter[id]=${PERSON_A.toLowerCase()}`, [2, 5]],
        [`filter[id]=${makeIdNumber('20000101', 9)}`, []],
        ['filter[division]=330108', [4]],
        ['filter[paid_on]=2024/1/15', [2]],
        ['filter[amount]=100', [2, 5]],
        ['filter[program]=dibao&filter[period]=202401', [2, 5]],
        [`batchId=${fx.batchId}&filter[name]=王五`, [4]],
      ];
      for (const [query, expected] of cases) {
        const response = await get(`${ROWS}?${encodeURI(query)}`);
        expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
        expect(rowNos(response.json<TRowPage>()), query).toEqual(expected);
      }
      const lookups = await findAuditEntries(platform, {
        action: 'dataset.rows.lookup',
        userId: fx.cityAnalyst.user.id,
      });
      expect(lookups.length).toBe(2);
      expect(JSON.stringify(lookups)).not.toContain(PERSON_A);
    });

    it('refuses unknown fields and parameters, bad values and foreign batches', async () => {
      const unknown = await get(`${ROWS}?filter[nope]=1`);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json<{ field: string }>().field).toBe('querystring.filter[nope]');
      expect((await get(`${ROWS}?sort=1`)).statusCode).toBe(400);
      expect((await get(`${ROWS}?filter[paid_on]=notadate`)).statusCode).toBe(400);
      expect((await get(`${ROWS}?filter[id]=${encodeURIComponent("1' OR '1'='1")}`)).statusCode).toBe(400);
      expect((await get(`${ROWS}?batchId=999999`)).statusCode).toBe(404);
      expect((await get(`/api/v1/datasets/vehicle/rows?batchId=${fx.batchId}`)).statusCode).toBe(404);
      expect((await get('/api/v1/datasets/vehicle/rows')).json()).toMatchObject({ total: 0, items: [] });
    });

    it('reveals personal data only to person.read with a reason, and audits it', async () => {
      const analyst = await get(`${ROWS}?reveal=true&reason=${encodeURIComponent('核查线索')}`);
      expect(analyst.statusCode).toBe(403);
      const noReason = await get(`${ROWS}?reveal=true`, fx.cityAdmin);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json<{ field: string }>().field).toBe('querystring.reason');
      const revealed = await get(
        `${ROWS}?reveal=true&reason=${encodeURIComponent('核查线索')}&filter[id]=${PERSON_D}`,
        fx.cityAdmin,
      );
      expect(revealed.statusCode, revealed.body).toBe(200);
      expect(revealed.json()).toMatchObject({
        revealed: true,
        total: 1,
        items: [{ rowNo: 6, values: { id: PERSON_D, name: '赵六' } }],
      });
      const [entry, ...more] = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'object_id', 'subject', 'reason', 'detail'])
        .where('action', '=', 'person.read')
        .execute();
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        object_id: 'benefit_payment',
        reason: '核查线索',
        subject: `赵* ${maskIdNumber(PERSON_D)}`,
      });
      expect(JSON.stringify(entry)).not.toContain(PERSON_D);
    });

    it('shows each jurisdiction only its rows and batches', async () => {
      const countyB = (await get(ROWS, fx.countyBLeader)).json<TRowPage>();
      expect(countyB.total).toBe(1);
      expect(countyB.items[0]?.values.id).toBe(maskIdNumber(PERSON_C));
      expect((await get(`${ROWS}?filter[id]=${PERSON_A}`, fx.countyBLeader)).json<TRowPage>().total).toBe(0);
      expect((await get(ROWS, fx.countyAAdmin)).json<TRowPage>().total).toBe(4);
      const services = platform.services;
      expect((await listVisibleBatches(services, { jurisdictionPrefix: '330108' }, {}, 1, 50)).total).toBe(0);
      expect((await listVisibleBatches(services, { jurisdictionPrefix: '3301' }, {}, 1, 50)).total).toBe(1);
      await expect(getVisibleBatch(services, { jurisdictionPrefix: '330106' }, fx.batchId)).rejects.toMatchObject({
        status: 404,
      });
      expect((await getVisibleBatch(services, { jurisdictionPrefix: '' }, fx.batchId)).division_code?.trim()).toBe(
        '330100000000',
      );
    });

    it('traces a row to its batch and file', async () => {
      const response = await get(`${ROWS}/${fx.batchId}/3/lineage`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        datasetType: 'benefit_payment',
        batchId: fx.batchId,
        rowNo: 3,
        batch: {
          id: fx.batchId,
          status: 'loaded',
          rowsRead: 7,
          rowsLoaded: 5,
          rowsRejected: 2,
          url: `/api/v1/batches/${fx.batchId}`,
        },
        file: {
          name: '2024年低保发放.csv',
          departmentCode: 'FIN01',
          format: 'csv',
          importedBy: { id: fx.cityAdmin.user.id, username: fx.cityAdmin.user.username },
        },
        rejectedReportUrl: `/api/v1/batches/${fx.batchId}/rejected`,
      });
      expect(response.json<TRowLineage>().file.contentHash).toMatch(/^[0-9a-f]{64}$/);
      // County B sees its own row's lineage (though the city imported it), not county A's.
      expect((await get(`${ROWS}/${fx.batchId}/4/lineage`, fx.countyBLeader)).statusCode).toBe(200);
      expect((await get(`${ROWS}/${fx.batchId}/3/lineage`, fx.countyBLeader)).statusCode).toBe(404);
      expect((await get(`${ROWS}/${fx.batchId}/7/lineage`)).statusCode).toBe(404); // rejected: never in the lake
      expect((await get(`/api/v1/datasets/person/rows/${fx.batchId}/3/lineage`)).statusCode).toBe(404);
    });
  });
}
