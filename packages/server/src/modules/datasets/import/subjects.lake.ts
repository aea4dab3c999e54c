import { type Lake, type LakeColumn, type LakeTx, quoteIdentifier } from '../../../lake/index.js';
import { type StagePlan, type StageTables, subjectDictionaries } from './stage-sql.js';
import { countRows, createTempTableSql, pages } from './stage-tx.js';

/** Seals identifiers: the blind indexes (current key first) and the ciphertext (FieldCrypto). */
export interface IdentifierSealer {
  blindIndexes(value: string): string[];
  encrypt(value: string): string;
}

// One row per identifier and key of the ring; `cur` marks the current key's hash, the one
// new subjects get. During a key rotation a subject may still carry an older key's hash,
// so an identifier is known when any of its hashes is in `subject_index`.
const HASH_COLUMNS: LakeColumn[] = [
  { name: 'ident', type: 'text', nullable: false },
  { name: 'h', type: 'text', nullable: false },
  { name: 'cur', type: 'boolean', nullable: false },
];
const HASH_NAMES = HASH_COLUMNS.map((c) => c.name);
const SUBJECT_COLUMNS = ['subject_key', 'kind', 'identifier_hash', 'identifier_enc'];
// Rows handed to the appender at a time.
const APPEND_ROWS = 100_000;

/**
 * Seals every distinct identifier of the batch once (blind index in JS: the key never
 * enters SQL), adds the identifiers not yet in `subject_index` (numbered after the highest
 * key, ciphertext computed only for them), and leaves identifier → subject key in `keys`.
 * The identifiers are the accepted entries of the subject fields' dictionaries and those
 * of the rows the TS reference accepted. (An identifier seen only on rows refused for
 * another cell is registered too; it is in the rejected-rows report already.)
 * On PostgreSQL a table lock serialises imports from several servers here; DuckDB has one writer anyway.
 */
export async function resolveSubjects(
  tx: LakeTx,
  engine: Lake['engine'],
  plan: StagePlan,
  tables: StageTables,
  sealer: IdentifierSealer,
): Promise<void> {
  const q = quoteIdentifier;
  const sources = subjectDictionaries(plan).map(
    (i) => `SELECT v AS ident, kind FROM ${q(tables.dictionary(i))} WHERE ok AND v IS NOT NULL`,
  );
  for (const { key } of plan.layout.subjectFields) {
    sources.push(
      `SELECT ${q(key)} AS ident, ${q(`${key}_kind`)} AS kind FROM ${q(tables.fixed)} WHERE ${q(key)} IS NOT NULL`,
    );
  }
  await tx.execute(
    `CREATE TEMP TABLE ${q(tables.ids)} AS SELECT row_number() OVER (ORDER BY ident) AS _seq, ident, min(kind) AS kind FROM (${sources.join(' UNION ALL ')}) u GROUP BY ident`,
  );
  const distinct = await countRows(tx, `SELECT count(*) AS n FROM ${q(tables.ids)}`);
  await tx.execute(createTempTableSql(tables.hash, HASH_COLUMNS, engine));
  const hashed: unknown[][] = [];
  for await (const page of pages<{ ident: string }>(tx, tables.ids, 'ident', distinct)) {
    for (const { ident } of page) {
      sealer.blindIndexes(ident).forEach((h, i) => hashed.push([ident, h, i === 0]));
    }
    if (hashed.length >= APPEND_ROWS) await tx.appendRows(tables.hash, HASH_NAMES, hashed.splice(0));
  }
  if (hashed.length > 0) await tx.appendRows(tables.hash, HASH_NAMES, hashed.splice(0));
  if (engine === 'postgres') {
    await tx.execute(`ANALYZE ${q(tables.hash)}`);
    await tx.execute('LOCK TABLE subject_index IN SHARE ROW EXCLUSIVE MODE');
  }
  await tx.execute(
    `CREATE TEMP TABLE ${q(tables.fresh)} AS
     SELECT row_number() OVER (ORDER BY hs.h) AS _seq, hs.ident, hs.h, i.kind
     FROM ${q(tables.hash)} hs JOIN ${q(tables.ids)} i ON i.ident = hs.ident
     WHERE hs.cur AND NOT EXISTS (
       SELECT 1 FROM ${q(tables.hash)} ho JOIN subject_index s ON s.identifier_hash = ho.h WHERE ho.ident = hs.ident)`,
  );
  const fresh = await countRows(tx, `SELECT count(*) AS n FROM ${q(tables.fresh)}`);
  const base = await countRows(tx, 'SELECT coalesce(max(subject_key), 0) AS n FROM subject_index');
  const subjects: unknown[][] = [];
  let seq = 0;
  for await (const page of pages<{ ident: string; h: string; kind: string }>(
    tx,
    tables.fresh,
    'ident, h, kind',
    fresh,
  )) {
    for (const row of page) subjects.push([base + ++seq, row.kind, row.h, sealer.encrypt(row.ident)]);
    if (subjects.length >= APPEND_ROWS) await tx.appendRows('subject_index', SUBJECT_COLUMNS, subjects.splice(0));
  }
  if (subjects.length > 0) await tx.appendRows('subject_index', SUBJECT_COLUMNS, subjects.splice(0));
  await tx.execute(
    `CREATE TEMP TABLE ${q(tables.keys)} AS SELECT hs.ident, s.subject_key FROM ${q(tables.hash)} hs
     JOIN subject_index s ON s.identifier_hash = hs.h`,
  );
  if (engine === 'postgres') await tx.execute(`ANALYZE ${q(tables.keys)}`);
}
