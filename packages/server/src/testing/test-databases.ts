import { randomBytes } from 'node:crypto';
import pg from 'pg';

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
export async function createScratchPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.QF_TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('QF_TEST_DATABASE_URL is not set');
  const name = `qf_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
