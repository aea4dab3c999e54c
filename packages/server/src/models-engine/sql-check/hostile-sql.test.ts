import { describe, expect, it } from 'vitest';
import { checkModelSql } from './index.js';

// A corpus of SQL an insider might write into a model of kind `sql` to read what the model
// has no business reading. Each must be refused by DuckDB's parser check AND by
// PostgreSQL's, whichever engine it was written for: the lake can move between engines,
// and a portable template is checked by both.
const INPUTS = ['contract', 'person'];

const HOSTILE: readonly (readonly [string, string])[] = [
  // Files and the network, through table functions and scalar functions.
  ['read_text', "SELECT * FROM read_text('/etc/passwd')"],
  ['read_csv', "SELECT * FROM read_csv('/data/import/raw.csv')"],
  ['read_csv_auto', "SELECT * FROM read_csv_auto('x.csv')"],
  ['read_blob', "SELECT content FROM read_blob('/data/keys/master.key')"],
  ['read_parquet over https', "SELECT * FROM read_parquet('https://example.org/x.parquet')"],
  ['glob', "SELECT * FROM glob('/data/*')"],
  ['read_text in a scalar subquery', "SELECT (SELECT content FROM read_text('/etc/passwd')) AS x FROM ds_contract"],
  ['read_text in EXISTS', "SELECT 1 FROM ds_contract WHERE EXISTS (SELECT 1 FROM read_text('/etc/passwd'))"],
  ['pg_read_file', "SELECT pg_read_file('/etc/passwd')"],
  ['pg_read_binary_file', "SELECT pg_read_binary_file('global/pg_control')"],
  ['pg_ls_dir', "SELECT * FROM pg_ls_dir('.')"],
  ['lo_import', "SELECT lo_import('/etc/passwd')"],
  ['pg_stat_file', "SELECT (pg_stat_file('postgresql.conf')).size"],
  ['dblink', "SELECT * FROM dblink('host=evil', 'select 1') AS t(a int)"],
  // Paths and other names used as tables.
  ['a path as a table', "SELECT * FROM '/etc/passwd'"],
  ['a quoted file name as a table', 'SELECT * FROM "x.csv"'],
  ['a CSV path joined in', "SELECT c.* FROM ds_contract c, '/data/import/a.csv' AS f"],
  ['a URL as a table', "SELECT * FROM 'https://example.org/data.csv'"],
  // Catalogs, settings and the platform's own tables.
  ['information_schema', 'SELECT * FROM information_schema.tables'],
  ['pg_catalog table', 'SELECT * FROM pg_catalog.pg_authid'],
  ['pg_class unqualified', 'SELECT relname FROM pg_class'],
  ['pg_settings', 'SELECT * FROM pg_settings'],
  ['duckdb_settings()', 'SELECT * FROM duckdb_settings()'],
  ['duckdb_tables()', 'SELECT * FROM duckdb_tables()'],
  ['duckdb_secrets()', 'SELECT * FROM duckdb_secrets()'],
  ['sqlite_master', 'SELECT * FROM sqlite_master'],
  ['subject_index', 'SELECT * FROM subject_index'],
  ['lake_batches', 'SELECT * FROM lake_batches'],
  ['a ds_ table not among the inputs', 'SELECT * FROM ds_death'],
  ['a ds_ table name made up', 'SELECT * FROM ds_contract_copy'],
  ['current_setting', "SELECT current_setting('data_directory')"],
  ['set_config', "SELECT set_config('statement_timeout', '0', false)"],
  ['query_to_xml', "SELECT query_to_xml('select * from subject_index', true, false, '')"],
  ['ts_stat', "SELECT * FROM ts_stat('select to_tsvector(name) from subject_index')"],
  ['DuckDB query()', "SELECT * FROM query('SELECT * FROM subject_index')"],
  ['DuckDB query_table()', "SELECT * FROM query_table('subject_index')"],
  ['getenv', "SELECT getenv('HOME')"],
  ['current_user', 'SELECT current_user FROM ds_contract'],
  ['version()', 'SELECT version()'],
  ['pg_sleep', 'SELECT pg_sleep(100)'],
  ['a cast to regclass', "SELECT 'subject_index'::regclass"],
  // Other schemas and catalogs, however quoted.
  ['main.ds_x', 'SELECT * FROM main.ds_contract'],
  ['"main"."ds_x"', 'SELECT * FROM "main"."ds_contract"'],
  ['public.ds_x', 'SELECT * FROM public.ds_contract'],
  ['catalog.schema.table', 'SELECT * FROM lake.main.ds_contract'],
  ['a function of another schema', 'SELECT information_schema.md5(name) FROM ds_person'],
  ['a function of another catalog', 'SELECT lake.main.md5(name) FROM ds_person'],
  // Joins and nesting that a scanner loses track of.
  ['a comma join after a subquery', 'SELECT * FROM (SELECT 1 AS a) AS s, subject_index'],
  ['a comma join after a nested subquery', 'SELECT * FROM (SELECT * FROM (SELECT 1) x) AS s, lake_batches'],
  ['a join to the subject index', 'SELECT * FROM ds_person p JOIN subject_index s ON s.sk = p.id_sk'],
  [
    'a nested subquery deep down',
    'SELECT * FROM ds_person WHERE id_sk IN (SELECT a FROM (SELECT a FROM (SELECT sk AS a FROM subject_index) x) y)',
  ],
  ['a union with a catalog', 'SELECT name FROM ds_person UNION ALL SELECT table_name FROM information_schema.tables'],
  ['an intersect with a file', "SELECT name FROM ds_person INTERSECT SELECT * FROM read_text('/etc/passwd')"],
  ['a lateral join to a file', "SELECT * FROM ds_person p, LATERAL (SELECT * FROM read_text('/etc/passwd')) f"],
  ['a lateral table function', 'SELECT * FROM ds_person p CROSS JOIN LATERAL read_csv(p.name) f'],
  // CTEs that hide or shadow names.
  [
    'a CTE shadowing an input',
    "WITH ds_contract AS (SELECT * FROM read_text('/etc/passwd')) SELECT * FROM ds_contract",
  ],
  [
    'a CTE reading itself (a real table)',
    'WITH subject_index AS (SELECT * FROM subject_index) SELECT * FROM subject_index',
  ],
  [
    'a CTE reading a later CTE (a real table)',
    'WITH a AS (SELECT * FROM lake_batches), lake_batches AS (SELECT 1) SELECT * FROM a',
  ],
  ['a CTE out of scope', 'SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) s, subject_index'],
  [
    'a CTE defined in a sibling subquery',
    'SELECT * FROM (WITH subject_index AS (SELECT 1) SELECT 1) a, (SELECT * FROM subject_index) b',
  ],
  ['WITH RECURSIVE', 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r'],
  ['a data-modifying CTE', 'WITH d AS (DELETE FROM ds_contract RETURNING *) SELECT * FROM d'],
  // Comments, quoting and Unicode.
  ['a line comment hiding nothing', 'SELECT * FROM ds_contract -- harmless\n, subject_index'],
  ['a block comment splitting a name', 'SELECT * FROM ds_contract, /* ds_person */ subject_index'],
  ['a comment inside a function call', "SELECT * FROM read_text/* x */('/etc/passwd')"],
  ['a quoted catalog name', 'SELECT * FROM "subject_index"'],
  ['a quoted table function', 'SELECT * FROM "read_text"(\'/etc/passwd\')'],
  ['an upper-case table function', "SELECT * FROM READ_TEXT('/etc/passwd')"],
  ['a homoglyph table name (Cyrillic а)', 'SELECT * FROM ds_contrаct'],
  ['a homoglyph in a function name', "SELECT * FROM rеad_text('/etc/passwd')"],
  ['a Unicode-escaped identifier', 'SELECT * FROM U&"subject\\005findex"'],
  ['an escape string holding a quote', "SELECT E'\\'' FROM ds_contract, subject_index"],
  ['dollar quoting', 'SELECT $$ x $$ FROM ds_contract, subject_index'],
  ['a dollar-quoted statement', 'SELECT $q$;$q$ FROM ds_contract; SELECT * FROM subject_index'],
  // Not one SELECT.
  ['two statements', 'SELECT * FROM ds_contract; SELECT * FROM subject_index'],
  ['a trailing statement after a comment', 'SELECT 1 FROM ds_contract /* */; DROP TABLE ds_contract'],
  ['COPY', "COPY ds_contract TO '/tmp/x.csv'"],
  ['COPY from a program', "COPY ds_contract FROM PROGRAM 'id'"],
  ['ATTACH', "ATTACH '/data/operational.db' AS op"],
  ['INSTALL', 'INSTALL httpfs'],
  ['LOAD', 'LOAD httpfs'],
  ['PRAGMA', 'PRAGMA database_list'],
  ['SET', 'SET enable_external_access = true'],
  ['RESET', 'RESET ALL'],
  ['SELECT INTO', 'SELECT * INTO stolen FROM ds_contract'],
  ['FOR UPDATE', 'SELECT * FROM ds_contract FOR UPDATE'],
  ['INSERT', 'INSERT INTO ds_contract SELECT * FROM ds_contract'],
  ['CREATE TABLE AS', 'CREATE TABLE x AS SELECT * FROM ds_contract'],
  ['DESCRIBE', 'DESCRIBE ds_contract'],
  ['SUMMARIZE', 'SUMMARIZE ds_contract'],
  ['EXPLAIN', 'EXPLAIN SELECT * FROM ds_contract'],
  ['CALL', 'CALL pragma_database_list()'],
  ['an empty text', '   '],
  ['a syntax error', 'SELECT FROM WHERE'],
];

// SQL a model may well be written in: it must pass both parsers.
const LEGITIMATE: readonly (readonly [string, string])[] = [
  ['a plain select', 'SELECT * FROM ds_contract'],
  [
    'a join with aliases',
    'SELECT c.amount, p.name FROM ds_contract AS c JOIN ds_person AS p ON p.id_sk = c.counterparty_sk',
  ],
  ['a comma join', 'SELECT c.amount FROM ds_contract c, ds_person p WHERE p.id_sk = c.counterparty_sk'],
  ['CTEs reading each other', 'WITH a AS (SELECT * FROM ds_contract), b AS (SELECT * FROM a) SELECT * FROM b'],
  [
    'a CTE used in a subquery',
    'WITH a AS (SELECT counterparty_sk FROM ds_contract) SELECT * FROM ds_person WHERE id_sk IN (SELECT * FROM a)',
  ],
  ['a union', 'SELECT name FROM ds_person UNION ALL SELECT unit_name FROM ds_contract'],
  [
    'a window function',
    'SELECT row_number() OVER (PARTITION BY unit_name ORDER BY amount DESC) AS rn FROM ds_contract',
  ],
  [
    'aggregates',
    'SELECT unit_name, sum(amount), count(*), avg(amount) FROM ds_contract GROUP BY unit_name HAVING count(*) > 2',
  ],
  [
    'string and date functions',
    'SELECT lower(trim(name)), CAST(extract(year FROM signed_on) AS INTEGER), coalesce(amount, 0) FROM ds_contract, ds_person',
  ],
  [
    'CASE and casts',
    "SELECT CASE WHEN amount > 0 THEN 'pos' ELSE 'neg' END, CAST(amount AS DOUBLE PRECISION) FROM ds_contract",
  ],
  ['a lateral generate_series', 'SELECT y.yr FROM ds_contract AS c CROSS JOIN LATERAL generate_series(1, 3) AS y(yr)'],
  ['a name that looks like a function, as a string', "SELECT 'read_text(''/etc/passwd'')' AS note FROM ds_contract"],
  ['a comment naming a catalog', 'SELECT * FROM ds_contract -- information_schema'],
  ['a bound parameter', 'SELECT * FROM ds_contract WHERE amount > $1'],
  [
    'EXISTS and NOT EXISTS',
    'SELECT * FROM ds_person p WHERE NOT EXISTS (SELECT 1 FROM ds_contract c WHERE c.counterparty_sk = p.id_sk)',
  ],
  ['percentile_cont', 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FROM ds_contract'],
];

describe.each(['duckdb', 'postgres'] as const)('the SQL-model check on %s', (engine) => {
  it.each(HOSTILE)('refuses %s', async (_, sql) => {
    expect(await checkModelSql(sql, engine, INPUTS)).toEqual(expect.any(String));
  });

  it.each(LEGITIMATE)('accepts %s', async (_, sql) => {
    expect(await checkModelSql(sql, engine, INPUTS)).toBeUndefined();
  });

  it('names what it refused', async () => {
    expect(await checkModelSql("SELECT * FROM read_text('/etc/passwd')", engine, INPUTS)).toMatch(/read_text/);
    expect(await checkModelSql('SELECT * FROM (SELECT 1) s, subject_index', engine, INPUTS)).toMatch(/subject_index/);
    expect(await checkModelSql('SELECT * FROM main.ds_contract', engine, INPUTS)).toMatch(/main\.ds_contract/);
  });
});
