import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lake, LakeEngine } from './lake.js';

/**
 * Test data: SQL that untrusted callers (a model, a preview) must never get to run, for
 * the tests of the lake's own wall (`Lake.queryUntrusted`, the model-run path). Each entry
 * says, per engine, whether the engine must *deny* it (a permission error, a locked
 * setting, a read-only transaction, the lake's refusal) or may find it *absent* (a
 * function, statement or syntax that engine does not have: refused all the same).
 */
export interface HostileSql {
  readonly name: string;
  readonly sql: string;
  /** Left out: the entry is not aimed at that engine. */
  readonly duckdb?: 'denied' | 'absent';
  readonly postgres?: 'denied' | 'absent';
}

/** What the corpus aims at. */
export interface HostileTargets {
  /** A file that exists outside the data folder. */
  readonly systemFile: string;
  /** The data folder's secret key (a file beside the lake's import folder). */
  readonly keyFile: string;
  /** The lake's import folder, and a CSV in it. */
  readonly importDir: string;
  readonly importFile: string;
  /** A dataset table untrusted SQL may read, and the lake's schema (DuckDB: main). */
  readonly dataset: string;
  readonly schema: string;
  /** A file that does not exist, which COPY and ATTACH aim to create. */
  readonly newFile: string;
  /** The lake's own login on PostgreSQL, which a reader must not become. */
  readonly ownerRole: string;
}

const text = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** The corpus, aimed at `t`. */
export function hostileSql(t: HostileTargets): HostileSql[] {
  const duckOnly = (name: string, sql: string): HostileSql => ({ name, sql, duckdb: 'denied', postgres: 'absent' });
  const pgOnly = (name: string, sql: string): HostileSql => ({ name, sql, duckdb: 'absent', postgres: 'denied' });
  const both = (name: string, sql: string): HostileSql => ({ name, sql, duckdb: 'denied', postgres: 'denied' });
  const readPg = `select pg_read_file(${text(t.systemFile)})`;
  return [
    // Files and the network (DuckDB's table functions).
    duckOnly('read_text of a system file', `SELECT * FROM read_text(${text(t.systemFile)})`),
    duckOnly('read_csv of a system file', `SELECT * FROM read_csv(${text(t.systemFile)})`),
    duckOnly('read_blob of the secret key', `SELECT * FROM read_blob(${text(t.keyFile)})`),
    duckOnly('read_text of the key through ..', `SELECT * FROM read_text(${text(`${t.importDir}/../secret.key`)})`),
    duckOnly('read_text in a scalar subquery', `SELECT (SELECT content FROM read_text(${text(t.keyFile)})) AS k`),
    duckOnly('glob of a system folder', `SELECT * FROM glob('/etc/*')`),
    duckOnly('glob of the import folder', `SELECT * FROM glob(${text(`${t.importDir}/*`)})`),
    duckOnly('read_csv of an import in progress', `SELECT * FROM read_csv(${text(t.importFile)})`),
    duckOnly('an import in progress as a table', `SELECT * FROM ${text(t.importFile)}`),
    {
      name: 'a system file as a table',
      sql: `SELECT * FROM ${text(t.systemFile)}`,
      duckdb: 'absent',
      postgres: 'absent',
    },
    duckOnly('an https URL as a table', `SELECT * FROM 'https://example.com/x.parquet'`),
    duckOnly('read_parquet of an https URL', `SELECT * FROM read_parquet('https://example.com/x.parquet')`),
    duckOnly('INSTALL an extension', 'INSTALL httpfs'),
    duckOnly('LOAD an extension', 'LOAD httpfs'),
    // Settings.
    duckOnly('SET enable_external_access', 'SET enable_external_access = true'),
    duckOnly('RESET enable_external_access', 'RESET enable_external_access'),
    duckOnly('SET allowed_directories', `SET allowed_directories = ['/']`),
    duckOnly('duckdb_settings()', 'SELECT * FROM duckdb_settings()'),
    duckOnly('CALL duckdb_settings()', 'CALL duckdb_settings()'),
    // DuckDB's binder refuses this one before the lake's check can (a pragma is no SELECT).
    { name: 'PRAGMA', sql: 'PRAGMA database_list', duckdb: 'absent', postgres: 'absent' },
    pgOnly('set_config role', `SELECT set_config('role', ${text(t.ownerRole)}, false)`),
    pgOnly(
      'set_config session_authorization',
      `SELECT set_config('session_authorization', ${text(t.ownerRole)}, false)`,
    ),
    // Writing files, other databases.
    both('COPY … TO a file', `COPY ${t.dataset} TO ${text(t.newFile)}`),
    duckOnly('COPY … TO the import folder', `COPY ${t.dataset} TO ${text(`${t.importDir}/out.csv`)}`),
    duckOnly('ATTACH a file', `ATTACH ${text(t.newFile)} AS other`),
    duckOnly('ATTACH in memory', `ATTACH ':memory:' AS other`),
    // PostgreSQL's file and program functions.
    pgOnly('pg_read_file', `SELECT ${readPg.replace('select ', '')} AS f`),
    pgOnly('pg_ls_dir', `SELECT * FROM pg_ls_dir('.')`),
    pgOnly('lo_import', `SELECT lo_import(${text(t.systemFile)})`),
    pgOnly('query_to_xml around pg_read_file', `SELECT query_to_xml(${text(readPg)}, true, false, '')`),
    pgOnly(
      'set_config role, then query_to_xml',
      `SELECT set_config('role', ${text(t.ownerRole)}, false), query_to_xml(${text(readPg)}, true, false, '')`,
    ),
    pgOnly('COPY … FROM PROGRAM', `COPY ${t.dataset} FROM PROGRAM 'id'`),
    pgOnly('pg_authid', 'SELECT * FROM pg_catalog.pg_authid'),
    // The lake's other tables and catalogue.
    both('subject_index', 'SELECT * FROM subject_index'),
    both('lake_batches', 'SELECT * FROM lake_batches'),
    both('subject_index quoted', 'SELECT * FROM "subject_index"'),
    both('subject_index by schema', `SELECT * FROM ${t.schema}.subject_index`),
    duckOnly('subject_index in upper case', 'SELECT * FROM SUBJECT_INDEX'),
    duckOnly('FROM-first', 'FROM subject_index SELECT *'),
    both('comma join after a subquery', `SELECT * FROM (SELECT * FROM ${t.dataset}) d, lake_batches`),
    both('CTE', `WITH x AS (SELECT * FROM subject_index) SELECT * FROM ${t.dataset}, x`),
    both('IN subquery', `SELECT * FROM ${t.dataset} WHERE EXISTS (SELECT 1 FROM subject_index)`),
    both('UNION', `SELECT 'a' AS v FROM ${t.dataset} UNION ALL SELECT 'b' AS v FROM lake_batches`),
    both('LATERAL', `SELECT * FROM ${t.dataset} d, LATERAL (SELECT * FROM subject_index LIMIT 1) s`),
    both('comment hiding a table', `SELECT * FROM /* ${t.dataset} */ subject_index`),
    // PostgreSQL's catalogue is readable by every login (the test checks it lists no table but datasets).
    { name: 'information_schema', sql: 'SELECT * FROM information_schema.tables', duckdb: 'denied' },
    duckOnly('SHOW TABLES', 'SHOW TABLES'),
    duckOnly('DESCRIBE', 'DESCRIBE subject_index'),
    duckOnly('SUMMARIZE', 'SUMMARIZE subject_index'),
    // Writes to the datasets themselves, and statements after the SELECT.
    both('INSERT into a dataset', `INSERT INTO ${t.dataset} (id) VALUES (999)`),
    both('DELETE from a dataset', `DELETE FROM ${t.dataset}`),
    both('UPDATE a dataset', `UPDATE ${t.dataset} SET id = id + 1`),
    both('DROP a dataset', `DROP TABLE ${t.dataset}`),
    // PostgreSQL's answer is a syntax error (one command per prepared statement); the test checks nothing was deleted.
    {
      name: 'a second statement',
      sql: `SELECT 1 AS one; DELETE FROM ${t.dataset}`,
      duckdb: 'denied',
      postgres: 'absent',
    },
    {
      name: 'DELETE in a CTE',
      sql: `WITH d AS (DELETE FROM ${t.dataset} RETURNING *) SELECT * FROM d`,
      duckdb: 'absent',
      postgres: 'denied',
    },
    both('CHECKPOINT', 'CHECKPOINT'),
  ];
}

/**
 * Gives the corpus something to aim at in `lake`: a dataset table `ds_people` (ids 1 and
 * 2), `subject_index` and `lake_batches` tables, a secret key in the data folder (on
 * DuckDB the folder holding the import folder, else `scratchDir`) and, on DuckDB, a CSV in
 * the import folder.
 */
export async function setUpHostileTargets(lake: Lake, scratchDir: string): Promise<HostileTargets> {
  const dataDir = lake.importDir === null ? scratchDir : path.dirname(lake.importDir);
  const importDir = lake.importDir ?? path.join(scratchDir, 'uploads');
  const keyFile = path.join(dataDir, 'secret.key');
  const importFile = path.join(importDir, 'in-progress.csv');
  await writeFile(keyFile, 'the secret key');
  if (lake.importDir !== null) await writeFile(importFile, 'id,name\n1,someone\n');
  const dataset = 'ds_people';
  await lake.createTable({
    name: dataset,
    columns: [
      { name: 'id', type: 'bigint' },
      { name: 'name', type: 'text' },
    ],
  });
  await lake.createTable({ name: 'subject_index', columns: [{ name: 'blind', type: 'text' }] });
  await lake.createTable({ name: 'lake_batches', columns: [{ name: 'batch_id', type: 'bigint' }] });
  await lake.appendRows(
    dataset,
    ['id', 'name'],
    [
      [1, 'a'],
      [2, 'b'],
    ],
  );
  await lake.appendRows('subject_index', ['blind'], [['3f9a']]);
  await lake.appendRows('lake_batches', ['batch_id'], [[1]]);
  const [who] = await lake.query<{ owner: string; schema: string }>(
    lake.engine === 'postgres'
      ? 'SELECT current_user AS owner, current_schema() AS schema'
      : `SELECT 'none' AS owner, 'main' AS schema`,
  );
  return {
    systemFile: '/etc/passwd',
    keyFile,
    importDir,
    importFile,
    newFile: path.join(scratchDir, 'written-by-hostile-sql'),
    dataset,
    schema: who?.schema ?? '',
    ownerRole: who?.owner ?? '',
  };
}

/**
 * Sends each statement of the corpus aimed at this engine through `run` and returns how
 * each that was not refused as expected got through (empty when all were).
 */
export async function findEscapes(
  engine: LakeEngine,
  targets: HostileTargets,
  run: (sql: string) => Promise<unknown[]>,
): Promise<string[]> {
  const escaped: string[] = [];
  for (const entry of hostileSql(targets)) {
    const expected = entry[engine];
    if (expected === undefined) continue;
    const outcome = await run(entry.sql).then(
      (rows) => ({ ok: true as const, rows }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (outcome.ok) escaped.push(`${entry.name}: ran, ${JSON.stringify(outcome.rows).slice(0, 120)}`);
    else if (expected === 'denied' && !isDenial(engine, outcome.error)) {
      escaped.push(`${entry.name}: failed, but not as a denial: ${(outcome.error as Error).message}`);
    }
  }
  return escaped;
}

/**
 * Whether an error (or the error it wraps) is the engine or the lake denying a statement,
 * not merely not knowing it.
 */
export function isDenial(engine: LakeEngine, error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && isDenial(engine, cause)) return true;
  if (engine === 'postgres') {
    // insufficient_privilege, read_only_sql_transaction.
    return ['42501', '25006'].includes(String((error as { code?: string }).code));
  }
  return /Permission Error|refuses this query|configuration has been locked|read-only mode|multiple statements/.test(
    String((error as Error).message),
  );
}
