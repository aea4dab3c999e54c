import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createScratchPostgresDatabase, testEngines } from '../../testing/test-databases.js';
import { AuditRepository } from './audit.repository.js';

for (const engine of testEngines()) {
  describe(`the audit trail's export stream (${engine})`, () => {
    let database: Database;
    let dropScratch: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const scratch = engine === 'postgres' ? await createScratchPostgresDatabase() : undefined;
      dropScratch = scratch ? () => scratch.drop() : undefined;
      database = await openDatabase(scratch ? { url: scratch.url } : {});
      await migrateToLatest(database.db);
    });
    afterAll(async () => {
      await database?.close();
      await dropScratch?.();
    });

    it('yields every matching entry once, newest first, across pages', async () => {
      const audit = new AuditRepository(database.db);
      for (const objectId of ['a', 'b', 'c', 'd', 'e']) {
        await audit.insertEntry({ action: 'stream.test', outcome: 'allowed', object_id: objectId });
        await audit.insertEntry({ action: 'other.test', outcome: 'allowed', object_id: objectId });
      }
      const seen: (string | null)[] = [];
      for await (const entry of audit.streamEntries({ jurisdictionPrefix: '', action: 'stream.test' }, 2)) {
        seen.push(entry.object_id);
      }
      expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
    });
  });
}
