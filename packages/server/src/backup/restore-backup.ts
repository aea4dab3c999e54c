import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { knownMigrations, migrateTo } from '../db/migrate.js';
import { describeLakeTables, type Lake } from '../lake/index.js';
import { BackupError } from './backup-error.js';
import type { BackupManifest, TableSummary } from './backup-format.js';
import { loadLake } from './lake-load.js';
import { summariseLake } from './lake-dump.js';
import { countTables } from './operational-catalogue.js';
import { loadOperationalStore } from './operational-load.js';
import { summariseOperationalStore } from './operational-dump.js';
import { BackupLineReader, checkBackup, readBackupLines } from './read-backup.js';

export interface RestoreBackupOptions {
  file: string;
  passphrase: string;
  /** The stores to restore into: empty ones, unless `replace`. */
  database: Database;
  lake: Lake;
  /** Empty the stores first (everything in them is lost) instead of refusing. */
  replace?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: number;
}

/**
 * Restores a backup into the given stores. Nothing is written until the whole file has been
 * read and checked: every chunk's tag, every table's count and hash, the manifest, the schema
 * level (which this build must know). A store that is not empty is refused unless `replace`.
 * The operational store is migrated to the backup's level and filled in one transaction, the
 * lake created and filled in another; then every table of both is read back and its count
 * and hash compared with the manifest.
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreResult> {
  const { database, lake } = options;
  const occupied = (await countTables(database.db)) > 0 || (await describeLakeTables(lake)).length > 0;
  if (occupied && options.replace !== true) {
    throw new BackupError(
      'The target stores are not empty: restore into an empty data folder and databases, or pass --replace',
    );
  }
  const checked = await checkBackup(options.file, options.passphrase);
  const { manifest } = checked;
  const known = knownMigrations();
  if (known.indexOf(manifest.migration.level) + 1 !== manifest.migration.count) {
    throw new BackupError(
      `The backup's schema (${manifest.migration.level}, ${manifest.migration.count} migrations) is not one this version knows: restore with the version that made it, or a later one`,
    );
  }
  if (occupied) await emptyStores(database, lake);
  await migrateTo(database.db, manifest.migration.level);
  const reader = new BackupLineReader(readBackupLines(options.file, options.passphrase));
  let rows: number;
  try {
    rows = await loadOperationalStore(database.db, reader);
    try {
      rows += await loadLake(lake, checked.lakeDefs, reader);
    } catch (error) {
      throw new BackupError(
        `The operational store was restored but the lake was not (${(error as Error).message}); restore again with --replace`,
        { cause: error },
      );
    }
    const manifestLine = await reader.nextRecord();
    if (manifestLine.kind !== 'manifest') throw new BackupError('The backup changed during the restore');
  } finally {
    await reader.close();
  }
  compare('operational store', manifest.operational.tables, await summariseOperationalStore(database.db));
  compare('lake', manifest.lake.tables, await summariseLake(lake));
  return { manifest, rows };
}

/** Throws, naming the first table that differs, unless the restored tables are those of the manifest. */
function compare(store: string, expected: TableSummary[], actual: TableSummary[]): void {
  const byName = new Map(actual.map((table) => [table.name, table]));
  for (const table of expected) {
    const found = byName.get(table.name);
    if (found === undefined || found.rows !== table.rows || found.hash !== table.hash) {
      const got = found === undefined ? 'is missing' : `has ${found.rows} rows, hash ${found.hash.slice(0, 12)}…`;
      throw new BackupError(
        `After the restore, ${store} table ${table.name} ${got}; the backup has ${table.rows} rows, hash ${table.hash.slice(0, 12)}…`,
      );
    }
    byName.delete(table.name);
  }
  const extra = [...byName.keys()];
  if (extra.length > 0)
    throw new BackupError(`After the restore, the ${store} has tables the backup does not: ${extra.join(', ')}`);
}

/** What --replace does first: drops everything in the operational schema and every lake table. */
async function emptyStores(database: Database, lake: Lake): Promise<void> {
  await sql`drop schema public cascade`.execute(database.db);
  await sql`create schema public`.execute(database.db);
  for (const def of await describeLakeTables(lake)) await lake.dropTable(def.name);
}
