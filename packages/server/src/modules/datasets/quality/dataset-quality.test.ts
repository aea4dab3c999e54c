import { findDataset, uniqueKeysOf } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { buildQualityFixture, type QualityFixture } from '../../../testing/dataset-quality-fixture.js';
import { computeDuplicates, qualityTarget } from './dataset-quality.lake.js';
import type { TFieldQuality, TQualityReport } from './dataset-quality.schemas.js';

for (const engine of testEngines()) {
  describe(`dataset quality (${engine})`, () => {
    let platform: TestPlatform;
    let fx: QualityFixture;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      fx = await buildQualityFixture(platform);
    });
    afterAll(async () => platform?.close());

    const get = (url: string, who = fx.cityAnalyst) =>
      platform.app.inject({ method: 'GET', url, headers: who.session.headers });
    const field = (report: TQualityReport, key: string) => report.fields.find((f) => f.key === key) as TFieldQuality;

    function expectFixtureFigures(report: TQualityReport) {
      expect(report.rows).toBe(5);
      expect(report.batches).toEqual({ count: 1, rowsRead: 7, rowsRejected: 2, cellsKept: 0 });
      expect(field(report, 'payment_id')).toMatchObject({ nonNull: 4, completeness: 0.8, distinct: 3 });
      expect(field(report, 'program')).toMatchObject({
        nonNull: 5,
        completeness: 1,
        distinct: 2,
        topValues: [
          { value: 'dibao', count: 4 },
          { value: 'tekun', count: 1 },
        ],
      });
      expect(field(report, 'id')).toMatchObject({
        nonNull: 5,
        distinct: 4,
        identifier: { loaded: 5, rejected: 1, validRate: 5 / 6 },
      });
      expect(field(report, 'division')).toMatchObject({ distinct: 4 });
      expect(field(report, 'paid_on')).toMatchObject({ min: '2024-01-15', max: '2024-04-15' });
      expect(field(report, 'period')).toMatchObject({ nonNull: 4, min: '2024-01', max: '2024-03' });
      expect(field(report, 'account_no')).toMatchObject({ nonNull: 0, completeness: 0, distinct: 0 });
      const amount = field(report, 'amount');
      expect(amount).toMatchObject({ min: '100.00', max: '1000.00' });
      expect(amount.histogram?.map((b) => b.count)).toEqual([2, 1, 1, 0, 0, 0, 0, 0, 0, 1]);
      expect(amount.histogram?.[0]).toEqual({ from: 100, to: 190, count: 2 });
      expect(amount.histogram?.[9]?.to).toBe(1000);
    }

    it('computes the exact figures of the fixture for a dataset', async () => {
      const response = await get('/api/v1/datasets/benefit_payment/quality');
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json<TQualityReport>();
      expect(report).toMatchObject({
        datasetType: 'benefit_payment',
        batchId: null,
        jurisdictionPrefix: '3301',
        cached: false,
      });
      expectFixtureFigures(report);
    });

    it('finds duplicate natural keys and points at the rows', async () => {
      const report = (await get('/api/v1/datasets/benefit_payment/quality?refresh=true')).json<TQualityReport>();
      // The keys the dataset type declares: its natural key first, then its alternate keys.
      expect(report.duplicates.map((d) => d.fields)).toEqual(uniqueKeysOf(findDataset('benefit_payment')!));
      const byKey = new Map(report.duplicates.map((d) => [d.fields.join('+'), d]));
      const lineage = (rowNo: number) => `/api/v1/datasets/benefit_payment/rows/${fx.batchId}/${rowNo}/lineage`;
      expect(byKey.get('payment_id')).toEqual({
        fields: ['payment_id'],
        groups: 1,
        rows: 2,
        examples: [
          { group: 1, batchId: fx.batchId, rowNo: 3, lineageUrl: lineage(3) },
          { group: 1, batchId: fx.batchId, rowNo: 4, lineageUrl: lineage(4) },
        ],
      });
      expect(byKey.get('program+id+period')).toMatchObject({
        groups: 1,
        rows: 2,
        examples: [{ rowNo: 2 }, { rowNo: 5 }],
      });
    });

    it('gives as examples the first duplicated rows in key order, no more than asked', async () => {
      const dataset = findDataset('benefit_payment');
      if (dataset === undefined) throw new Error('benefit_payment is in the standard');
      const byKey = (key: string) => dataset.fields.filter((f) => f.key === key);
      const target = await qualityTarget(platform.services.lake, dataset, undefined, fx.batchId);
      if (target === undefined) throw new Error('the fixture loaded benefit payments');
      // dibao is rows 2, 3, 5 and 6; 张三 rows 2 and 5.
      const program = await computeDuplicates(platform.services.lake, target, byKey('program'), 3);
      expect(program).toEqual({
        groups: 1,
        rows: 4,
        examples: [2, 3, 5].map((rowNo) => ({ group: 1, batchId: fx.batchId, rowNo })),
      });
      const name = await computeDuplicates(platform.services.lake, target, byKey('name'));
      expect(name.examples.map((e) => e.rowNo)).toEqual([2, 5]);
      const unique = await computeDuplicates(platform.services.lake, target, byKey('paid_on'));
      expect(unique).toEqual({ groups: 0, rows: 0, examples: [] });
    });

    it('answers from the snapshot until asked to refresh, and computes a batch the same way', async () => {
      const first = (await get('/api/v1/datasets/benefit_payment/quality')).json<TQualityReport>();
      expect(first.cached).toBe(true);
      const refreshed = (await get('/api/v1/datasets/benefit_payment/quality?refresh=1')).json<TQualityReport>();
      expect(refreshed.cached).toBe(false);
      const snapshots = await platform.services.database.db
        .selectFrom('quality_snapshots')
        .select(['kind', 'batch_id'])
        .orderBy('kind')
        .execute();
      expect(snapshots).toEqual(
        expect.arrayContaining([
          { kind: 'dataset', batch_id: 0 },
          { kind: 'rejections', batch_id: fx.batchId },
        ]),
      );

      const batch = await get(`/api/v1/batches/${fx.batchId}/quality`);
      expect(batch.statusCode, batch.body).toBe(200);
      expect(batch.json()).toMatchObject({ batchId: fx.batchId, cached: false });
      expectFixtureFigures(batch.json());
    });

    it('counts only the rows inside the viewer’s jurisdiction', async () => {
      const countyB = (await get('/api/v1/datasets/benefit_payment/quality', fx.countyBLeader)).json<TQualityReport>();
      expect(countyB.jurisdictionPrefix).toBe('330108');
      expect(countyB.rows).toBe(1);
      // The batch was imported by the city, so county B counts none of its import figures.
      expect(countyB.batches).toEqual({ count: 0, rowsRead: 0, rowsRejected: 0, cellsKept: 0 });
      expect(field(countyB, 'program').topValues).toEqual([{ value: 'tekun', count: 1 }]);
      expect(countyB.duplicates.every((d) => d.groups === 0)).toBe(true);
      const countyA = (await get('/api/v1/datasets/benefit_payment/quality', fx.countyAAdmin)).json<TQualityReport>();
      expect(countyA.rows).toBe(4);
      const hidden = await get(`/api/v1/batches/${fx.batchId}/quality`, fx.countyBLeader);
      expect(hidden.statusCode).toBe(404);
    });

    it('reports an empty dataset and refuses unknown types and batches', async () => {
      const empty = (await get('/api/v1/datasets/vehicle/quality')).json<TQualityReport>();
      expect(empty).toMatchObject({ rows: 0, duplicates: [] });
      expect(field(empty, 'plate')).toMatchObject({ nonNull: 0, completeness: null });
      expect((await get('/api/v1/datasets/nope/quality')).statusCode).toBe(404);
      expect((await get('/api/v1/batches/999999/quality')).statusCode).toBe(404);
    });
  });
}
