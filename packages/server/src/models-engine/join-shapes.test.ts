import { findBuiltinModel, type Condition, type ModelSpec } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_ENGINES } from '../lake/index.js';
import { createTestLake, testDatabaseUrl, type TestLake } from '../testing/test-lake.js';
import { createDatasetTables, loadFixtureRows } from '../testing/model-fixtures/fixture-lake.js';
import { runModelOnLake } from './run-model.js';

// The compiler splits an OR join into hash joins and spells an outer join's date ranges as
// comparisons and joins groups NULL-safely (compiler/joins.ts); these rules count the joined rows, NULLs included, so a
// row joined twice or lost by either spelling shows in the counts.

const base = findBuiltinModel('W02') as ModelSpec;
const count = (arg?: string) => ({ agg: 'count' as const, ...(arg === undefined ? {} : { arg }) });
const atLeastZero: Condition = { op: '>=', left: count(), right: { value: 0 } };

const HOUSEHOLD: ModelSpec = {
  ...base,
  id: 'TJOIN1',
  inputs: ['benefit_roll', 'person'],
  parameters: [],
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'r', dataset: 'benefit_roll', role: 'enrolment' },
      {
        alias: 'm',
        dataset: 'person',
        role: 'member',
        on: [
          {
            op: 'or',
            all: [
              { op: '=', left: 'm.id', right: 'r.id' },
              {
                op: 'and',
                all: [
                  { op: 'not_null', expr: 'r.household_no' },
                  { op: '=', left: 'm.household_no', right: 'r.household_no' },
                ],
              },
            ],
          },
        ],
      },
    ],
    aggregate: { groupBy: ['r.id'], having: [atLeastZero] },
    subject: 'r.id',
    facts: { members: count() },
  },
};

const STAFFED: ModelSpec = {
  ...base,
  id: 'TJOIN2',
  inputs: ['med_institution', 'med_staff'],
  parameters: [],
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'i', dataset: 'med_institution', role: 'institution' },
      {
        alias: 's',
        dataset: 'med_staff',
        role: 'staff',
        join: 'left',
        on: [
          { op: '=', left: 's.inst_code', right: 'i.inst_code' },
          { op: 'during', at: 'i.verified_on', from: 's.start_date', to: 's.end_date' },
        ],
      },
    ],
    aggregate: { groupBy: ['i.inst_code'], having: [atLeastZero] },
    subject: { value: null },
    facts: { staff: count('s._row_no') },
  },
};

// Two text keys: DuckDB's keys are written as expressions there (Dialect.multiKeyText), which
// must keep NULL unequal to everything and '' apart from NULL.
const TWO_TEXT_KEYS: ModelSpec = {
  ...base,
  id: 'TJOIN3',
  inputs: ['collective_lease', 'collective_asset'],
  parameters: [],
  logic: {
    kind: 'rule',
    sources: [
      { alias: 'l', dataset: 'collective_lease', role: 'lease' },
      {
        alias: 'a',
        dataset: 'collective_asset',
        role: 'asset',
        on: [
          { op: '=', left: 'a.asset_id', right: 'l.asset_id' },
          { op: '=', left: 'a.org_code', right: 'l.org_code' },
        ],
      },
    ],
    aggregate: { groupBy: ['l.asset_id', 'l.org_code'], having: [atLeastZero] },
    subject: { value: null },
    facts: { asset: 'l.asset_id', org: 'l.org_code', assets: count() },
  },
};

const postgresUrl = testDatabaseUrl();

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && postgresUrl === undefined)(`join shapes on ${engine}`, () => {
    let test: TestLake;
    beforeAll(async () => {
      test = await createTestLake(engine);
      await createDatasetTables(test.lake);
      await loadFixtureRows(test.lake, {
        benefit_roll: [
          { id: 1, household_no: 'H1' },
          { id: 4, household_no: null },
          { id: 6, household_no: 'H9' }, // nobody: no hit
        ],
        person: [
          { id: 1, household_no: 'H1' }, // both ways for roll 1: counted once
          { id: 2, household_no: 'H1' },
          { id: 3, household_no: null },
          { id: 1, household_no: null },
          { id: 4, household_no: null },
          { id: null, household_no: 'H1' }, // the id test is NULL, the household one true
          { id: 5, household_no: null },
        ],
        med_institution: [
          { inst_code: 'A', verified_on: '2024-06-01' },
          { inst_code: 'B', verified_on: null },
          { inst_code: 'C', verified_on: '2024-06-01' },
          // Groups by NULL and by '' stay apart (the aggregate joins its groups NULL-safely).
          { inst_code: null, verified_on: '2024-06-01' },
          { inst_code: '', verified_on: '2024-06-01' },
        ],
        med_staff: [
          { inst_code: 'A', start_date: null, end_date: null },
          { inst_code: 'A', start_date: '2024-01-01', end_date: null },
          { inst_code: 'A', start_date: '2024-07-01', end_date: null },
          { inst_code: 'A', start_date: null, end_date: '2024-05-31' },
          { inst_code: 'A', start_date: '2024-06-01', end_date: '2024-06-01' },
          { inst_code: 'B', start_date: null, end_date: null }, // open both ends: on duty whatever the day
          { inst_code: 'B', start_date: '2024-01-01', end_date: null },
        ],
        collective_lease: [
          { asset_id: 'A1', org_code: 'O1' },
          { asset_id: 'A1', org_code: null },
          { asset_id: null, org_code: 'O1' },
          { asset_id: 'A2', org_code: 'O2' },
          { asset_id: '', org_code: '' },
        ],
        collective_asset: [
          { asset_id: 'A1', org_code: 'O1' },
          { asset_id: 'A1', org_code: 'O1' },
          { asset_id: 'A1', org_code: null },
          { asset_id: '', org_code: 'O1' }, // '' is not NULL: the NULL asset id above does not match it
          { asset_id: 'A2', org_code: 'O9' },
          { asset_id: '', org_code: '' },
        ],
      });
    });
    afterAll(async () => test?.cleanup());

    it('joins each pair an OR join holds for exactly once', async () => {
      const hits = await runModelOnLake(test.lake, HOUSEHOLD);
      const members = hits.map((h) => [h.subjectKeys[0], h.facts.members]).sort();
      expect(members).toEqual([
        [1, 4],
        [4, 1],
      ]);
    });

    it('keeps open date ranges and unmatched rows in an outer join', async () => {
      const hits = await runModelOnLake(test.lake, STAFFED);
      const staff = hits.map((h) => [h.facts.staff, h.evidence.length]).sort();
      // A: no start/no end, open end, exactly that day; B: the open range only; C, NULL, '': none.
      expect(staff).toEqual([
        [0, 1],
        [0, 1],
        [0, 1],
        [1, 2],
        [3, 4],
      ]);
    });

    it('joins on two text keys only where both are equal and neither is NULL', async () => {
      const hits = await runModelOnLake(test.lake, TWO_TEXT_KEYS);
      const joined = hits.map((h) => [h.facts.asset, h.facts.org, h.facts.assets]).sort();
      expect(joined).toEqual([
        ['', '', 1],
        ['A1', 'O1', 2],
      ]);
    });
  });
}
