import { findBuiltinModel } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModelOnLake } from '../../models-engine/index.js';
import { systemActor } from '../audit/index.js';
import { ensureModelRegistry } from '../models/registry/model-registry.js';
import { ModelRunsRepository } from '../models/runs/model-runs.repository.js';
import { clearDatasetTables, createDatasetTables, loadFixtureRows } from '../../testing/model-fixtures/fixture-lake.js';
import { MODEL_FIXTURES, type ModelFixture } from '../../testing/model-fixtures/index.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { recordModelHits } from './warning-record.service.js';

/*
 * Every warning lies in a jurisdiction. Each built-in model runs on its fixture and its
 * hits go through the real recording path; every warning stored must have a division. A
 * row without a division of its own takes that of the record it belongs to (a ledger
 * entry its organisation's, a tender its buyer's, a bid its tender's), before its batch's,
 * and a county's run reads the rows that belong to it by that rule.
 */

/** The division of the organisation every fixture batch belongs to. */
const BATCH_DIVISION = '330106000000';
/** Where the records the rows belong to lie: another county, so the batch cannot explain it. */
const OWNER_DIVISION = '330108001001';

const fixtureOf = (model: string): ModelFixture => {
  const fixture = MODEL_FIXTURES.find((f) => f.model === model);
  if (!fixture) throw new Error(`no fixture for ${model}`);
  return fixture;
};

/** The fixture with rows added to `rows`. */
function withRows(model: string, rows: ModelFixture['rows']): ModelFixture {
  const fixture = fixtureOf(model);
  const merged = { ...fixture.rows };
  for (const [dataset, list] of Object.entries(rows)) merged[dataset] = [...(merged[dataset] ?? []), ...list];
  return { ...fixture, rows: merged };
}

for (const engine of testEngines()) {
  describe(`every warning has a jurisdiction (${engine})`, () => {
    let platform: TestPlatform;
    let runId: number;

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      await ensureModelRegistry(platform.services);
      await createDatasetTables(platform.services.lake);
      // Batches 1…n, as the fixtures number them, all of the same commission.
      const batches = Math.max(
        1,
        ...MODEL_FIXTURES.flatMap((f) => Object.values(f.rows).flatMap((rows) => rows.map((r) => r._batch ?? 1))),
      );
      const db = platform.services.database.db;
      for (let id = 1; id <= batches; id += 1) {
        const batch = await db
          .insertInto('import_batches')
          .values({
            dataset_type: 'death',
            file_name: `fixture-${id}.csv`,
            content_hash: String(id).padStart(64, '0'),
            format: 'csv',
            mode: 'append',
            status: 'loaded',
            division_code: BATCH_DIVISION,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        expect(batch.id).toBe(id);
      }
      const run = await new ModelRunsRepository(db).insertRun({
        kind: 'full',
        status: 'running',
        models: [],
        input_batch_ids: null,
        covered_batch_id: null,
        models_total: MODEL_FIXTURES.length,
        requested_by: null,
        requested_by_name: 'test',
      });
      runId = run.id;
    });
    afterAll(async () => platform?.close());

    /** Runs the model on the fixture through the real recording path; returns its warnings' divisions by first evidence. */
    async function record(fixture: ModelFixture): Promise<{ divisions: (string | null)[]; evidence: string[] }> {
      const spec = findBuiltinModel(fixture.model);
      if (!spec) throw new Error(`no model ${fixture.model}`);
      const { lake, database } = platform.services;
      await clearDatasetTables(lake);
      await loadFixtureRows(lake, fixture.rows);
      const hits = await runModelOnLake(lake, spec, fixture.params ?? {});
      await recordModelHits(
        platform.services,
        systemActor('test'),
        { id: runId, modelId: spec.id, version: spec.version, mode: 'full', document: spec },
        hits,
      );
      const warnings = await database.db
        .selectFrom('warnings')
        .select(['division_code', 'hit_key'])
        .where('model_id', '=', spec.id)
        .where('retired_at', 'is', null)
        .orderBy('hit_key')
        .execute();
      return {
        divisions: warnings.map((w) => w.division_code as string | null),
        evidence: hits.flatMap((h) => h.evidence.map((e) => e.dataset)),
      };
    }

    it('every built-in model, on its fixture, stores every warning with a division', async () => {
      const missing: string[] = [];
      for (const fixture of MODEL_FIXTURES) {
        const { divisions } = await record(fixture);
        expect(divisions.length, fixture.model).toBe(fixture.expect.length);
        for (const division of divisions) if (!/^\d{12}$/.test(division ?? '')) missing.push(fixture.model);
      }
      expect(missing).toEqual([]);
    });

    it('the store refuses a warning without a division', async () => {
      await expect(
        platform.services.database.db
          .insertInto('warnings')
          .values({
            hit_key: 'C05:nowhere',
            model_id: 'C05',
            model_version: 1,
            severity: 'yellow',
            subject_keys: '[]',
            division_code: null as unknown as string,
            first_seen_at: new Date(),
            last_seen_at: new Date(),
            facts: '{}',
            explanation_zh: '',
            explanation_en: '',
          })
          .execute(),
      ).rejects.toThrow();
    });

    it("a collective ledger entry's warning lies in its organisation's division, not its batch's", async () => {
      const fixture = withRows('C05', {
        collective_org: [{ org_code: 'O1', name: 'X村', division: OWNER_DIVISION, _row: 1 }],
      });
      expect(await record(fixture)).toMatchObject({ divisions: [OWNER_DIVISION], evidence: ['collective_ledger'] });
    });

    it("a tender's warning lies in its buyer's division, and a bid's in its tender's", async () => {
      const buyer = (uscc: number) => ({
        uscc,
        name: `B${uscc}`,
        established_on: '2010-01-01',
        division: OWNER_DIVISION,
      });
      // PR05's tenders carry no division; their buyer is registered in the other county.
      const tenders = await record(withRows('PR05', { company: [buyer(9701)] }));
      expect(tenders.divisions.length).toBeGreaterThan(0);
      expect(new Set(tenders.divisions)).toEqual(new Set([OWNER_DIVISION]));
      // PR04's bids name tender T1, whose buyer is registered there: bid → tender → buyer.
      const bids = await record(
        withRows('PR04', {
          tender: [
            {
              tender_id: 'T1',
              title: 'T1',
              buyer_name: '采购局',
              buyer_uscc: 9001,
              method: 'open',
              published_on: '2024-04-01',
              bid_deadline: '2024-04-25T09:00:00Z',
            },
          ],
          company: [buyer(9001)],
        }),
      );
      expect(bids).toMatchObject({ divisions: [OWNER_DIVISION], evidence: ['bid', 'bid'] });
    });

    it("a county's run reads the rows that belong to it by the record they belong to", async () => {
      const spec = findBuiltinModel('C05');
      if (!spec) throw new Error('no C05');
      const { lake } = platform.services;
      await clearDatasetTables(lake);
      await loadFixtureRows(
        lake,
        withRows('C05', { collective_org: [{ org_code: 'O1', name: 'X村', division: OWNER_DIVISION }] }).rows,
      );
      // The organisation's county sees the entry though the batch is not its own…
      const owner = await runModelOnLake(lake, spec, {}, { scope: { prefix: '330108', batchIds: [] } });
      expect(owner.map((h) => h.evidence.map((e) => `${e.dataset}:${e.rowNo}`))).toEqual([['collective_ledger:1']]);
      // …and the batch's county does not, for the entry belongs to an organisation elsewhere.
      const batchCounty = await runModelOnLake(lake, spec, {}, { scope: { prefix: '330106', batchIds: [1] } });
      expect(batchCounty).toEqual([]);
      // Without the organisation on record, the entry lies where its batch does.
      await clearDatasetTables(lake);
      await loadFixtureRows(lake, fixtureOf('C05').rows);
      expect(await runModelOnLake(lake, spec, {}, { scope: { prefix: '330106', batchIds: [1] } })).toHaveLength(1);
      expect(await runModelOnLake(lake, spec, {}, { scope: { prefix: '330108', batchIds: [] } })).toEqual([]);
    });
  });
}
