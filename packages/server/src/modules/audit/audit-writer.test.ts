import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/database.js';
import { openTestDatabase, type TestDatabase, testEngines } from '../../testing/test-databases.js';
import { writeAuditEntry } from './audit-writer.js';
import { AuditRepository } from './audit.repository.js';

const entriesOf = (database: Database, action: string) =>
  database.db.selectFrom('audit_log').select(['id', 'object_id']).where('action', '=', action).orderBy('id').execute();

for (const engine of testEngines()) {
  describe(`audit entries written in groups (${engine})`, () => {
    let store: TestDatabase;
    let database: Database;
    beforeAll(async () => {
      store = await openTestDatabase(engine);
      database = store.database;
    });
    afterEach(() => vi.restoreAllMocks());
    afterAll(async () => store?.dispose());

    it('writes entries that come while another is being written in one statement, in the order they came', async () => {
      const statements = vi.spyOn(AuditRepository.prototype, 'insertEntries');
      const ids = Array.from({ length: 50 }, (_v, i) => String(i));
      await Promise.all(
        ids.map((id) => writeAuditEntry(database.db, { action: 'group.test', outcome: 'allowed', object_id: id })),
      );
      expect((await entriesOf(database, 'group.test')).map((e) => e.object_id)).toEqual(ids);
      // The first is written at once; the 49 that came meanwhile go in together.
      expect(statements).toHaveBeenCalledTimes(2);
      // Each entry is queued for the transparency log once, in the order of the trail.
      const entries = await entriesOf(database, 'group.test');
      const queued = await database.db
        .selectFrom('transparency_queue')
        .select('source_id')
        .where('kind', '=', 'audit')
        .where(
          'source_id',
          'in',
          entries.map((e) => String(e.id)),
        )
        .orderBy('id')
        .execute();
      expect(queued.map((q) => q.source_id)).toEqual(entries.map((e) => String(e.id)));
    });

    it('fails only the entry that cannot be stored, not the others of its group', async () => {
      const write = (id: string, action: string) =>
        writeAuditEntry(database.db, { action, outcome: 'allowed', object_id: id });
      const results = await Promise.allSettled([
        write('first', 'alone.test'),
        write('a', 'alone.test'),
        write('bad', null as unknown as string),
        write('b', 'alone.test'),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((await entriesOf(database, 'alone.test')).map((e) => e.object_id)).toEqual(['first', 'a', 'b']);
    });

    it('writes inside the caller’s transaction when given one, so a rollback takes the entry with it', async () => {
      await expect(
        database.db.transaction().execute(async (trx) => {
          await writeAuditEntry(trx, { action: 'rolled.back', outcome: 'allowed', object_id: 'x' });
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await entriesOf(database, 'rolled.back')).toEqual([]);
    });
  });
}
