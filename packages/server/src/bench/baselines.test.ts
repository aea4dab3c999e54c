import { findBuiltinModel } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLake, type TestLake } from '../testing/test-lake.js';
import { BASELINE_MODELS, BASELINE_SQL } from './baselines.js';
import { clearDatasetTables, createDatasetTables, loadFixtureRows } from '../testing/model-fixtures/fixture-lake.js';
import { MODEL_FIXTURES } from '../testing/model-fixtures/index.js';
import { runModelOnLake } from '../models-engine/run-model.js';

// The baselines are DuckDB SQL (the bench runs on the default engine).
describe('hand-written baselines find what the compiled models find (DuckDB)', () => {
  let test: TestLake;
  beforeAll(async () => {
    test = await createTestLake('duckdb');
    await createDatasetTables(test.lake);
  });
  afterAll(async () => test?.cleanup());

  for (const id of BASELINE_MODELS) {
    it(id, async () => {
      const fixture = MODEL_FIXTURES.find((f) => f.model === id);
      const spec = findBuiltinModel(id);
      if (fixture === undefined || spec === undefined) throw new Error(id);
      await clearDatasetTables(test.lake);
      await loadFixtureRows(test.lake, fixture.rows);
      const onlyBids = id === 'PR03';
      const compiled = (await runModelOnLake(test.lake, spec)).map((h) => ({
        subject: h.subjectKeys[0] ?? null,
        evidence: h.evidence
          .filter((e) => !onlyBids || e.dataset === 'bid')
          .map((e) => `${e.dataset}:${e.batchId}:${e.rowNo}`)
          .sort()
          .join(','),
      }));
      const { sql, params } = BASELINE_SQL[id];
      const rows = await test.lake.query<{ subject_sk: number; evidence: string }>(sql, params);
      const baseline = rows.map((r) => ({ subject: r.subject_sk, evidence: r.evidence.split(',').sort().join(',') }));
      const order = (l: { evidence: string }[]) => [...l].sort((a, b) => a.evidence.localeCompare(b.evidence));
      expect(baseline.length).toBeGreaterThan(0);
      expect(order(baseline)).toEqual(order(compiled));
    });
  }
});
