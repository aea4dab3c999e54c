import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testEngines } from '../testing/test-databases.js';
import { LISTENER_NAME } from './store-revisions.js';

/** Waits until `check` holds, or fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('never came');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const engine of testEngines()) {
  describe(`store revisions (${engine})`, () => {
    let store: TestDatabase;
    const read = async (topic: 'warning_reads' | 'auth_reads') => (await store.database.revisions.read(topic)).key;

    beforeAll(async () => {
      store = await openTestDatabase(engine);
      await eventually(async () => (await store.database.revisions.read('auth_reads')).exact);
    });

    afterAll(async () => {
      await store.dispose();
    });

    it("moves a topic's revision as a change to its tables commits, and only that topic's", async () => {
      const warnings = await read('warning_reads');
      const auth = await read('auth_reads');
      await sql`UPDATE warnings SET status = status WHERE false`.execute(store.database.db);
      expect(await read('warning_reads')).not.toBe(warnings);
      expect(await read('auth_reads')).toBe(auth);
      await sql`UPDATE organisations SET name = name WHERE false`.execute(store.database.db);
      expect(await read('auth_reads')).not.toBe(auth);
    });

    it('a change inside a transaction moves the revision when it commits, not before, and never when rolled back', async () => {
      const before = await read('auth_reads');
      await expect(
        store.database.db.transaction().execute(async (trx) => {
          await sql`UPDATE users SET disabled = disabled WHERE false`.execute(trx);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await read('auth_reads')).toBe(before);
      await store.database.db.transaction().execute(async (trx) => {
        await sql`UPDATE users SET disabled = disabled WHERE false`.execute(trx);
        expect(await read('auth_reads')).toBe(before);
      });
      expect(await read('auth_reads')).not.toBe(before);
    });

    it("a session's own use (last_seen_at) does not move what sessions say; its revocation does", async () => {
      const before = await read('auth_reads');
      await sql`UPDATE sessions SET last_seen_at = now() WHERE false`.execute(store.database.db);
      expect(await read('auth_reads')).toBe(before);
      await sql`UPDATE sessions SET revoked_at = now() WHERE false`.execute(store.database.db);
      expect(await read('auth_reads')).not.toBe(before);
    });

    it('while deaf, reads the sequence, and listening again starts afresh', async () => {
      const heard = await store.database.revisions.read('warning_reads');
      store.database.revisions.deaf();
      const deaf = await store.database.revisions.read('warning_reads');
      expect(deaf.exact).toBe(false);
      await sql`UPDATE warnings SET status = status WHERE false`.execute(store.database.db);
      expect((await store.database.revisions.read('warning_reads')).key).not.toBe(deaf.key);
      store.database.revisions.listen();
      const again = await store.database.revisions.read('warning_reads');
      expect(again.exact).toBe(true);
      expect(again.key).not.toBe(heard.key);
    });

    if (engine === 'postgres') {
      it("hears another process's change, and listens again when its connection is cut", async () => {
        const other = new pg.Client({ connectionString: store.url });
        await other.connect();
        try {
          const before = await read('warning_reads');
          await other.query('UPDATE divisions SET name = name WHERE false');
          await eventually(async () => (await read('warning_reads')) !== before);

          await other.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
            LISTENER_NAME,
          ]);
          await eventually(async () => !(await store.database.revisions.read('auth_reads')).exact);
          await eventually(async () => (await store.database.revisions.read('auth_reads')).exact);
          const relistened = await read('warning_reads');
          await other.query('UPDATE divisions SET name = name WHERE false');
          await eventually(async () => (await read('warning_reads')) !== relistened);
        } finally {
          await other.end();
        }
      });
    }
  });
}
