import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureModelRegistry } from '../modules/models/registry/model-registry.js';
import { testEngines } from '../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * Batches loaded before every batch named its owner had no division and were shown to
 * every county. The migration gives them to the root (whole-country viewers only) and a
 * warning stored without a division takes its evidence batch's.
 */
for (const engine of testEngines()) {
  describe(`migration: batches and runs belong to a jurisdiction (${engine})`, () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      // The warnings below belong to a registered model.
      await ensureModelRegistry(platform.services);
    });
    afterAll(async () => platform?.close());

    it('turns null-division batches into the root’s and fills warnings from their batch', async () => {
      const db = platform.services.database.db;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
      const back = await migrator.migrateTo('20261203100000-add-model-run-durations');
      expect(back.error).toBeUndefined();
      const batch = (division: string | null) =>
        db
          .insertInto('import_batches')
          .values({
            dataset_type: 'death',
            file_name: 'old.csv',
            content_hash: 'x'.repeat(64),
            format: 'csv',
            mode: 'append',
            status: 'loaded',
            division_code: division as string,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const orphan = await batch(null);
      const owned = await batch('330106000000');
      const warning = (division: string | null, hitKey: string) =>
        db
          .insertInto('warnings')
          .values({
            hit_key: hitKey,
            model_id: 'W01',
            model_version: 1,
            severity: 'red',
            subject_keys: '[]',
            division_code: division as string,
            first_seen_at: new Date(),
            last_seen_at: new Date(),
            facts: '{}',
            explanation_zh: '',
            explanation_en: '',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const fromBatch = await warning(null, 'W01:a');
      const nowhere = await warning(null, 'W01:b');
      await db
        .insertInto('warning_evidence')
        .values({ warning_id: fromBatch.id, dataset: 'death', batch_id: owned.id, row_no: 1, role: 'death' })
        .execute();

      await migrateToLatest(db);

      const batches = await db.selectFrom('import_batches').select(['id', 'division_code']).orderBy('id').execute();
      expect(batches.map((b) => [b.id, b.division_code.trim()])).toEqual([
        [orphan.id, '000000000000'],
        [owned.id, '330106000000'],
      ]);
      const warnings = await db.selectFrom('warnings').select(['id', 'division_code']).orderBy('id').execute();
      expect(warnings).toEqual([
        { id: fromBatch.id, division_code: '330106000000' },
        { id: nowhere.id, division_code: '000000000000' },
      ]);
    });
  });
}
