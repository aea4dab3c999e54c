import { describe, expect, it } from 'vitest';
import { testEngines } from '../../testing/test-databases.js';
import { loadEndpoints } from './load-runner.js';
import { runScaleBench } from './scale-bench.js';

/** Lake rows of the end-to-end run: enough for every model's tables, few enough to run in seconds. */
const LAKE_ROWS = 5_000;
const WARNINGS = 2_000;
const CLIENTS = 5;
const PER_CLIENT = 2;

/** What seed-warnings.ts writes for series value g, by the same arithmetic, counted here independently. */
function expectedSeed() {
  let evidenceRows = 0;
  let events = 0;
  let liveInDemoCounty = 0;
  let live = 0;
  for (let g = 1; g <= WARNINGS; g++) {
    evidenceRows += 1 + ((g * 11) % 6);
    if ((g * 97) % 100 >= 55) events += 1;
    const retired = (g * 61) % 100 < 5;
    if (retired) continue;
    live += 1;
    if ((g * 37) % 10 < 7) liveInDemoCounty += 1;
  }
  return { evidenceRows, events, liveInDemoCounty, live };
}

describe('the scale bench at a tiny scale', () => {
  for (const engine of testEngines()) {
    it(`runs the models end to end and loads the list and overview through HTTP (${engine})`, async () => {
      const bench = await runScaleBench({
        engine: engine === 'pglite' ? 'embedded' : 'postgres',
        lakeRows: LAKE_ROWS,
        warnings: WARNINGS,
        clients: CLIENTS,
        requestsPerClient: PER_CLIENT,
      });
      const run = bench.run;
      if (run === undefined) throw new Error('no model run');
      expect(run.lakeRows).toBeGreaterThan(LAKE_ROWS * 0.95);
      expect(run.lakeRows).toBeLessThanOrEqual(LAKE_ROWS);
      expect(run.failedModels).toEqual([]);
      // A fresh store: every warning the run stored is one it inserted, one per hit key the raw engine counts.
      expect(run.newWarnings).toBeGreaterThan(0);
      expect(run.updatedWarnings).toBe(0);
      expect(run.storedWarnings).toBe(run.newWarnings);
      expect(run.newWarnings).toBe(run.queryOnlyHits);
      expect(run.storedEvidenceRows).toBeGreaterThanOrEqual(run.storedWarnings);

      const expected = expectedSeed();
      expect(bench.seeded).toMatchObject({
        warnings: WARNINGS,
        evidenceRows: expected.evidenceRows,
        events: expected.events,
      });
      expect(bench.storedWarnings).toBe(run.storedWarnings + WARNINGS);

      expect(bench.load).toHaveLength(loadEndpoints(bench.seeded.personKey).length * 2);
      for (const load of bench.load) {
        expect(load.requests).toBe(CLIENTS * PER_CLIENT);
        expect(load.failures).toBe(0);
        expect(load.maxMs).toBeGreaterThanOrEqual(load.p99Ms);
        expect(load.perSecond).toBeGreaterThan(0);
        expect(load.p99Ms).toBeGreaterThanOrEqual(load.p50Ms);
      }
      const count = (endpoint: string, user: string) =>
        bench.load.find((l) => l.endpoint === endpoint && l.user === user)?.count;
      // The run's warnings all lie in the demo county; the seeded ones in both counties of the city.
      const county = run.storedWarnings + expected.liveInDemoCounty;
      const city = run.storedWarnings + expected.live;
      expect(count('warnings, first page', 'county leader')).toBe(county);
      expect(count('warnings, first page', 'city leader')).toBe(city);
      expect(count('overview statistics', 'county leader')).toBe(county);
      expect(count('overview statistics', 'city leader')).toBe(city);
      const redOpenCounty = count('warnings, filtered + sorted', 'county leader') ?? 0;
      expect(redOpenCounty).toBeGreaterThan(0);
      expect(redOpenCounty).toBeLessThan(county);
      expect(count('warnings, filtered + sorted', 'city leader')).toBeGreaterThan(redOpenCounty);
      // The person's warnings: one in the demo county among the first seeded, none of the run's.
      const personCounty = count("a person's page", 'county leader') ?? 0;
      expect(personCounty).toBeGreaterThan(0);
      expect(count("a person's page", 'city leader')).toBeGreaterThanOrEqual(personCounty);
    }, 600_000);
  }
});
