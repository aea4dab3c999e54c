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

/** A fresh, empty PostgreSQL database on the test server, dropped by `drop()`. */
export function createScratchPostgresDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.QF_TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('QF_TEST_DATABASE_URL is not set');
  return createScratchDatabase(serverUrl, 'qf_test');
}
