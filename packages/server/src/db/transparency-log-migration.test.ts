import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * A deployment that had an audit trail and batches before the log: the migration queues what
 * exists, oldest first, so the log starts complete; its `down` removes the log and its triggers.
 */
for (const engine of testEngines()) {
  describe(`migration: create the transparency log (${engine})`, () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await createTestPlatform(engine);
    });
    afterAll(async () => platform?.close());

    it('queues the audit rows and loaded batches made before it, in the order they were made', async () => {
      const db = platform.services.database.db;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
      const back = await migrator.migrateTo('20261212090000-one-warning-per-problem');
      expect(back.error).toBeUndefined();
      const audit = (action: string, at: string) =>
        db
          .insertInto('audit_log')
          .values({ action, outcome: 'allowed', at: new Date(at) })
          .returning('id')
          .executeTakeFirstOrThrow();
      const batch = (status: 'loaded' | 'failed', at: string) =>
        db
          .insertInto('import_batches')
          .values({
            dataset_type: 'death',
            file_name: 'old.csv',
            content_hash: 'x'.repeat(64),
            format: 'csv',
            mode: 'append',
            status,
            division_code: '330106000000',
            finished_at: new Date(at),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const late = await audit('old.late', '2026-03-01T00:00:00Z');
      const loaded = await batch('loaded', '2026-02-01T00:00:00Z');
      await batch('failed', '2026-02-02T00:00:00Z');
      const early = await audit('old.early', '2026-01-01T00:00:00Z');

      await migrateToLatest(db);
      const queued = await db.selectFrom('transparency_queue').select(['kind', 'source_id']).orderBy('id').execute();
      const mine = queued.filter(
        (q) =>
          (q.kind === 'audit' && [String(early.id), String(late.id)].includes(q.source_id)) ||
          q.kind === 'import-batch',
      );
      expect(mine).toEqual([
        { kind: 'audit', source_id: String(early.id) },
        { kind: 'import-batch', source_id: String(loaded.id) },
        { kind: 'audit', source_id: String(late.id) },
      ]);

      await platform.services.transparency.signNow();
      const report = await platform.services.transparency.verify();
      expect(report.divergence).toBeNull();
      expect(report.entries).toBe(queued.length);
    });
  });
}
