import { listDatasets } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import { datasetTable } from '../catalogue/index.js';
import { ensureAccountIndex, sealPlainAccounts } from '../datasets/index.js';
import type { DB } from '../../db/schema.js';
import type { Lake } from '../../lake/index.js';
import type { FieldCrypto } from '../../security/field-crypto.js';
import { USER_CIPHER_COLUMNS } from './key-usage.js';

export interface ReencryptDeps {
  readonly db: Kysely<DB>;
  readonly lake: Lake;
  readonly fieldCrypto: FieldCrypto;
}

export interface ReencryptOptions {
  /** Rows read and rewritten per transaction. */
  readonly batchSize?: number;
  /** Stops after this many batches (tests simulate an interrupted rotation with it). */
  readonly maxBatches?: number;
  readonly onBatch?: (counts: ReencryptCounts) => void;
}

export interface ReencryptCounts {
  /** Users whose phone number or TOTP secret was re-sealed. */
  users: number;
  /** Lake subjects whose identifier and blind index were re-sealed. */
  subjects: number;
  /** Bank accounts of the lake (account_index) whose number and blind index were re-sealed. */
  accounts: number;
}

const DEFAULT_BATCH = 500;

/**
 * Re-seals every ciphertext that is not under the current key and cipher, in small
 * batches, each its own transaction, so the stores stay in use throughout: a reader holds
 * every key of the ring and opens either form, and lookups match a blind index of any key.
 * Each row is rewritten only if its ciphertext is still the one that was read, so an edit
 * made meanwhile is never overwritten. Resumable: a rerun picks up what is left.
 */
export async function reencryptAll(deps: ReencryptDeps, options: ReencryptOptions = {}): Promise<ReencryptCounts> {
  const counts: ReencryptCounts = { users: 0, subjects: 0, accounts: 0 };
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let batches = 0;
  const more = () => options.maxBatches === undefined || batches < options.maxBatches;
  while (more()) {
    const done = await reencryptUsers(deps, batchSize);
    if (done === 0) break;
    counts.users += done;
    batches++;
    options.onBatch?.(counts);
  }
  while (more()) {
    const done = await reencryptSubjects(deps, batchSize);
    if (done === 0) break;
    counts.subjects += done;
    batches++;
    options.onBatch?.(counts);
  }
  // A lake from before accounts were sealed: its numbers are sealed first, under the current key.
  if (await hasAccountFields(deps.lake)) await ensureAccountIndex(deps.lake);
  while (more()) {
    const done = await sealPlainAccounts(deps.lake, deps.fieldCrypto, batchSize);
    if (done === 0) break;
    counts.accounts += done;
    batches++;
    options.onBatch?.(counts);
  }
  while (more()) {
    const done = await reencryptAccounts(deps, batchSize);
    if (done === 0) break;
    counts.accounts += done;
    batches++;
    options.onBatch?.(counts);
  }
  return counts;
}

/** Whether the lake holds any dataset with a bank account field. */
async function hasAccountFields(lake: Lake): Promise<boolean> {
  for (const dataset of listDatasets()) {
    if (dataset.fields.some((f) => f.type === 'account') && (await lake.hasTable(datasetTable(dataset.key))))
      return true;
  }
  return false;
}

/** The prefix of ciphertexts already under the current key and cipher. */
function currentPrefix(crypto: FieldCrypto): string {
  return `k${crypto.currentVersion()}.${crypto.cipher === 'sm4-ctr-hmac-sm3' ? 'sm4' : 'aes'}.`;
}

async function reencryptUsers({ db, fieldCrypto }: ReencryptDeps, batchSize: number): Promise<number> {
  const current = `${currentPrefix(fieldCrypto)}%`;
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'phone_enc', 'totp_secret_enc', 'id_number_enc'])
      .where((eb) =>
        eb.or(
          USER_CIPHER_COLUMNS.map((column) => eb.and([eb(column, 'is not', null), eb(column, 'not like', current)])),
        ),
      )
      .orderBy('id')
      .limit(batchSize)
      .forUpdate()
      .execute();
    for (const row of rows) {
      const phone = row.phone_enc === null ? null : fieldCrypto.decrypt(row.phone_enc);
      const secret = row.totp_secret_enc === null ? null : fieldCrypto.decrypt(row.totp_secret_enc);
      const idNumber = row.id_number_enc === null ? null : fieldCrypto.decrypt(row.id_number_enc);
      await trx
        .updateTable('users')
        .set({
          phone_enc: phone === null ? null : fieldCrypto.encrypt(phone),
          phone_hash: phone === null ? null : fieldCrypto.blindIndex(phone),
          totp_secret_enc: secret === null ? null : fieldCrypto.encrypt(secret),
          id_number_enc: idNumber === null ? null : fieldCrypto.encrypt(idNumber),
          id_number_hash: idNumber === null ? null : fieldCrypto.blindIndex(idNumber),
        })
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  });
}

async function reencryptSubjects({ lake, fieldCrypto }: ReencryptDeps, batchSize: number): Promise<number> {
  if (!(await lake.hasTable('subject_index'))) return 0;
  return lake.transaction(async (tx) => {
    const rows = await tx.query<{ subject_key: unknown; identifier_enc: string }>(
      `SELECT subject_key, identifier_enc FROM subject_index WHERE identifier_enc NOT LIKE $1
       ORDER BY subject_key LIMIT ${batchSize}`,
      [`${currentPrefix(fieldCrypto)}%`],
    );
    if (rows.length === 0) return 0;
    const params: unknown[] = [];
    const values = rows.map((row) => {
      const identifier = fieldCrypto.decrypt(row.identifier_enc);
      params.push(
        Number(row.subject_key),
        fieldCrypto.encrypt(identifier),
        fieldCrypto.blindIndex(identifier),
        row.identifier_enc,
      );
      const n = params.length;
      return `($${n - 3}::bigint, $${n - 2}::text, $${n - 1}::text, $${n}::text)`;
    });
    // One statement per batch; the old ciphertext in the condition leaves a row that an
    // import or another rotation changed meanwhile to the next pass.
    await tx.execute(
      `UPDATE subject_index SET identifier_enc = v.enc, identifier_hash = v.hash
       FROM (VALUES ${values.join(', ')}) AS v(sk, enc, hash, old)
       WHERE subject_index.subject_key = v.sk AND subject_index.identifier_enc = v.old`,
      params,
    );
    return rows.length;
  });
}

/**
 * Re-seals bank accounts as subjects are: only `account_index` changes, since the dataset
 * tables hold each account's key, never its number or hash.
 */
async function reencryptAccounts({ lake, fieldCrypto }: ReencryptDeps, batchSize: number): Promise<number> {
  if (!(await lake.hasTable('account_index'))) return 0;
  return lake.transaction(async (tx) => {
    const rows = await tx.query<{ account_key: unknown; account_enc: string }>(
      `SELECT account_key, account_enc FROM account_index WHERE account_enc NOT LIKE $1
       ORDER BY account_key LIMIT ${batchSize}`,
      [`${currentPrefix(fieldCrypto)}%`],
    );
    if (rows.length === 0) return 0;
    const params: unknown[] = [];
    const values = rows.map((row) => {
      const account = fieldCrypto.decrypt(row.account_enc);
      params.push(
        Number(row.account_key),
        fieldCrypto.encrypt(account),
        fieldCrypto.blindIndex(account),
        row.account_enc,
      );
      const n = params.length;
      return `($${n - 3}::bigint, $${n - 2}::text, $${n - 1}::text, $${n}::text)`;
    });
    await tx.execute(
      `UPDATE account_index SET account_enc = v.enc, account_hash = v.hash
       FROM (VALUES ${values.join(', ')}) AS v(ak, enc, hash, old)
       WHERE account_index.account_key = v.ak AND account_index.account_enc = v.old`,
      params,
    );
    return rows.length;
  });
}
