import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LakeEngine, openLake } from '../../../lake/index.js';
import { createTestLake, type TestLake, testDatabaseUrl } from '../../../testing/test-lake.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { reconcileImportBatches } from '../batches/reconcile.js';
import { writeBenefitPayments } from '../../../testing/test-data.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../../../../..');
const ROWS = 200_000;
const KILL_AFTER_ROWS = 20_000;

/** Runs the import in a child process and SIGKILLs it once it reports KILL_AFTER_ROWS rows read. */
function importAndKill(dir: string, args: string[]): Promise<{ killed: boolean; output: string }> {
  // tsx reads core from its sources (as vitest does), not from a possibly stale build.
  const tsconfig = path.join(dir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(REPO, 'tsconfig.base.json'),
      compilerOptions: { paths: { '@qingfeng/core': [path.join(REPO, 'packages/core/src/index.ts')] } },
    }),
  );
  // `node --import tsx` rather than the tsx CLI, which would run the import in a grandchild
  // that SIGKILL does not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'import-child.fixture.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const rows = [...output.matchAll(/rows (\d+)/g)].map((m) => Number(m[1]));
      if (!child.killed && rows.some((r) => r >= KILL_AFTER_ROWS)) child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', output }));
  });
}

const engines: LakeEngine[] = testDatabaseUrl() ? ['duckdb', 'postgres'] : ['duckdb'];

for (const engine of engines) {
  describe(`import atomicity (${engine})`, () => {
    let dir: string;
    let data: string;
    let pgLake: TestLake | undefined;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'qf-kill-'));
      // The data file sits in the lake's import folder, where the child writes its engine copy.
      mkdirSync(path.join(dir, 'uploads'));
      data = path.join(dir, 'uploads', 'payments.csv');
      await writeBenefitPayments(data, ROWS, 'utf-8');
      if (engine === 'postgres') pgLake = await createTestLake('postgres');
    });
    afterAll(async () => {
      await pgLake?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it(
      'a process killed mid-import leaves all of the batch or none of it, never half',
      { timeout: 120_000 },
      async () => {
        const lakeFile = path.join(dir, 'lake.duckdb');
        const args =
          engine === 'duckdb'
            ? [lakeFile, '-', data, '7']
            : [testDatabaseUrl() as string, await schemaOf(pgLake as TestLake), data, '7'];
        const { killed, output } = await importAndKill(dir, args);
        expect(killed, output).toBe(true);
        expect(output).toMatch(/rows \d+/);

        const lake =
          engine === 'duckdb'
            ? await openLake({ file: lakeFile, importDir: path.join(dir, 'uploads') })
            : (pgLake as TestLake).lake;
        try {
          const hasTable = await lake.hasTable('ds_benefit_payment');
          const rows = hasTable
            ? await lake.query<{ n: number }>('SELECT count(*) AS n FROM ds_benefit_payment WHERE _batch_id = 7')
            : [{ n: 0 }];
          const marked = (await lake.hasTable('lake_batches'))
            ? await lake.query('SELECT * FROM lake_batches WHERE batch_id = 7')
            : [];
          const count = Number(rows[0]?.n);
          expect([0, ROWS]).toContain(count);
          // The lake's own register agrees with what is there.
          expect(marked.length).toBe(count === ROWS ? 1 : 0);
          const staging = await lake.query(
            `SELECT table_name FROM information_schema.tables WHERE table_name LIKE '_stage_batch_%'`,
          );
          expect(staging).toEqual([]);
        } finally {
          if (engine === 'duckdb') await lake.close();
        }
      },
    );
  });
}

async function schemaOf(testLake: TestLake): Promise<string> {
  const [row] = await testLake.lake.query<{ s: string }>('SELECT current_schema() AS s');
  return row?.s as string;
}

describe('start-up reconciliation', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite');
  });
  afterAll(async () => platform?.close());

  it("marks a batch left 'loading' failed when the lake never committed it", async () => {
    const db = platform.services.database.db;
    const batch = await db
      .insertInto('import_batches')
      .values({
        dataset_type: 'person',
        file_name: 'x.csv',
        content_hash: 'h',
        format: 'csv',
        mode: 'append',
        status: 'loading',
        imported_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const result = await reconcileImportBatches(db, platform.services.lake);
    expect(result.failed).toEqual([batch.id]);
    const after = await db
      .selectFrom('import_batches')
      .selectAll()
      .where('id', '=', batch.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('failed');
  });
});
