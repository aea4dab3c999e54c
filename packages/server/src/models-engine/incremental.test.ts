import { BUILTIN_MODELS, compileModel, findBuiltinModel } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_ENGINES } from '../lake/index.js';
import { createTestLake, testDatabaseUrl, type TestLake } from '../testing/test-lake.js';
import {
  clearDatasetTables,
  createDatasetTables,
  loadFixtureRows,
  type FixtureRow,
} from '../testing/model-fixtures/fixture-lake.js';
import { MODEL_FIXTURES } from '../testing/model-fixtures/index.js';
import type { ModelHit } from './hits.js';
import { plannedMode, runModelOnLake } from './run-model.js';

const postgresUrl = testDatabaseUrl();
const INCREMENTAL = BUILTIN_MODELS.filter((m) => m.incremental !== false).map((m) => m.id);

/** The fixture with every second row of each dataset moved to batch 2, the "new" import. */
function splitIntoBatches(rows: Readonly<Record<string, readonly FixtureRow[]>>): Record<string, FixtureRow[]> {
  return Object.fromEntries(
    Object.entries(rows).map(([type, list]) => [
      type,
      list.map((r, i) => ({ ...r, _row: i + 1, _batch: i % 2 === 0 ? 1 : 2 })),
    ]),
  );
}

const summary = (hits: ModelHit[]) =>
  hits
    .map(
      (h) =>
        `${h.hitKey} ${h.evidence
          .map((e) => `${e.dataset}:${e.batchId}:${e.rowNo}`)
          .sort()
          .join(',')}`,
    )
    .sort();

it('compiling with newBatches restricts only declared drivers and reports the mode', () => {
  const w01 = findBuiltinModel('W01');
  const w08 = findBuiltinModel('W08');
  if (w01 === undefined || w08 === undefined) throw new Error('library');
  const incremental = compileModel(w01, { engine: 'duckdb', newBatches: { death: [7, 8] } });
  expect(incremental.mode).toBe('incremental');
  // Batch ids are the platform's own integers, written as literals so the planner sees them.
  expect(incremental.sql).toContain('"d"."_batch_id" IN (7, 8)');
  expect(incremental.sql).not.toContain('"p"."_batch_id" IN (');
  expect(() => compileModel(w01, { engine: 'duckdb', newBatches: { death: [7.5] } })).toThrow(/not an integer/);
  expect(compileModel(w08, { engine: 'duckdb', newBatches: { benefit_payment: [7] } }).mode).toBe('full');
  expect(plannedMode(w08, { newBatches: { benefit_payment: [7] } })).toBe('full');
});

it('narrows, on DuckDB, each source joined to the driver by an equality to rows sharing a key with the new rows', () => {
  const w01 = findBuiltinModel('W01');
  if (w01 === undefined) throw new Error('library');
  const { sql } = compileModel(w01, { engine: 'duckdb', newBatches: { death: [7] } });
  // Payments are read only for the new deaths' people, inside the payment table's own subquery.
  expect(sql).toContain(
    '(SELECT * FROM "ds_benefit_payment" AS "p" WHERE "p"."id_sk" IN (SELECT "d"."id_sk" FROM "ds_death" AS "d" WHERE "d"."_batch_id" IN (',
  );
  expect(compileModel(w01, { engine: 'duckdb' }).sql).not.toContain('"p"."id_sk" IN (SELECT');
  // PostgreSQL's planner would nest loops over the subquery (see Dialect.narrowsIncrementalJoins).
  expect(compileModel(w01, { engine: 'postgres', newBatches: { death: [7] } }).sql).not.toContain(
    '"p"."id_sk" IN (SELECT',
  );
});

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && postgresUrl === undefined)(`incremental runs on ${engine}`, () => {
    let test: TestLake;
    beforeAll(async () => {
      test = await createTestLake(engine);
      await createDatasetTables(test.lake);
    });
    afterAll(async () => test?.cleanup());

    for (const id of INCREMENTAL) {
      it(`${id}: incremental over batch 2 equals the full run restricted to hits with a new driver row`, async () => {
        const spec = findBuiltinModel(id);
        const fixture = MODEL_FIXTURES.find((f) => f.model === id);
        if (spec === undefined || fixture === undefined || spec.incremental === false) throw new Error(id);
        await clearDatasetTables(test.lake);
        await loadFixtureRows(test.lake, splitIntoBatches(fixture.rows));
        const drivers = spec.incremental.drivers;
        const full = await runModelOnLake(test.lake, spec, fixture.params ?? {});
        const incremental = await runModelOnLake(test.lake, spec, fixture.params ?? {}, {
          newBatches: Object.fromEntries(drivers.map((d) => [d, [2]])),
        });
        const touched = full.filter((h) => h.evidence.some((e) => e.batchId === 2 && drivers.includes(e.dataset)));
        expect(summary(incremental)).toEqual(summary(touched));
      });
    }

    it('an incremental run with no new driver rows finds nothing', async () => {
      const spec = findBuiltinModel('W01');
      const fixture = MODEL_FIXTURES.find((f) => f.model === 'W01');
      if (spec === undefined || fixture === undefined) throw new Error('W01');
      await clearDatasetTables(test.lake);
      await loadFixtureRows(test.lake, fixture.rows);
      expect(await runModelOnLake(test.lake, spec, {}, { newBatches: { person: [1] } })).toEqual([]);
      expect(await runModelOnLake(test.lake, spec, {}, { newBatches: { death: [1] } })).toHaveLength(1);
    });
  });
}
