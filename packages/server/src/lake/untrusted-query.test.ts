import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LakeError } from './errors.js';
import { findEscapes, type HostileTargets, isDenial, setUpHostileTargets } from './hostile-sql.js';
import { LAKE_ENGINES, type Lake } from './lake.js';
import { openLake } from './open-lake.js';
import { readerRoleName, scramVerifier } from './postgres-reader.js';
import { createTestLake, type TestLake, testDatabaseUrl } from '../testing/test-lake.js';

const postgresUrl = testDatabaseUrl();
const LIMITS = { timeoutMs: 30_000 };
const PEOPLE = 'ds_people';

async function expectLakeError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LakeError);
  expect((error as LakeError).code).toBe(code);
  if (message) expect((error as LakeError).message).toMatch(message);
}

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && postgresUrl === undefined)(`untrusted SQL on the ${engine} lake`, () => {
    let test: TestLake;
    let lake: Lake;
    let scratch: string;
    let targets: HostileTargets;

    beforeAll(async () => {
      test = await createTestLake(engine);
      lake = test.lake;
      scratch = await mkdtemp(path.join(tmpdir(), 'qf-hostile-'));
      targets = await setUpHostileTargets(lake, scratch);
    });
    afterAll(async () => {
      await test?.cleanup();
      await rm(scratch, { recursive: true, force: true });
    });

    it('refuses every statement of the hostile corpus, each denied by the engine where it has such a thing', async () => {
      expect(await findEscapes(engine, targets, (sql) => lake.queryUntrusted(sql, [], LIMITS))).toEqual([]);
      // Nothing in it wrote: the dataset is as it was, and no file was written.
      expect(await lake.query(`SELECT id, name FROM ${PEOPLE} ORDER BY id`)).toEqual([
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ]);
      expect(existsSync(targets.newFile)).toBe(false);
      expect(existsSync(path.join(targets.importDir, 'out.csv'))).toBe(false);
    });

    it('reads the ds_* tables, with parameters, joins, subqueries and CTEs', async () => {
      const rows = await lake.queryUntrusted<{ id: number; n: number }>(
        `WITH p AS (SELECT id, name FROM ${PEOPLE} WHERE id >= $1)
         SELECT p.id, (SELECT count(*) FROM ${PEOPLE} q WHERE q.id <= p.id) AS n
         FROM p JOIN ${PEOPLE} o ON o.id = p.id ORDER BY p.id`,
        [2],
        LIMITS,
      );
      expect(rows).toEqual([{ id: 2, n: 2 }]);
    });

    it('lets untrusted SQL read a dataset table created after the lake opened', async () => {
      await lake.createTable({ name: 'ds_later', columns: [{ name: 'x', type: 'integer' }] });
      await lake.createTable({ name: 'later_private', columns: [{ name: 'x', type: 'integer' }] });
      expect(await lake.queryUntrusted('SELECT count(*) AS n FROM ds_later', [], LIMITS)).toEqual([{ n: 0 }]);
      await expect(lake.queryUntrusted('SELECT count(*) AS n FROM later_private', [], LIMITS)).rejects.toSatisfy(
        (error) => isDenial(engine, error),
      );
    });

    if (engine === 'duckdb') {
      it('keeps the engine locked for every connection: no file outside the import folder, no setting changed', async () => {
        // The trusted path is walled too: the lock is the engine's, not the query method's.
        await expect(lake.query(`SELECT * FROM read_text($1)`, [targets.keyFile])).rejects.toThrow(/Permission Error/);
        await expect(lake.execute('SET enable_external_access = true')).rejects.toThrow(/locked/);
        await expect(lake.execute(`SET memory_limit = '1TB'`)).rejects.toThrow(/locked/);
        // An extension is neither downloaded nor loaded: refused before any request is made.
        await expect(lake.execute('INSTALL httpfs')).rejects.toThrow(/disabled by configuration/);
        await expect(lake.query(`SELECT * FROM 'https://example.com/x.parquet'`)).rejects.toThrow(
          /disabled by configuration/,
        );
        const [settings] = await lake.query<Record<string, unknown>>(
          `SELECT current_setting('enable_external_access') AS external,
                  current_setting('lock_configuration') AS locked,
                  current_setting('autoinstall_known_extensions') AS autoinstall,
                  current_setting('autoload_known_extensions') AS autoload`,
        );
        expect(settings).toEqual({ external: false, locked: true, autoinstall: false, autoload: false });
      });

      it('still reads and writes files in its import folder, as an import does with its engine copy', async () => {
        expect(await lake.query('SELECT count(*) AS n FROM read_csv($1)', [targets.importFile])).toEqual([{ n: 1 }]);
        const copy = path.join(targets.importDir, 'written.csv');
        await lake.execute(`COPY (SELECT 1 AS x) TO '${copy}'`);
        expect(existsSync(copy)).toBe(true);
      });

      it(
        'spills a large query to its own temporary folder under a small memory limit',
        { timeout: 60_000 },
        async () => {
          const dir = path.join(scratch, 'spill');
          const file = path.join(dir, 'lake.duckdb');
          const small = await openLake({ file, importDir: path.join(dir, 'uploads'), memoryLimit: '40MB' });
          try {
            await small.execute(`CREATE TABLE ds_big AS SELECT range AS id, md5(range::text) AS h FROM range(400000)`);
            const rows = await small.queryUntrusted(
              'SELECT count(*) AS n FROM (SELECT h, count(*) AS c FROM ds_big GROUP BY h ORDER BY h)',
              [],
              LIMITS,
            );
            expect(rows).toEqual([{ n: 400_000 }]);
            // DuckDB makes its spill folder, beside the lake file, only when it spills.
            expect(existsSync(`${file}.tmp`)).toBe(true);
          } finally {
            await small.close();
          }
        },
      );

      it('refuses an import folder that holds the lake file', async () => {
        await expectLakeError(
          openLake({ file: path.join(scratch, 'lake.duckdb'), importDir: scratch }),
          'LAKE_INVALID_DEFINITION',
          /must not hold the lake file/,
        );
        await expectLakeError(openLake({ file: path.join(scratch, 'lake.duckdb') }), 'LAKE_INVALID_DEFINITION');
      });
    }

    if (engine === 'postgres') {
      it('runs untrusted SQL as a reader login, not as the lake owner under SET ROLE', async () => {
        const [who] = await lake.queryUntrusted<{ session: string; current: string; readOnly: string }>(
          `SELECT session_user AS session, current_user AS current,
                  current_setting('transaction_read_only') AS "readOnly"`,
          [],
          LIMITS,
        );
        expect(who?.session).toMatch(/^qf_lake_reader_[0-9a-f]{24}$/);
        expect(who?.current).toBe(who?.session);
        expect(who?.readOnly).toBe('on');
        expect(who?.session).not.toBe(targets.ownerRole);
      });

      it('shows the reader no table of the lake but the datasets, even in the catalogue', async () => {
        const tables = await lake.queryUntrusted<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
          [targets.schema],
          LIMITS,
        );
        expect(tables.map((t) => t.name)).toEqual(['ds_later', PEOPLE]);
      });

      it('opens with an explicit reader URL, and refuses one that may do more than read datasets', async () => {
        const url = new URL(postgresUrl as string);
        const [place] = await lake.query<{ database: string }>('SELECT current_database() AS database');
        url.username = readerRoleName(place?.database ?? '', targets.schema);
        const explicit = await openLake({ url: postgresUrl, schema: targets.schema, readerUrl: url.toString() });
        try {
          expect(await explicit.queryUntrusted(`SELECT count(*)::int AS n FROM ${PEOPLE}`, [], LIMITS)).toEqual([
            { n: 2 },
          ]);
        } finally {
          await explicit.close();
        }
        // The owner's own login reads everything: not a reader.
        await expectLakeError(
          openLake({ url: postgresUrl, schema: targets.schema, readerUrl: postgresUrl }),
          'LAKE_NO_READER',
          /SUPERUSER|may read/,
        );
      });

      it("sets the reader's password as the SCRAM verifier PostgreSQL itself would store", async () => {
        const role = `qf_test_scram_${Math.random().toString(16).slice(2, 10)}`;
        const admin = new pg.Client({ connectionString: postgresUrl });
        await admin.connect();
        try {
          await admin.query(`SET password_encryption = 'scram-sha-256'`);
          await admin.query(`CREATE ROLE ${role} PASSWORD 'correct horse'`);
          const { rows } = await admin.query<{ stored: string }>(
            'SELECT rolpassword AS stored FROM pg_authid WHERE rolname = $1',
            [role],
          );
          const stored = rows[0]?.stored ?? '';
          const salt = Buffer.from(/^SCRAM-SHA-256\$4096:([^$]+)\$/.exec(stored)?.[1] ?? '', 'base64');
          expect(scramVerifier('correct horse', salt)).toBe(stored);
        } finally {
          await admin.query(`DROP ROLE IF EXISTS ${role}`);
          await admin.end();
        }
      });

      it('refuses a reader that could reach the network through dblink', async () => {
        const database = `qf_test_dblink_${Math.random().toString(16).slice(2, 10)}`;
        const admin = new pg.Client({ connectionString: postgresUrl });
        await admin.connect();
        const url = new URL(postgresUrl as string);
        url.pathname = `/${database}`;
        try {
          await admin.query(`CREATE DATABASE ${database}`);
          const inside = new pg.Client({ connectionString: url.toString() });
          await inside.connect();
          // PUBLIC may call dblink once the extension is there, as PostgreSQL installs it.
          await inside.query('CREATE EXTENSION dblink').finally(() => inside.end());
          await expectLakeError(openLake({ url: url.toString() }), 'LAKE_NO_READER', /may call dblink/);
        } finally {
          await admin.query(`DROP DATABASE IF EXISTS ${database}`);
          await admin.query(`DROP ROLE IF EXISTS ${readerRoleName(database, 'public')}`);
          await admin.end();
        }
      });

      it('refuses to open when its login may not create roles and no reader URL is given', async () => {
        const role = `qf_test_plain_${Math.random().toString(16).slice(2, 10)}`;
        const admin = new pg.Client({ connectionString: postgresUrl });
        await admin.connect();
        try {
          await admin.query(`CREATE ROLE ${role} LOGIN NOCREATEROLE`);
          await admin.query(`GRANT USAGE ON SCHEMA "${targets.schema}" TO ${role}`);
          const url = new URL(postgresUrl as string);
          url.username = role;
          await expectLakeError(
            openLake({ url: url.toString(), schema: targets.schema }),
            'LAKE_NO_READER',
            /QF_LAKE_READER_URL/,
          );
        } finally {
          await admin.query(`REVOKE USAGE ON SCHEMA "${targets.schema}" FROM ${role}`);
          await admin.query(`DROP ROLE IF EXISTS ${role}`);
          await admin.end();
        }
      });
    }
  });
}
