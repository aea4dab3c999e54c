import { createHash } from 'node:crypto';
import type { LakeTableDef } from '../lake/index.js';

/**
 * The plaintext inside a backup file, gzip-compressed before sealing: one line per record.
 * A line starting `R` is a row (the rest is its JSON: an object of the operational store's
 * row_to_json, or an array of a lake row's values in its definition's column order); a line
 * starting `H` is one of the records below. The manifest is the last record.
 */
export type BackupRecord =
  | { kind: 'operational-table'; name: string }
  | { kind: 'lake-table'; def: LakeTableDef }
  | { kind: 'table-end'; rows: number; hash: string }
  | { kind: 'sequence'; name: string; lastValue: string; isCalled: boolean }
  | { kind: 'manifest'; manifest: BackupManifest };

export const BACKUP_FORMAT_VERSION = 1;

/** One table's row count and content hash (see RowSetHash). */
export interface TableSummary {
  name: string;
  rows: number;
  hash: string;
}

/** What a backup holds, written last and checked before and after a restore. */
export interface BackupManifest {
  formatVersion: number;
  createdAt: string;
  /** The last migration applied to the operational store, and how many there were. */
  migration: { level: string; count: number };
  engines: { operational: string; lake: string };
  /** The cipher the file is sealed with (the deployment's QF_FIELD_CIPHER). */
  cipher: string;
  operational: { tables: TableSummary[]; sequences: number };
  lake: { tables: TableSummary[] };
}

const MODULUS = 1n << 256n;

/**
 * A table's content hash that does not depend on row order: the sum, modulo 2^256, of the
 * SHA-256 of every row's line. Rows come back from a restored table in whatever order its
 * engine keeps them, and sorting ten million rows to hash them would cost more than the
 * backup; summing (not XOR) keeps two equal rows from cancelling out. It checks that a
 * restore is complete and faithful; the file's authenticity is the seal's job.
 */
export class RowSetHash {
  private sum = 0n;
  rows = 0;

  add(line: string): void {
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(line).digest('hex')}`)) % MODULUS;
    this.rows += 1;
  }

  digest(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}

/** The record as its line in the file. */
export function recordLine(record: BackupRecord): string {
  return `H${JSON.stringify(record)}\n`;
}
