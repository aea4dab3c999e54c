import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchLakeSchema, type Lake, type LakeEngine, openLake } from '../lake/index.js';

/** A lake of its own for one test file, and how to throw it away. */
export interface TestLake {
  lake: Lake;
  /** Closes the lake and deletes everything it held. */
  cleanup: () => Promise<void>;
}

/**
 * The PostgreSQL server tests use, from QF_TEST_DATABASE_URL. Undefined means "skip the
 * PostgreSQL suites" — except when QF_REQUIRE_POSTGRES=1 (CI), where it throws so a
 * missing server cannot pass as a green run.
 */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.QF_TEST_DATABASE_URL;
  if ((url === undefined || url === '') && process.env.QF_REQUIRE_POSTGRES === '1') {
    throw new Error('QF_REQUIRE_POSTGRES=1 but QF_TEST_DATABASE_URL is not set');
  }
  return url === '' ? undefined : url;
}

/**
 * Creates an isolated lake, locked down as in production: DuckDB in a fresh temp directory
 * whose `uploads` folder is its import folder, or PostgreSQL in a schema with a random name
 * (so parallel test files never see each other's tables) with its own reader login, which
 * cleanup drops with the schema.
 */
export async function createTestLake(engine: LakeEngine): Promise<TestLake> {
  if (engine === 'duckdb') {
    const dir = await mkdtemp(join(tmpdir(), 'qf-lake-'));
    const lake = await openLake({ file: join(dir, 'lake.duckdb'), importDir: join(dir, 'uploads') });
    return {
      lake,
      async cleanup() {
        await lake.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const url = testDatabaseUrl();
  if (url === undefined) throw new Error('createTestLake("postgres") needs QF_TEST_DATABASE_URL');
  const scratch = await createScratchLakeSchema(url, 'qf_test');
  const lake = await openLake({ url, schema: scratch.schema });
  return {
    lake,
    async cleanup() {
      await lake.close();
      await scratch.drop();
    },
  };
}

/** Creates table `name` of the texts `x`, numbered `i` in their order: inputs for a SQL form under test. */
export async function createTextTable(lake: Lake, name: string, inputs: readonly (string | null)[]): Promise<void> {
  await lake.createTable({
    name,
    columns: [
      { name: 'i', type: 'integer' },
      { name: 'x', type: 'text' },
    ],
  });
  await lake.appendRows(
    name,
    ['i', 'x'],
    inputs.map((x, i) => [i, x]),
  );
}
