import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLake, testDatabaseUrl, type TestLake } from '../lake/testing.js';
import { queryWithLimits } from './deadline.js';

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
