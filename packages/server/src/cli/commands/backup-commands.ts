import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BackupError } from '../../backup/backup-error.js';
import { checkBackup } from '../../backup/read-backup.js';
import { createBackup } from '../../backup/create-backup.js';
import { restoreBackup } from '../../backup/restore-backup.js';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Lake } from '../../lake/index.js';
import { recordAudit, systemActor } from '../../modules/audit/index.js';
import { CliError } from '../cli-error.js';
import { type CommandOutput, processOutput, type WithPlatform } from './open-services.js';

/** The stores a restore writes into, opened as they are (not migrated), and how to close them. */
export interface TargetStores {
  database: Database;
  lake: Lake;
  close(): Promise<void>;
}

/**
 * The passphrase: --passphrase-file, else QF_BACKUP_PASSPHRASE_FILE, else QF_BACKUP_PASSPHRASE.
 * A file's first line is the passphrase (a trailing newline is not part of it).
 */
function passphraseFrom(config: Config, file: string | undefined): string {
  const source = file ?? config.backupPassphraseFile;
  if (source !== undefined) {
    try {
      return readFileSync(source, 'utf8').split(/\r?\n/)[0] ?? '';
    } catch (error) {
      throw new CliError(`cannot read the passphrase file ${source}: ${(error as Error).message}`);
    }
  }
  if (config.backupPassphrase !== undefined) return config.backupPassphrase;
  throw new CliError(
    'no backup passphrase: pass --passphrase-file, or set QF_BACKUP_PASSPHRASE_FILE or QF_BACKUP_PASSPHRASE',
  );
}

function rate(count: number, seconds: number): string {
  return (count / Math.max(seconds, 0.001)).toFixed(0);
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** Runs a backup step, turning its expected failures into the CLI's one-line messages. */
async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * `qingfeng backup` and `qingfeng restore`: an encrypted logical backup of both stores, and
 * its restore into empty stores, each recorded in the audit trail (and so in the
 * transparency log). See docs/operations.md.
 */
export function registerBackupCommands(
  program: Command,
  withPlatform: WithPlatform,
  openTarget: () => Promise<TargetStores>,
  readConfig: () => Config,
  output: CommandOutput = processOutput,
): void {
  program
    .command('backup')
    .description('Write an encrypted backup of the operational store and the lake to a file')
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--passphrase-file <file>', 'file holding the backup passphrase (else QF_BACKUP_PASSPHRASE[_FILE])')
    .action((options: { out: string; passphraseFile?: string }) =>
      withPlatform(async (services) => {
        const passphrase = passphraseFrom(services.config, options.passphraseFile);
        const started = performance.now();
        const result = await explained(() =>
          createBackup({
            database: services.database,
            lake: services.lake,
            out: options.out,
            passphrase,
            cipher: services.config.fieldCipher,
          }),
        ).catch(async (error: unknown) => {
          // A failed attempt is on the record too: a copy may have been tried for a reason.
          await recordAudit(services.database.db, systemActor('cli'), {
            action: 'backup.create',
            objectType: 'backup',
            objectId: path.basename(options.out),
            outcome: 'failed',
            detail: { error: (error as Error).message },
          });
          throw error;
        });
        const seconds = (performance.now() - started) / 1000;
        const fileBytes = statSync(options.out).size;
        const { manifest } = result;
        await recordAudit(services.database.db, systemActor('cli'), {
          action: 'backup.create',
          objectType: 'backup',
          objectId: path.basename(options.out),
          detail: {
            createdAt: manifest.createdAt,
            migration: manifest.migration.level,
            cipher: manifest.cipher,
            rows: result.rows,
            operationalTables: manifest.operational.tables.length,
            lakeTables: manifest.lake.tables.length,
            bytes: fileBytes,
          },
        });
        output.out(
          `Backed up ${manifest.operational.tables.length} operational and ${manifest.lake.tables.length} lake tables, ` +
            `${result.rows} rows, to ${options.out} (${megabytes(fileBytes)} MB sealed with ${manifest.cipher}).\n`,
        );
        output.err(
          `${seconds.toFixed(1)} s: ${rate(result.rows, seconds)} rows/s, ${megabytes(result.plainBytes / seconds)} MB/s of records (${megabytes(result.plainBytes)} MB before compression).\n`,
        );
      }),
    );

  program
    .command('restore')
    .description('Restore a backup into an empty data folder and empty databases, checking it before and after')
    .requiredOption('--in <file>', 'the backup file to restore')
    .option('--passphrase-file <file>', 'file holding the backup passphrase (else QF_BACKUP_PASSPHRASE[_FILE])')
    .option('--check', 'only check the file (passphrase, every chunk, counts and hashes) and print its manifest')
    .option('--replace', 'empty the target stores first: everything in them is lost')
    .action(async (options: { in: string; passphraseFile?: string; check?: boolean; replace?: boolean }) => {
      const passphrase = passphraseFrom(readConfig(), options.passphraseFile);
      if (options.check === true) {
        // Reads the file only: no store is opened (or, embedded, created).
        const checked = await explained(() => checkBackup(options.in, passphrase));
        output.out(`${JSON.stringify(checked.manifest, null, 2)}\n`);
        return;
      }
      const target = await openTarget();
      try {
        const started = performance.now();
        const result = await explained(() =>
          restoreBackup({
            file: options.in,
            passphrase,
            database: target.database,
            lake: target.lake,
            replace: options.replace === true,
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        // Brought up to this version's schema, as a server would on start, so the entry fits it.
        await migrateToLatest(target.database.db);
        const { manifest } = result;
        await recordAudit(target.database.db, systemActor('cli'), {
          action: 'backup.restore',
          objectType: 'backup',
          objectId: path.basename(options.in),
          detail: {
            createdAt: manifest.createdAt,
            migration: manifest.migration.level,
            from: manifest.engines,
            to: { operational: target.database.engine, lake: target.lake.engine },
            rows: result.rows,
            replaced: options.replace === true,
          },
        });
        output.out(
          `Restored the backup of ${manifest.createdAt}: ${result.rows} rows in ${manifest.operational.tables.length} operational ` +
            `and ${manifest.lake.tables.length} lake tables, every count and hash checked.\n`,
        );
        output.err(
          `${seconds.toFixed(1)} s (read twice: checked, then loaded and read back): ${rate(result.rows, seconds)} rows/s, ${megabytes(statSync(options.in).size / seconds)} MB/s of file.\n`,
        );
      } finally {
        await target.close();
      }
    });
}
