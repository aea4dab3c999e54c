import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database.js';
import { createScratchDatabase } from '../db/scratch-database.js';
import { createScratchLakeSchema, describeLakeTables, type Lake, openLake } from '../lake/index.js';
import { buildQualityFixture } from '../testing/dataset-quality-fixture.js';
import { testEngines, type TestEngine } from '../testing/test-databases.js';
import { testDatabaseUrl } from '../testing/test-lake.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import type { Command } from 'commander';
import { registerBackupCommands } from '../cli/commands/backup-commands.js';
import type { CommandOutput, WithPlatform } from '../cli/commands/open-services.js';
import { runCommand } from '../testing/cli-runner.js';
import { listTablesParentsFirst } from './operational-catalogue.js';
import { restoreBackup } from './restore-backup.js';

const PASSPHRASE = 'a backup passphrase for tests';

/** The backup commands over the test platform, restoring into `target`. */
function backupCommandsInto(platform: TestPlatform, target: Target | null) {
  return (program: Command, withPlatform: WithPlatform, output: CommandOutput) =>
    registerBackupCommands(
      program,
      withPlatform,
      async () => {
        if (target === null) throw new Error('this command has no restore target');
        return { ...target, close: async () => undefined };
      },
      () => platform.services.config,
      output,
    );
}

/** Empty stores of an engine, as a new data folder or new databases give them. */
interface Target {
  database: Database;
  lake: Lake;
  dispose(): Promise<void>;
}

async function openEmptyTarget(engine: TestEngine): Promise<Target> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'qf-restore-'));
    const database = await openDatabase({ directory: path.join(dir, 'operational') });
    const lake = await openLake({ file: path.join(dir, 'lake.duckdb'), importDir: path.join(dir, 'uploads') });
    return {
      database,
      lake,
      dispose: async () => {
        await lake.close();
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = testDatabaseUrl() as string;
  // Not the run's migrated template: a restore starts from a database with nothing in it.
  const scratch = await createScratchDatabase(server, 'qf_restore');
  const schema = await createScratchLakeSchema(server, 'qf_restore');
  const database = await openDatabase({ url: scratch.url });
  const lake = await openLake({ url: server, schema: schema.schema });
  return {
    database,
    lake,
    dispose: async () => {
      await lake.close();
      await database.close();
      await schema.drop();
      await scratch.drop();
    },
  };
}

/** Every table of both stores, each as its rows' JSON in sorted order. */
async function contents(database: Database, lake: Lake): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  await database.db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    for (const table of await listTablesParentsFirst(trx)) {
      const rows = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table)} t`.execute(trx);
      all[`operational.${table}`] = rows.rows.map((row) => row.j).sort();
    }
  });
  for (const def of await describeLakeTables(lake)) {
    const rows = await lake.query(`SELECT * FROM "${def.name}"`);
    all[`lake.${def.name}`] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return all;
}

async function isEmpty(target: Target): Promise<boolean> {
  const tables = await sql<{ n: number }>`
    select count(*)::int as n from pg_tables where schemaname = current_schema()`.execute(target.database.db);
  return tables.rows[0]?.n === 0 && (await describeLakeTables(target.lake)).length === 0;
}

for (const engine of testEngines()) {
  // The embedded engines carry the GM cipher, the server ones AES: both seal formats go end to end.
  const cipher = engine === 'pglite' ? 'sm4-ctr-hmac-sm3' : 'aes-256-gcm';

  describe(`[BACKUP]: backup and restore (${engine}, ${cipher})`, () => {
    let platform: TestPlatform;
    let file: string;
    let source: Record<string, string[]>;
    let passphraseFile: string;

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { config: { fieldCipher: cipher } });
      passphraseFile = path.join(platform.dataDir, 'backup-passphrase');
      await buildQualityFixture(platform);
      // The import's follow-up work (quality figures) writes too: the backup is taken once it is done.
      await platform.services.background.idle();
      file = path.join(platform.dataDir, 'qingfeng.backup');
      source = await contents(platform.services.database, platform.services.lake);
      writeFileSync(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
      const { out } = await runCommand(platform, backupCommandsInto(platform, null), [
        'backup',
        '--out',
        file,
        '--passphrase-file',
        passphraseFile,
      ]);
      expect(out).toMatch(/^Backed up \d+ operational and \d+ lake tables/);
    });

    it('records the backup in the audit trail, from where it reaches the transparency log', async () => {
      const entry = await platform.services.database.db
        .selectFrom('audit_log')
        .select(['id', 'object_id', 'detail'])
        .where('action', '=', 'backup.create')
        .executeTakeFirstOrThrow();
      expect(entry.object_id).toBe('qingfeng.backup');
      expect(entry.detail).toMatchObject({ cipher, migration: expect.any(String) });
      const queued = await platform.services.database.db
        .selectFrom('transparency_queue')
        .select('source_id')
        .where('kind', '=', 'audit')
        .where('source_id', '=', String(entry.id))
        .execute();
      expect(queued).toHaveLength(1);
    });

    afterAll(async () => {
      await platform.close();
    });

    it('restores into empty stores every table of both stores, row for row', async () => {
      const target = await openEmptyTarget(engine);
      try {
        const { out } = await runCommand(platform, backupCommandsInto(platform, target), [
          'restore',
          '--in',
          file,
          '--passphrase-file',
          passphraseFile,
        ]);
        expect(out).toMatch(/every count and hash checked/);
        const restored = await contents(target.database, target.lake);
        expect(Object.keys(restored).sort()).toEqual(Object.keys(source).sort());
        // The restore's own audit entry (and its place in the log's queue) is the one row added.
        const added = await target.database.db
          .selectFrom('audit_log')
          .select(['id', 'detail'])
          .where('action', '=', 'backup.restore')
          .execute();
        expect(added).toHaveLength(1);
        expect(added[0]?.detail).toMatchObject({ from: { operational: engine } });
        for (const table of Object.keys(source)) {
          const expected = ['operational.audit_log', 'operational.transparency_queue'].includes(table) ? 1 : 0;
          const rows = restored[table] ?? [];
          expect(
            rows.filter((row) => !(source[table] ?? []).includes(row)),
            table,
          ).toHaveLength(expected);
          expect(rows.length, table).toBe((source[table]?.length ?? 0) + expected);
        }
        // Something of each kind is really there: migrations, users, the audit trail, the imported rows.
        for (const table of ['operational.kysely_migration', 'operational.users', 'operational.audit_log']) {
          expect(restored[table]?.length, table).toBeGreaterThan(0);
        }
        expect(restored['lake.ds_benefit_payment']?.length).toBeGreaterThan(0);
        // Sequences continue where the source's stood: the restore's entry comes after every restored one.
        const before = await platform.services.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('id').as('id'))
          .where('action', '!=', 'backup.create')
          .executeTakeFirstOrThrow();
        expect(added[0]?.id).toBeGreaterThan(Number(before.id));
        // And a target that now holds data is refused.
        await expect(restoreBackup({ file, passphrase: PASSPHRASE, ...target })).rejects.toThrow(/not empty/);
      } finally {
        await target.dispose();
      }
    });

    describe('refusals and checks, which write nothing to the target', () => {
      let target: Target;
      beforeAll(async () => {
        target = await openEmptyTarget(engine);
      });
      afterAll(async () => {
        await target.dispose();
      });

      it('refuses a backup with one byte changed and writes nothing', async () => {
        const bytes = readFileSync(file);
        const altered = Buffer.from(bytes);
        const at = Math.floor(bytes.length / 2);
        altered[at] = (altered[at] as number) ^ 0x40;
        const alteredFile = `${file}.altered`;
        writeFileSync(alteredFile, altered);
        await expect(restoreBackup({ file: alteredFile, passphrase: PASSPHRASE, ...target })).rejects.toThrow(
          /altered or damaged: chunk \d+ failed its integrity check/,
        );
        expect(await isEmpty(target)).toBe(true);
      });

      it('records a failed backup in the audit trail as failed', async () => {
        const out = path.join(platform.dataDir, 'missing-folder', 'x.backup');
        await expect(
          runCommand(platform, backupCommandsInto(platform, null), [
            'backup',
            '--out',
            out,
            '--passphrase-file',
            passphraseFile,
          ]),
        ).rejects.toThrow(/ENOENT/);
        const entry = await platform.services.database.db
          .selectFrom('audit_log')
          .select(['outcome'])
          .where('action', '=', 'backup.create')
          .where('object_id', '=', 'x.backup')
          .executeTakeFirstOrThrow();
        expect(entry.outcome).toBe('failed');
      });

      it('checks a backup without a store: --check prints the manifest', async () => {
        const { out } = await runCommand(platform, backupCommandsInto(platform, null), [
          'restore',
          '--check',
          '--in',
          file,
          '--passphrase-file',
          passphraseFile,
        ]);
        const manifest = JSON.parse(out);
        expect(manifest.cipher).toBe(cipher);
        expect(manifest.operational.tables.map((t: { name: string }) => t.name)).toContain('kysely_migration');
      });

      it('refuses a wrong passphrase and writes nothing', async () => {
        await expect(restoreBackup({ file, passphrase: 'not the backup passphrase', ...target })).rejects.toThrow(
          /Wrong passphrase/,
        );
        expect(await isEmpty(target)).toBe(true);
      });
    });

    it.skipIf(engine !== 'pglite' || testDatabaseUrl() === undefined)(
      'restores an embedded backup into PostgreSQL stores',
      async () => {
        const target = await openEmptyTarget('postgres');
        try {
          await restoreBackup({ file, passphrase: PASSPHRASE, ...target });
          const restored = await contents(target.database, target.lake);
          for (const table of Object.keys(source)) expect(restored[table], table).toEqual(source[table]);
        } finally {
          await target.dispose();
        }
      },
    );
  });
}
