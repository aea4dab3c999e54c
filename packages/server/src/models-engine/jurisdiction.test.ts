import { findBuiltinModel, type ModelSpec } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_ENGINES } from '../lake/index.js';
import { createTestLake, testDatabaseUrl, type TestLake } from '../testing/test-lake.js';
import { createDatasetTables, loadFixtureRows } from '../testing/model-fixtures/fixture-lake.js';
import { boundToJurisdiction, datasetsRead, rowWithinSql } from './jurisdiction.js';
import { runModelOnLake } from './run-model.js';

const postgresUrl = testDatabaseUrl();
const W01 = findBuiltinModel('W01') as ModelSpec;
const C04 = findBuiltinModel('C04') as ModelSpec;

/** County A owns batch 1, county B batch 2: the same rows in each, A's divisions in A's. */
const COUNTY_A = { prefix: '330106', batchIds: [1] };
const COUNTY_B = { prefix: '330108', batchIds: [2] };

const payment = (id: number, division: string | null, batch: number) => ({
  _batch: batch,
  program: 'dibao',
  id,
  name: `P${id}`,
  division,
  amount: '500.00',
  paid_on: '2024-03-10',
  period: '2024-03',
});

/** A lease whose 2023 rent was never booked, in books loaded for 2023 (C04 hits it). */
const unbookedLease = (batch: number, lessee: number, org: string) => ({
  collective_lease: [
    {
      _batch: batch,
      lease_id: `L${lessee}`,
      asset_id: `A${lessee}`,
      org_code: org,
      lessee,
      lessee_name: `L${lessee}`,
      annual_rent: '10000.00',
      start_date: '2023-01-01',
      end_date: '2023-12-31',
      resolution_no: '决议1',
    },
  ],
  collective_ledger: [
    { _batch: batch, entry_id: `E${lessee}`, org_code: org, direction: 'out', amount: '10.00', date: '2023-05-01' },
  ],
});

it('writes the row rule with checked literals only', () => {
  expect(rowWithinSql('benefit_payment', COUNTY_A)).toBe(
    `("division" LIKE '330106%' OR ("division" IS NULL AND "_batch_id" IN (1)))`,
  );
  expect(rowWithinSql('collective_lease', { prefix: '3301', batchIds: [] })).toBe('FALSE');
  expect(() => rowWithinSql('death', { prefix: "33' OR 1=1 --", batchIds: [] })).toThrow();
  expect(() => rowWithinSql('death', { prefix: '', batchIds: [] })).toThrow();
  expect(datasetsRead('SELECT 1 FROM ds_death d JOIN "ds_person" p ON TRUE', ['benefit_payment'])).toEqual([
    'benefit_payment',
    'death',
    'person',
  ]);
});

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && postgresUrl === undefined)(
    `jurisdiction inside the query, ${engine}`,
    () => {
      let test: TestLake;
      beforeAll(async () => {
        test = await createTestLake(engine);
        await createDatasetTables(test.lake);
        await loadFixtureRows(test.lake, {
          // Both deaths were registered by county B; each county paid one of the dead.
          death: [
            { _batch: 2, id: 1, name: 'P1', death_date: '2024-01-01', division: '330108001001' },
            { _batch: 2, id: 2, name: 'P2', death_date: '2024-01-01', division: null },
            { _batch: 2, id: 3, name: 'P3', death_date: '2024-01-01', division: '330108001001' },
          ],
          benefit_payment: [payment(1, '330106001001', 1), payment(2, null, 1), payment(3, '330108001001', 2)],
        });
        await loadFixtureRows(test.lake, unbookedLease(1, 7001, 'OA'));
        await loadFixtureRows(test.lake, unbookedLease(2, 7002, 'OB'));
      });
      afterAll(async () => test?.cleanup());

      it('a CTE named like a table shadows it, also inside subqueries and the query’s own WITH', async () => {
        const sql = await boundToJurisdiction(
          test.lake,
          'WITH x AS (SELECT id_sk FROM ds_benefit_payment) SELECT count(*) AS n FROM x WHERE EXISTS (SELECT 1 FROM "ds_benefit_payment" p WHERE p.id_sk = x.id_sk)',
          ['benefit_payment'],
          COUNTY_A,
        );
        const [row] = await test.lake.query<{ n: number }>(sql);
        expect(Number(row?.n)).toBe(2);
      });

      it('a builder model sees only its county: no hit of the other county, no evidence row outside it', async () => {
        const all = await runModelOnLake(test.lake, W01, { grace_days: 0 });
        expect(all.map((h) => h.subjectKeys[0]).sort()).toEqual([1, 2, 3]);
        const scoped = await runModelOnLake(test.lake, W01, { grace_days: 0 }, { scope: COUNTY_B });
        // County B sees its own payment; the deaths it registered do not bring A's payments in.
        expect(scoped.map((h) => h.subjectKeys[0])).toEqual([3]);
        expect(scoped.flatMap((h) => h.evidence.map((e) => e.batchId))).toEqual([2, 2]);
        // County A has no deaths in its jurisdiction: nothing of B's reaches it.
        expect(await runModelOnLake(test.lake, W01, { grace_days: 0 }, { scope: COUNTY_A })).toEqual([]);
      });

      it('a hand-written SQL model naming ds_ tables unqualified is bounded too (rows without a division, by batch)', async () => {
        const params = { as_of: '2025-06-30' };
        const all = await runModelOnLake(test.lake, C04, params);
        expect(all.map((h) => h.subjectKeys[0]).sort()).toEqual([7001, 7002]);
        const scoped = await runModelOnLake(test.lake, C04, params, { scope: COUNTY_A });
        expect(scoped.map((h) => h.subjectKeys[0])).toEqual([7001]);
        expect(scoped[0]?.evidence.map((e) => e.batchId)).toEqual([1]);
      });
    },
  );
}
