import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEscapes, type HostileTargets, setUpHostileTargets } from '../lake/hostile-sql.js';
import { LAKE_ENGINES } from '../lake/index.js';
import { createTestLake, testDatabaseUrl, type TestLake } from '../testing/test-lake.js';
import { queryWithLimits } from './deadline.js';
import { ModelRunError } from './errors.js';

const SETTINGS = `SELECT current_setting('max_parallel_workers_per_gather') AS workers, current_setting('statement_timeout') AS timeout`;

describe.skipIf(testDatabaseUrl() === undefined)('queryWithLimits on PostgreSQL', () => {
  let test: TestLake;
  beforeAll(async () => {
    test = await createTestLake('postgres');
  });
  afterAll(async () => test?.cleanup());

  it('sets the time limit, and no parallel workers for a small query, for that query alone', async () => {
    const [outside] = await test.lake.query<{ workers: string; timeout: string }>(SETTINGS);
    expect(outside?.workers).not.toBe('0');

    const [small] = await queryWithLimits<{ workers: string; timeout: string }>(test.lake, SETTINGS, [], {
      timeoutMs: 1234,
      small: true,
    });
    expect(small).toEqual({ workers: '0', timeout: '1234ms' });

    const [full] = await queryWithLimits<{ workers: string }>(test.lake, SETTINGS, [], { timeoutMs: 1234 });
    expect(full?.workers).toBe(outside?.workers);

    expect(await test.lake.query(SETTINGS)).toEqual([outside]);
  });
});

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && testDatabaseUrl() === undefined)(`the model-run path on ${engine}`, () => {
    let test: TestLake;
    let scratch: string;
    let targets: HostileTargets;
    beforeAll(async () => {
      test = await createTestLake(engine);
      scratch = await mkdtemp(path.join(tmpdir(), 'qf-model-path-'));
      targets = await setUpHostileTargets(test.lake, scratch);
    });
    afterAll(async () => {
      await test?.cleanup();
      await rm(scratch, { recursive: true, force: true });
    });

    it('reaches no file, network, setting or table but the datasets, whatever SQL it is given', async () => {
      const run = (sql: string) => queryWithLimits(test.lake, sql, [], { timeoutMs: 30_000 });
      expect(await findEscapes(engine, targets, run)).toEqual([]);
      await expect(run(`SELECT * FROM subject_index`)).rejects.toBeInstanceOf(ModelRunError);
      expect(await run(`SELECT count(*) AS n FROM ${targets.dataset}`)).toEqual([{ n: 2 }]);
    });
  });
}
