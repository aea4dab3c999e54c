import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '../db/database.js';
import type { Lake } from '../lake/index.js';
import type { FieldCipher } from '../security/field-crypto.js';
import { BackupError } from './backup-error.js';
import { assertPassphrase } from './backup-key.js';
import { BACKUP_FORMAT_VERSION, type BackupManifest, type BackupRecord, recordLine } from './backup-format.js';
import { LineSink } from './line-sink.js';
import { dumpLake } from './lake-dump.js';
import { appliedMigrations } from './operational-catalogue.js';
import { dumpOperationalStore } from './operational-dump.js';
import { createSealStream } from './sealed-chunks.js';

export interface CreateBackupOptions {
  database: Database;
  lake: Lake;
  /** The file to write; written beside it under a temporary name and renamed when complete. */
  out: string;
  passphrase: string;
  /** The deployment's cipher (QF_FIELD_CIPHER): the file is sealed with the same family. */
  cipher: FieldCipher;
  now?: Date;
}

/** What a backup wrote. */
export interface BackupResult {
  manifest: BackupManifest;
  /** Rows written, over both stores. */
  rows: number;
  /** Uncompressed bytes of the records (before gzip and sealing). */
  plainBytes: number;
}

/**
 * Writes an encrypted, authenticated logical backup of both stores to `out`: every table
 * of the operational store (migrations included) and its sequences, then every lake table,
 * then the manifest. Rows stream from the stores through gzip and the seal to the file.
 * A failed backup leaves no file at `out`.
 */
export async function createBackup(options: CreateBackupOptions): Promise<BackupResult> {
  assertPassphrase(options.passphrase);
  const migrations = await appliedMigrations(options.database.db);
  const level = migrations.at(-1);
  if (level === undefined)
    throw new BackupError('The operational store has no schema yet: there is nothing to back up');
  const partial = `${options.out}.${process.pid}.partial`;
  const gzip = createGzip({ level: 6 });
  const written = pipeline(
    gzip,
    createSealStream(options.passphrase, options.cipher),
    createWriteStream(partial, { mode: 0o600 }),
  );
  // The file can fail while the stores are still being read: handled here so the rejection is
  // not reported as unhandled; the sink then fails the dump, and the catch below cleans up.
  written.catch(() => undefined);
  const sink = new LineSink(gzip);
  let rows = 0;
  const target = {
    record: (record: BackupRecord) => sink.write(recordLine(record)),
    row: (json: string) => {
      rows += 1;
      return sink.write(`R${json}\n`);
    },
  };
  try {
    const operational = await dumpOperationalStore(options.database.db, target);
    const lakeTables = await dumpLake(options.lake, target);
    const manifest: BackupManifest = {
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      migration: { level, count: migrations.length },
      engines: { operational: options.database.engine, lake: options.lake.engine },
      cipher: options.cipher,
      operational,
      lake: { tables: lakeTables },
    };
    await target.record({ kind: 'manifest', manifest });
    await sink.flush();
    gzip.end();
    await written;
    await rename(partial, options.out);
    return { manifest, rows, plainBytes: sink.bytes };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}
