import { BUILTIN_MODELS, findBuiltinModel } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_ENGINES } from '../lake/index.js';
import { createTestLake, testDatabaseUrl, type TestLake } from '../testing/test-lake.js';
import { clearDatasetTables, createDatasetTables, loadFixtureRows } from '../testing/model-fixtures/fixture-lake.js';
import { MODEL_FIXTURES, type ModelFixture } from '../testing/model-fixtures/index.js';
import type { ModelHit } from './hits.js';
import { runModelOnLake } from './run-model.js';

const postgresUrl = testDatabaseUrl();

/** Hit keys per model and engine, to prove both engines agree. */
const keysByEngine = new Map<string, Map<string, string[]>>();

function evidenceIds(hit: ModelHit): string[] {
  return hit.evidence
    .map((e) => (e.batchId === 1 ? `${e.dataset}:${e.rowNo}` : `${e.dataset}:${e.batchId}:${e.rowNo}`))
    .sort();
}

async function runFixture(lake: TestLake['lake'], fixture: ModelFixture): Promise<ModelHit[]> {
  const spec = findBuiltinModel(fixture.model);
  if (spec === undefined) throw new Error(`no model ${fixture.model}`);
  await clearDatasetTables(lake);
  await loadFixtureRows(lake, fixture.rows);
  return runModelOnLake(lake, spec, fixture.params ?? {});
}

it('every built-in model has a fixture', () => {
  const covered = new Set(MODEL_FIXTURES.map((f) => f.model));
  expect(BUILTIN_MODELS.map((m) => m.id).filter((id) => !covered.has(id))).toEqual([]);
});

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && postgresUrl === undefined)(`built-in models on ${engine}`, () => {
    let test: TestLake;
    const keys = new Map<string, string[]>();
    keysByEngine.set(engine, keys);

    beforeAll(async () => {
      test = await createTestLake(engine);
      await createDatasetTables(test.lake);
    });
    afterAll(async () => test?.cleanup());

    for (const fixture of MODEL_FIXTURES) {
      it(`${fixture.model} flags its fixture and not ${fixture.nearMiss}`, async () => {
        const hits = await runFixture(test.lake, fixture);
        const actual = hits.map((h) => ({ subject: h.subjectKeys[0] ?? null, evidence: evidenceIds(h) }));
        const expected = fixture.expect.map((h) => ({ subject: h.subject, evidence: [...h.evidence].sort() }));
        const order = (list: { evidence: string[] }[]) =>
          [...list].sort((a, b) => a.evidence.join().localeCompare(b.evidence.join()));
        expect(order(actual)).toEqual(order(expected));
        for (const want of fixture.expect) {
          if (want.severity === undefined) continue;
          const hit = hits.find((h) => evidenceIds(h).join() === [...want.evidence].sort().join());
          expect(hit?.severity).toBe(want.severity);
        }
        for (const hit of hits) {
          expect(hit.hitKey.startsWith(`${fixture.model}:`)).toBe(true);
          expect(typeof hit.facts).toBe('object');
        }
        keys.set(fixture.model, hits.map((h) => `${h.hitKey} ${JSON.stringify(h.facts)}`).sort());
      });
    }
  });
}

describe.skipIf(postgresUrl === undefined)('engines agree', () => {
  it('DuckDB and PostgreSQL give identical hit keys and facts for every fixture', () => {
    const duck = keysByEngine.get('duckdb');
    const pg = keysByEngine.get('postgres');
    expect(duck?.size).toBe(MODEL_FIXTURES.length);
    expect(Object.fromEntries(pg ?? [])).toEqual(Object.fromEntries(duck ?? []));
  });
});
