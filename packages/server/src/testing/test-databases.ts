import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';

export type TestEngine = 'pglite' | 'postgres';

/**
 * The engines the suite runs on: PGlite always, PostgreSQL when QF_TEST_DATABASE_URL names
 * a server. CI sets QF_REQUIRE_POSTGRES=1 so a missing server fails instead of skipping.
 */
export function testEngines(): TestEngine[] {
  const url = process.env.QF_TEST_DATABASE_URL;
  if (!url && process.env.QF_REQUIRE_POSTGRES === '1') {
    throw new Error('QF_REQUIRE_POSTGRES=1 but QF_TEST_DATABASE_URL is not set');
  }
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh database on the test server, dropped by `drop()`: a copy of the run's migrated
 * template (testing/migrated-templates.ts) when there is one, else empty.
 */
function createScratchPostgresDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.QF_TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('QF_TEST_DATABASE_URL is not set');
  return createScratchDatabase(serverUrl, 'qf_test', inject('postgresTemplate') || undefined);
}

/** A store of its own for a test, migrated to the latest schema, and how to throw it away. */
export interface TestDatabase {
  database: Database;
  /** The PostgreSQL database's URL (undefined on PGlite). */
  url: string | undefined;
  /** Closes the store and drops its PostgreSQL database. */
  dispose(): Promise<void>;
}

/**
 * A migrated store on `engine`: PGlite in memory, loaded from the run's migrated copy, or a
 * new database on the PostgreSQL test server. (Migrating again is a check that finds nothing
 * to do; without the run's copies, e.g. in a file run under another config, it migrates.)
 */
export async function openTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  const scratch = engine === 'postgres' ? await createScratchPostgresDatabase() : undefined;
  const template = engine === 'pglite' ? inject('pgliteTemplate') : '';
  const database = await openDatabase(
    scratch ? { url: scratch.url } : template ? { loadDataDir: new Blob([readFileSync(template)]) } : {},
  );
  await migrateToLatest(database.db);
  return {
    database,
    url: scratch?.url,
    dispose: async () => {
      await database.close();
      await scratch?.drop();
    },
  };
}
