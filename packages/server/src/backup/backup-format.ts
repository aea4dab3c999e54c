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

const WORDS = 8;
const WORD = 2 ** 32;
// Each lane takes 32-bit words until it could pass 2^53, then carries are settled.
const ADDS_BEFORE_CARRY = 2 ** 20;

/**
 * A table's content hash that does not depend on row order: the sum, modulo 2^256, of the
 * SHA-256 of every row's line. Rows come back from a restored table in whatever order its
 * engine keeps them, and sorting ten million rows to hash them would cost more than the
 * backup; summing (not XOR) keeps two equal rows from cancelling out. It checks that a
 * restore is complete and faithful; the file's authenticity is the seal's job.
 */
export class RowSetHash {
  // The sum as eight 32-bit lanes, most significant first, carried lazily (a BigInt per row
  // cost more than the SHA-256 itself).
  private readonly lanes = new Array<number>(WORDS).fill(0);
  private pending = 0;
  rows = 0;

  add(line: string): void {
    const digest = createHash('sha256').update(line).digest();
    for (let i = 0; i < WORDS; i += 1) this.lanes[i] = (this.lanes[i] as number) + digest.readUInt32BE(i * 4);
    this.rows += 1;
    this.pending += 1;
    if (this.pending >= ADDS_BEFORE_CARRY) this.carry();
  }

  digest(): string {
    this.carry();
    return this.lanes.map((lane) => lane.toString(16).padStart(8, '0')).join('');
  }

  /** Moves each lane's overflow into the next more significant one; past the top it is dropped (mod 2^256). */
  private carry(): void {
    for (let i = WORDS - 1; i >= 0; i -= 1) {
      const lane = this.lanes[i] as number;
      const over = Math.floor(lane / WORD);
      this.lanes[i] = lane - over * WORD;
      if (i > 0) this.lanes[i - 1] = (this.lanes[i - 1] as number) + over;
    }
    this.pending = 0;
  }
}

/** The record as its line in the file. */
export function recordLine(record: BackupRecord): string {
  return `H${JSON.stringify(record)}\n`;
}
