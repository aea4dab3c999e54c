import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { DEATHS_CSV, importCsv, MORE_DEATHS_CSV, PAYMENTS_CSV, runAndWait } from '../../../testing/warnings-fixture.js';
import { ModelRunsRepository } from './model-runs.repository.js';
import type { RunEntry } from './run-plan.js';

describe('models run by themselves after an import', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite', { config: { autoRunModels: true } });
  });
  afterAll(async () => platform?.close());

  let paymentsBatch: number;

  it('queues an incremental run over the new batch of every enabled model reading it', async () => {
    paymentsBatch = (await importCsv(platform, 'benefit_payment', PAYMENTS_CSV)).id;
    await importCsv(platform, 'death', DEATHS_CSV);
    const later = await importCsv(platform, 'death', MORE_DEATHS_CSV);
    await platform.services.modelRuns.idle();

    const runs = await platform.services.database.db.selectFrom('model_runs').selectAll().orderBy('id').execute();
    expect(runs.length).toBe(3);
    expect(runs.every((run) => run.kind === 'incremental' && run.status === 'succeeded')).toBe(true);
    const last = runs.at(-1);
    expect(JSON.stringify(last?.input_batch_ids)).toContain(String(later.id));
    expect(JSON.stringify(last?.models)).toContain('W01');

    const warnings = await platform.services.database.db
      .selectFrom('warnings')
      .select(['model_id'])
      .where('model_id', '=', 'W01')
      .execute();
    // Alice and Dave from the first death register, Erin from the later one.
    expect(warnings.length).toBe(3);
  });

  it('skips the models whose other datasets hold no rows yet, naming them, and fails none', async () => {
    const [first] = await platform.services.database.db.selectFrom('model_runs').selectAll().orderBy('id').execute();
    // Only payments were loaded when the first run started: W01 waits for the deaths.
    expect(first?.errors).toEqual({});
    expect((first?.skipped as Record<string, string[]>).W01).toEqual(['death']);
    expect(first?.status).toBe('succeeded');
  });

  it('records how long each model took, and starts the next run with those that took longest', async () => {
    const db = platform.services.database.db;
    const runs = await db.selectFrom('model_runs').selectAll().orderBy('id').execute();
    for (const run of runs) {
      // Every model that ran; those skipped (here, for want of their other datasets) are not timed.
      const notRun = [...Object.keys(run.errors as Record<string, string>), ...Object.keys(run.skipped as object)];
      const finished = (run.models as RunEntry[]).map((m) => m.modelId).filter((id) => !notRun.includes(id));
      expect(finished.length).toBeGreaterThan(0);
      expect(Object.keys(run.model_durations as Record<string, number>).sort()).toEqual(finished.sort());
    }
    // A newer run in which the payment models took longer the later they come in the plan.
    const planned = (runs[0]?.models as RunEntry[]).filter((m) => m.mode === 'incremental');
    expect(planned.length).toBeGreaterThan(2);
    await new ModelRunsRepository(db).insertRun({
      kind: 'incremental',
      status: 'succeeded',
      models: planned,
      models_total: planned.length,
      models_done: planned.length,
      model_durations: Object.fromEntries(planned.map((m, i) => [m.modelId, 10 * (i + 1)])),
      input_batch_ids: null,
      covered_batch_id: null,
      requested_by: null,
      requested_by_name: 'test',
    });

    const next = await runAndWait(platform, { kind: 'incremental', all: true, batchIds: [paymentsBatch] });
    const order = (next.models as RunEntry[]).filter((m) => m.mode === 'incremental').map((m) => m.modelId);
    expect(order).toEqual(planned.map((m) => m.modelId).reverse());
  });
});
