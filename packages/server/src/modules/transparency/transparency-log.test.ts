import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, systemActor } from '../audit/index.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { TransparencyLog } from './transparency-log.js';
import { TransparencyRepository } from './transparency.repository.js';

describe.each(testEngines())('the transparency log in the background on %s', (engine) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform(engine, { config: { logSequenceMs: 50 } });
  });
  afterAll(async () => platform?.close());

  it('signs a first tree head at start and appends what requests record within the sequencing interval', async () => {
    const db = platform.services.database.db;
    await recordAudit(db, systemActor('bg-test'), { action: 'test.before_start' });
    const log = new TransparencyLog(platform.services);
    log.start();
    try {
      const repository = new TransparencyRepository(db);
      await expect
        .poll(async () => (await repository.findLatestTreeHead())?.size ?? 0, { timeout: 10_000 })
        .toBeGreaterThan(0);
      await recordAudit(db, systemActor('bg-test'), { action: 'test.after_start' });
      const audit = await db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'test.after_start')
        .executeTakeFirstOrThrow();
      await expect
        .poll(async () => (await repository.findLogged([{ kind: 'audit', sourceId: String(audit.id) }])).size, {
          timeout: 10_000,
        })
        .toBe(1);
    } finally {
      await log.stop();
    }
    expect((await platform.services.transparency.verify()).divergence).toBeNull();
  });
});
