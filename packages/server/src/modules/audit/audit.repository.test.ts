import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { openTestDatabase, type TestDatabase, testEngines } from '../../testing/test-databases.js';
import { AuditRepository } from './audit.repository.js';
import { recordAudit } from './audit.service.js';

const NOBODY = { userId: null, username: null, role: null, orgId: null, ip: null, userAgent: null, requestId: null };

for (const engine of testEngines()) {
  describe(`the audit trail's export stream (${engine})`, () => {
    let store: TestDatabase;
    let database: Database;
    beforeAll(async () => {
      store = await openTestDatabase(engine);
      database = store.database;
    });
    afterAll(async () => store?.dispose());

    it('yields every matching entry once, newest first, across pages', async () => {
      const audit = new AuditRepository(database.db);
      for (const objectId of ['a', 'b', 'c', 'd', 'e']) {
        await audit.insertEntries([{ action: 'stream.test', outcome: 'allowed', object_id: objectId }]);
        await audit.insertEntries([{ action: 'other.test', outcome: 'allowed', object_id: objectId }]);
      }
      const seen: (string | null)[] = [];
      for await (const entry of audit.streamEntries({ jurisdictionPrefix: '', action: 'stream.test' }, 2)) {
        seen.push(entry.object_id);
      }
      expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
    });

    it("writes a detail quoting a file's NUL or broken text, the unstorable characters as U+FFFD", async () => {
      const columns = ['a\u0000b', 'x\uD800', '张三'];
      await recordAudit(database.db, NOBODY, { action: 'nul.test', detail: { columns } });
      const [entry] = await database.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'nul.test')
        .execute();
      expect(entry?.detail).toEqual({ columns: ['a\uFFFDb', 'x\uFFFD', '张三'] });
    });
  });
}
