import { type Lake, type LakeColumn, type LakeTx, quoteIdentifier } from '../../../lake/index.js';
import { countRows, createTempTableSql, pages } from './stage-tx.js';

/** Seals identifiers: the blind indexes (current key first) and the ciphertext (FieldCrypto). */
export interface IdentifierSealer {
  blindIndexes(value: string): string[];
  encrypt(value: string): string;
}

/**
 * A lake table that keeps each identifier only sealed: a key the dataset tables carry in its
 * place, the identifier's blind index under the key it was added with, and its ciphertext.
 */
export interface SealedRegister {
  readonly table: string;
  readonly key: string;
  readonly hash: string;
  readonly enc: string;
  /** A column recording what kind of identifier each is, copied from the values' `kind`. */
  readonly kind?: string;
}

/** People's and organisations' identifiers: `subject_key` in the dataset tables. */
export const SUBJECT_REGISTER: SealedRegister = {
  table: 'subject_index',
  key: 'subject_key',
  hash: 'identifier_hash',
  enc: 'identifier_enc',
  kind: 'kind',
};

/** Bank accounts: `#<account_key>` in the dataset tables. */
export const ACCOUNT_REGISTER: SealedRegister = {
  table: 'account_index',
  key: 'account_key',
  hash: 'account_hash',
  enc: 'account_enc',
};

/**
 * The temporary tables of one registration. The caller fills `values` with the distinct
 * identifiers (`_seq` numbering them from 1, `ident`, and `kind` when the register keeps
 * one); `registerSealed` leaves identifier → key in `keys` (`ident`, and the register's key
 * column).
 */
export interface RegistrationTables {
  readonly values: string;
  readonly hash: string;
  readonly fresh: string;
  readonly keys: string;
}

// One row per identifier and key of the ring; `cur` marks the current key's hash, the one a
// new identifier gets. During a key rotation an identifier may still carry an older key's
// hash, so it is known when any of its hashes is in the register.
const HASH_COLUMNS: LakeColumn[] = [
  { name: 'ident', type: 'text', nullable: false },
  { name: 'h', type: 'text', nullable: false },
  { name: 'cur', type: 'boolean', nullable: false },
];
const HASH_NAMES = HASH_COLUMNS.map((c) => c.name);
// Rows handed to the appender at a time.
const APPEND_ROWS = 100_000;

/**
 * Registers every identifier of `values` once: each is sealed in JS (the key never enters
 * SQL), those not yet in the register are added (numbered after its highest key, the
 * ciphertext computed only for them), and `keys` maps every identifier to its key. The
 * comparison with the register is one join in the engine, whatever the number of values.
 * On PostgreSQL a table lock serialises imports from several servers here; DuckDB has one
 * writer anyway.
 */
export async function registerSealed(
  tx: LakeTx,
  engine: Lake['engine'],
  register: SealedRegister,
  tables: RegistrationTables,
  sealer: IdentifierSealer,
): Promise<void> {
  const q = quoteIdentifier;
  const distinct = await countRows(tx, `SELECT count(*) AS n FROM ${q(tables.values)}`);
  await tx.execute(createTempTableSql(tables.hash, HASH_COLUMNS, engine));
  const hashed: unknown[][] = [];
  for await (const page of pages<{ ident: string }>(tx, tables.values, 'ident', distinct)) {
    for (const { ident } of page) {
      sealer.blindIndexes(ident).forEach((h, i) => hashed.push([ident, h, i === 0]));
    }
    if (hashed.length >= APPEND_ROWS) await tx.appendRows(tables.hash, HASH_NAMES, hashed.splice(0));
  }
  if (hashed.length > 0) await tx.appendRows(tables.hash, HASH_NAMES, hashed.splice(0));
  if (engine === 'postgres') {
    await tx.execute(`ANALYZE ${q(tables.hash)}`);
    await tx.execute(`LOCK TABLE ${q(register.table)} IN SHARE ROW EXCLUSIVE MODE`);
  }
  const kind = register.kind === undefined ? '' : ', v.kind';
  await tx.execute(
    `CREATE TEMP TABLE ${q(tables.fresh)} AS
     SELECT row_number() OVER (ORDER BY hs.h) AS _seq, hs.ident, hs.h${kind}
     FROM ${q(tables.hash)} hs JOIN ${q(tables.values)} v ON v.ident = hs.ident
     WHERE hs.cur AND NOT EXISTS (
       SELECT 1 FROM ${q(tables.hash)} ho JOIN ${q(register.table)} r ON r.${q(register.hash)} = ho.h
       WHERE ho.ident = hs.ident)`,
  );
  const fresh = await countRows(tx, `SELECT count(*) AS n FROM ${q(tables.fresh)}`);
  const base = await countRows(tx, `SELECT coalesce(max(${q(register.key)}), 0) AS n FROM ${q(register.table)}`);
  const columns = [register.key, ...(register.kind === undefined ? [] : [register.kind]), register.hash, register.enc];
  const added: unknown[][] = [];
  let seq = 0;
  for await (const page of pages<{ ident: string; h: string; kind?: string }>(
    tx,
    tables.fresh,
    `ident, h${kind === '' ? '' : ', kind'}`,
    fresh,
  )) {
    for (const row of page) {
      const kindValue = register.kind === undefined ? [] : [row.kind];
      added.push([base + ++seq, ...kindValue, row.h, sealer.encrypt(row.ident)]);
    }
    if (added.length >= APPEND_ROWS) await tx.appendRows(register.table, columns, added.splice(0));
  }
  if (added.length > 0) await tx.appendRows(register.table, columns, added.splice(0));
  await tx.execute(
    `CREATE TEMP TABLE ${q(tables.keys)} AS SELECT hs.ident, r.${q(register.key)} FROM ${q(tables.hash)} hs
     JOIN ${q(register.table)} r ON r.${q(register.hash)} = hs.h`,
  );
  if (engine === 'postgres') await tx.execute(`ANALYZE ${q(tables.keys)}`);
}
