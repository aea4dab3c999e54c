import { describe, expect, it } from 'vitest';
import { testEngines } from '../../testing/test-databases.js';
import { runClueBench } from './clue-bench.js';

const CLUES = 3_000;
const STEPS = 3;
const CLIENTS = 4;
const PER_CLIENT = 2;

/** What seed-clues.ts writes for series value g, by the same arithmetic, counted here independently. */
function expectedSeed() {
  let overdue = 0;
  let verifyingLetters = 0;
  for (let g = 1; g <= CLUES; g++) {
    // Open below 50; due on today - 30 + (g * 13) % 120, so past when that offset is below 30.
    if (g % 100 < 50 && (g * 13) % 120 < 30) overdue += 1;
    // Verifying from 35 to 44; letters and visits, the second source, when (g * 3) % 7 is 1.
    if (g % 100 >= 35 && g % 100 < 45 && (g * 3) % 7 === 1) verifyingLetters += 1;
  }
  return { overdue, verifyingLetters };
}

describe('the clue bench at a tiny scale', () => {
  for (const engine of testEngines()) {
    it(`seeds clues with their timelines and loads the registry, search and a clue through HTTP (${engine})`, async () => {
      const bench = await runClueBench({
        engine: engine === 'pglite' ? 'embedded' : 'postgres',
        clues: CLUES,
        stepsPerClue: STEPS,
        clients: CLIENTS,
        requestsPerClient: PER_CLIENT,
      });
      expect(bench.seeded).toMatchObject({ clues: CLUES, steps: CLUES * STEPS });
      for (const load of bench.load) {
        expect(load.requests).toBe(CLIENTS * PER_CLIENT);
        expect(load.failures).toBe(0);
        expect(load.p99Ms).toBeGreaterThanOrEqual(load.p50Ms);
        expect(load.maxMs).toBeGreaterThanOrEqual(load.p99Ms);
      }
      const count = (name: string) => bench.load.find((l) => l.endpoint === name)?.count;
      expect(count('registry, first page')).toBe(20);
      expect(count('registry, deep keyset page')).toBe(20);
      const expected = expectedSeed();
      expect(expected.verifyingLetters).toBeGreaterThan(0);
      expect(count('registry, filtered')).toBe(Math.min(20, expected.verifyingLetters));
      expect(count('overdue list')).toBe(Math.min(50, expected.overdue));
      expect(count('search by identity number')).toBe(1);
      // A clue's page carries its whole timeline.
      expect(count("a clue's page")).toBe(STEPS);
    }, 600_000);
  }
});
