import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { DEATHS_CSV, importCsv, MORE_DEATHS_CSV, PAYMENTS_CSV } from '../warnings/warnings-fixture.js';

describe('models run by themselves after an import', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite', { config: { autoRunModels: true } });
  });
  afterAll(async () => platform?.close());

  it('queues an incremental run over the new batch of every enabled model reading it', async () => {
    await importCsv(platform, 'benefit_payment', PAYMENTS_CSV);
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
});
