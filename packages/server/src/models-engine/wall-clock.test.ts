import { findBuiltinModel, renderExplanation, type Expr, type ModelSpec } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_ENGINES } from '../lake/index.js';
import { createTestLake, testDatabaseUrl, type TestLake } from '../testing/test-lake.js';
import { createDatasetTables, loadFixtureRows } from '../testing/model-fixtures/fixture-lake.js';
import { runModelOnLake } from './run-model.js';

const at = (fn: 'hour_of' | 'date_of' | 'iso_dow' | 'month_of' | 'year_of'): Expr => ({ fn, args: ['t.end_at'] });

// Every calendar function of a timestamp in one probe model over car trips.
const PROBE: ModelSpec = {
  ...(findBuiltinModel('F08') as ModelSpec),
  parameters: [],
  explanation: { zh: '{plate}于{back_at}收车', en: '{plate} back at {back_at}' },
  logic: {
    kind: 'rule',
    sources: [{ alias: 't', dataset: 'vehicle_trip', role: 'trip' }],
    subject: { value: null },
    facts: {
      plate: 't.plate',
      back_at: 't.end_at',
      hour: at('hour_of'),
      day: at('date_of'),
      weekday: at('iso_dow'),
      month: at('month_of'),
      year: at('year_of'),
      days: { fn: 'days_between', args: ['t.start_at', 't.end_at'] },
    },
  },
};

// Out at 23:00 in the county, back after midnight: a different day, and across New Year a different month and year.
const TRIPS = [
  { plate: '公A1', unit_name: '甲局', start_at: '2024-03-01T15:00:00Z', end_at: '2024-03-01T17:30:00Z' },
  { plate: '公A2', unit_name: '甲局', start_at: '2023-12-31T15:00:00Z', end_at: '2023-12-31T16:00:00Z' },
];

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && testDatabaseUrl() === undefined)(`the wall clock on ${engine}`, () => {
    let test: TestLake;

    beforeAll(async () => {
      test = await createTestLake(engine);
      await createDatasetTables(test.lake);
      await loadFixtureRows(test.lake, { vehicle_trip: TRIPS });
    });
    afterAll(async () => test?.cleanup());

    it('reads hours, days, weekdays, months and years of a timestamp in Asia/Shanghai', async () => {
      const hits = await runModelOnLake(test.lake, PROBE, {});
      const facts = hits.map((h) => h.facts).sort((a, b) => String(a.plate).localeCompare(String(b.plate)));
      expect(facts).toEqual([
        {
          plate: '公A1',
          back_at: '2024-03-02T01:30:00+08:00',
          hour: 1,
          day: '2024-03-02',
          weekday: 6,
          month: '2024-03',
          year: 2024,
          days: 1,
        },
        {
          plate: '公A2',
          back_at: '2024-01-01T00:00:00+08:00',
          hour: 0,
          day: '2024-01-01',
          weekday: 1,
          month: '2024-01',
          year: 2024,
          days: 1,
        },
      ]);
      expect(renderExplanation(PROBE.explanation.en, facts[0] ?? {})).toBe('公A1 back at 2024-03-02 01:30');
      expect(renderExplanation(PROBE.explanation.zh, facts[0] ?? {})).toBe('公A1于2024-03-02 01:30收车');
    });
  });
}
