import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_ENGINES } from '../lake/index.js';
import { createTestLake, testDatabaseUrl, type TestLake } from '../lake/testing.js';
import { createDatasetTables, loadFixtureRows } from './fixture-lake.js';
import { runReadOnlySqlModel } from './read-only-run.js';
import { validateReadOnlySql } from './read-only-sql.js';

const postgresUrl = testDatabaseUrl();

describe('validateReadOnlySql', () => {
  it.each([
    'SELECT * FROM ds_benefit_payment',
    'select p.id_sk, count(*) from ds_benefit_payment p join ds_death d on d.id_sk = p.id_sk group by 1;',
    "WITH x AS (SELECT id_sk FROM ds_death WHERE name = 'it''s; DROP TABLE x') SELECT * FROM x, ds_person AS p WHERE p.id_sk = x.id_sk",
    "SELECT h.use, replace(h.address, 'a', 'b') FROM ds_property h WHERE h.cert_no IN (SELECT cert_no FROM ds_property) -- delete",
    'SELECT * FROM (ds_person a JOIN ds_death b ON a.id_sk = b.id_sk)',
  ])('accepts %s', (sql) => {
    expect(validateReadOnlySql(sql).ok).toBe(true);
  });

  it.each([
    ['DELETE FROM ds_person', 'statement DELETE'],
    ['SELECT 1; DROP TABLE ds_person', 'statement ;'],
    ['SELECT * FROM subject_index', 'name subject_index'],
    ['SELECT * FROM ds_person p JOIN "lake_batches" b ON true', 'name lake_batches'],
    ['SELECT * FROM information_schema.tables', 'name information_schema'],
    ['SELECT * FROM pg_catalog.pg_class', 'name pg_catalog'],
    ['SELECT * FROM duckdb_tables()', 'name duckdb_tables'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'name read_csv'],
    ["SELECT * FROM read_parquet('x.parquet')", 'name read_parquet'],
    ["SELECT * FROM '/etc/passwd'", "file '/etc/passwd'"],
    ["COPY ds_person TO '/tmp/x.csv'", 'statement COPY'],
    ["ATTACH 'other.db'", 'statement ATTACH'],
    ['INSTALL httpfs', 'statement INSTALL'],
    ['LOAD httpfs', 'statement LOAD'],
    ['PRAGMA database_list', 'statement PRAGMA'],
    ['SELECT * INTO evil FROM ds_person', 'keyword INTO'],
    ["SELECT current_setting('data_directory')", 'function current_setting'],
    ["SELECT pg_read_file('/etc/passwd')", 'name pg_read_file'],
    ['SELECT * FROM staging_secret', 'table staging_secret'],
    ['SELECT * FROM generate_series(1, 10)', 'function generate_series'],
    ['SELECT * FROM ds_person FOR UPDATE', 'FOR UPDATE'],
    ["SELECT 'unterminated FROM ds_person", 'syntax'],
  ])('refuses %s, naming %s', (sql, refused) => {
    const check = validateReadOnlySql(sql);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.refused).toBe(refused);
      expect(check.message.length).toBeGreaterThan(10);
    }
  });
});

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && postgresUrl === undefined)(`runReadOnlySqlModel on ${engine}`, () => {
    let test: TestLake;
    beforeAll(async () => {
      test = await createTestLake(engine);
      await createDatasetTables(test.lake);
      await loadFixtureRows(test.lake, {
        death: [1, 2, 3].map((id) => ({ id, name: `D${id}`, death_date: '2024-01-01' })),
      });
    });
    afterAll(async () => test?.cleanup());

    it('returns rows up to the limit and says when it cut', async () => {
      const result = await runReadOnlySqlModel(test.lake, 'SELECT id_sk, name FROM ds_death ORDER BY id_sk;', {
        rowLimit: 2,
      });
      expect(result).toMatchObject({ columns: ['id_sk', 'name'], truncated: true, tables: ['ds_death'] });
      expect(result.rows).toEqual([
        { id_sk: 1, name: 'D1' },
        { id_sk: 2, name: 'D2' },
      ]);
    });

    it('refuses before touching the lake', async () => {
      await expect(runReadOnlySqlModel(test.lake, 'SELECT * FROM subject_index')).rejects.toMatchObject({
        code: 'SQL_REFUSED',
      });
    });
  });
}
