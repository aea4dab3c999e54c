import { findBuiltinModel, type ModelSpec } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_ENGINES } from '../lake/index.js';
import { createTestLake, testDatabaseUrl, type TestLake } from '../testing/test-lake.js';
import { createDatasetTables, loadFixtureRows } from '../testing/model-fixtures/fixture-lake.js';
import { groupEvidenceRows } from './hits.js';
import { runModelOnLake } from './run-model.js';

const postgresUrl = testDatabaseUrl();
const W01 = findBuiltinModel('W01') as ModelSpec;

/** A hand-written SQL model reading `from` in place of a table. */
function templateModel(from: string): ModelSpec {
  const sql =
    "SELECT 'k' AS key_text, 1 AS subject_sk, 'death' AS evidence_dataset, 1 AS evidence_batch, 1 AS evidence_row, " +
    `'death' AS evidence_role FROM ${from}`;
  return {
    ...W01,
    id: 'T_SQL',
    inputs: ['death'],
    parameters: [],
    incremental: false,
    logic: { kind: 'sql', sql: { portable: sql }, facts: {}, why: 'test' },
  };
}

it('groups evidence rows into hits, merging subjects, evidence and the highest severity', () => {
  const base = {
    subject_sk: 5,
    evidence_dataset: 'death',
    evidence_batch: 1,
    evidence_row: 1,
    evidence_role: 'death',
    facts: '{"a":1}',
    severity: 'orange',
    related_sks: '9',
  };
  const hits = groupEvidenceRows(
    [
      base,
      { ...base, evidence_dataset: 'payment', severity: 'red', facts: '{"a":2,"b":"x"}', related_sks: '9,10' },
      { ...base, hit_key: 'K2' },
    ].map((r) => ({ hit_key: 'K1', ...r })),
    W01,
  );
  expect(hits).toHaveLength(2);
  expect(hits[0]).toMatchObject({
    hitKey: 'K1',
    modelId: 'W01',
    modelVersion: W01.version,
    subjectKeys: [5, 9, 10],
    facts: { a: 1, b: 'x' },
    severity: 'red',
  });
  expect(hits[0]?.evidence.map((e) => e.dataset)).toEqual(['death', 'payment']);
});

it('groups the same hits whatever order the engine returns the rows in, and merges repeated rows', () => {
  const row = (hit: string, dataset: string, rowNo: number, facts: string) => ({
    hit_key: hit,
    subject_sk: 5,
    evidence_dataset: dataset,
    evidence_batch: 1,
    evidence_row: rowNo,
    evidence_role: dataset,
    facts,
    severity: 'red',
    related_sks: null,
  });
  const rows = [
    row('K2', 'payment', 7, '{"n":"k2"}'),
    row('K1', 'payment', 3, '{"n":"payment 3"}'),
    row('K1', 'death', 9, '{"n":"death 9"}'),
    row('K1', 'payment', 3, '{"n":"payment 3"}'), // a repeat: another hit row sharing the payment
    row('K1', 'death', 2, '{"n":"death 2"}'),
  ];
  const forward = groupEvidenceRows(rows, W01);
  expect(forward.map((h) => h.hitKey)).toEqual(['K1', 'K2']);
  expect(forward[0]?.evidence.map((e) => `${e.dataset}:${e.rowNo}`)).toEqual(['death:2', 'death:9', 'payment:3']);
  expect(forward[0]?.facts).toEqual({ n: 'death 2' }); // the first row in evidence order speaks
  expect(groupEvidenceRows([...rows].reverse(), W01)).toEqual(forward);
});

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && postgresUrl === undefined)(`runModelOnLake on ${engine}`, () => {
    let test: TestLake;
    beforeAll(async () => {
      test = await createTestLake(engine);
      await createDatasetTables(test.lake);
      await loadFixtureRows(test.lake, {
        death: [{ id: 1, name: '张三', death_date: '2024-01-15' }],
        benefit_payment: ['2024-03', '2024-04', '2024-05'].map((period) => ({
          program: 'dibao',
          id: 1,
          name: '张三',
          division: '110101001001',
          amount: '500.00',
          paid_on: `${period}-10`,
          period,
        })),
      });
    });
    afterAll(async () => test?.cleanup());

    it('returns one hit per problem with every month as evidence, and facts the explanation names', async () => {
      const hits = await runModelOnLake(test.lake, W01);
      expect(hits).toHaveLength(1);
      expect(hits[0]?.facts).toMatchObject({
        name: '张三',
        program: 'dibao',
        death_date: '2024-01-15',
        grace_days: 30,
      });
      // Each payment is an item with its own month and amount; the death is evidence, not an item.
      const evidence = hits[0]?.evidence ?? [];
      expect(evidence.map((e) => e.role).sort()).toEqual(['death', 'payment', 'payment', 'payment']);
      expect(evidence.flatMap((e) => (e.item ? [[e.item.period, e.item.amount]] : [])).sort()).toEqual([
        ['2024-03', 500],
        ['2024-04', 500],
        ['2024-05', 500],
      ]);
      expect(new Set(evidence.flatMap((e) => (e.item ? [e.item.key] : []))).size).toBe(3);
    });

    it('applies parameter overrides', async () => {
      const hits = await runModelOnLake(test.lake, W01, { grace_days: 80 });
      expect(hits).toHaveLength(1);
      expect(hits[0]?.evidence.filter((e) => e.item !== undefined)).toHaveLength(1);
    });

    it('rejects invalid parameters as MODEL_INVALID', async () => {
      await expect(runModelOnLake(test.lake, W01, { grace_days: 'soon' })).rejects.toMatchObject({
        code: 'MODEL_INVALID',
      });
    });

    it('rejects more evidence rows than allowed', async () => {
      await expect(runModelOnLake(test.lake, W01, {}, { maxEvidenceRows: 5 })).rejects.toMatchObject({
        code: 'MODEL_TOO_MANY_ROWS',
      });
    });

    it('runs a template whose SQL the parser accepts', async () => {
      expect(await runModelOnLake(test.lake, templateModel('ds_death'))).toHaveLength(1);
    });

    it.each([
      "read_text('/etc/passwd')",
      "'/etc/passwd'",
      '(SELECT 1) AS s, subject_index',
      'ds_death, lake_batches',
      'information_schema.tables',
      // Out of the wrapper the compiler puts around a template, the rest commented away.
      "ds_death) AS t0, read_text('/etc/passwd') AS u --",
    ])('refuses a template reading %s before it reaches the lake (SQL_REFUSED)', async (from) => {
      await expect(runModelOnLake(test.lake, templateModel(from))).rejects.toMatchObject({
        code: 'SQL_REFUSED',
        message: expect.stringContaining(engine),
      });
    });

    it('honours cancellation and the time limit', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(runModelOnLake(test.lake, W01, {}, { signal: controller.signal })).rejects.toMatchObject({
        code: 'MODEL_CANCELLED',
      });
      await expect(runModelOnLake(test.lake, W01, {}, { timeoutMs: 0 })).rejects.toMatchObject({
        code: 'MODEL_TIMEOUT',
      });
    });
  });
}
