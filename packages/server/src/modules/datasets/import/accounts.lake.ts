import { listDatasets } from '@qingfeng/core';
import { type Lake, type LakeTx, parameterList, quoteIdentifier } from '../../../lake/index.js';
import { ACCOUNT_INDEX_TABLE, datasetTable } from '../../catalogue/index.js';
import { type StagePlan, type StageTables, dictionaryFields } from './stage-sql.js';
import { ACCOUNT_REGISTER, type IdentifierSealer, registerSealed } from './sealed-register.lake.js';
import { countRows } from './stage-tx.js';

/** Creates the account register unless it exists (an import does; so does `keys rotate` on an older lake). */
export async function ensureAccountIndex(lake: Lake): Promise<void> {
  await lake.createTable(ACCOUNT_INDEX_TABLE);
  await lake.execute('CREATE UNIQUE INDEX IF NOT EXISTS account_index_hash_idx ON account_index (account_hash)');
}

/** The form a dataset's account column takes in the lake: `#<account_key>` (never the number). */
export function accountToken(accountKey: number): string {
  return `#${accountKey}`;
}

/** The account key a token names, or null for anything else (a number an older lake kept whole). */
export function accountKeyOf(token: string): number | null {
  const match = /^#([1-9]\d{0,15})$/.exec(token);
  return match ? Number(match[1]) : null;
}

// Account numbers looked up in account_index per query when showing them.
const LOOKUP_CHUNK = 1_000;
// An account key as the token the dataset tables keep, in SQL.
const TOKEN_SQL = `'#' || CAST(m.account_key AS VARCHAR)`;

/**
 * Replaces every bank account of the batch, in its staging tables, by its account token
 * before any row reaches the dataset's table: each distinct account is registered in
 * `account_index` (sealed, by `registerSealed`, as identity numbers are in `subject_index`)
 * and the dictionaries' and reviewed rows' values become `#<account_key>`. The same account
 * always gets the same key, so models comparing accounts for equality find what they found
 * on the numbers.
 */
export async function sealAccounts(
  tx: LakeTx,
  engine: Lake['engine'],
  plan: StagePlan,
  tables: StageTables,
  sealer: IdentifierSealer,
): Promise<void> {
  const q = quoteIdentifier;
  const fields = dictionaryFields(plan).filter(({ s }) => s.field.type === 'account');
  if (fields.length === 0) return;
  const sources = fields.flatMap(({ s, i }) => [
    `SELECT v AS plain FROM ${q(tables.dictionary(i))} WHERE ok AND v IS NOT NULL`,
    `SELECT ${q(s.field.key)} AS plain FROM ${q(tables.fixed)} WHERE ${q(s.field.key)} IS NOT NULL`,
  ]);
  await tx.execute(
    `CREATE TEMP TABLE ${q(tables.accounts)} AS SELECT row_number() OVER (ORDER BY plain) AS _seq, plain AS ident
     FROM (${sources.join(' UNION ALL ')}) u GROUP BY plain`,
  );
  const keys = tables.accountKeys;
  await registerSealed(
    tx,
    engine,
    ACCOUNT_REGISTER,
    { values: tables.accounts, hash: tables.accountHash, fresh: tables.accountFresh, keys },
    sealer,
  );
  for (const { s, i } of fields) {
    const dict = q(tables.dictionary(i));
    await tx.execute(`UPDATE ${dict} SET v = ${TOKEN_SQL} FROM ${q(keys)} m WHERE ${dict}.v = m.ident`);
    const column = q(s.field.key);
    await tx.execute(
      `UPDATE ${q(tables.fixed)} SET ${column} = ${TOKEN_SQL} FROM ${q(keys)} m WHERE ${q(tables.fixed)}.${column} = m.ident`,
    );
  }
}

// The temporary tables of one call of sealPlainAccounts, dropped before it commits.
const PLAIN_TABLES = {
  values: '_qf_plain_accounts',
  hash: '_qf_plain_account_hash',
  fresh: '_qf_plain_account_new',
  keys: '_qf_plain_account_keys',
};

/**
 * Seals the accounts a lake written before accounts were sealed still keeps whole: up to
 * `batchSize` distinct numbers of one dataset column per call, each replaced in place by its
 * token. Returns how many numbers it sealed (0 once none is left). `keys rotate` runs it.
 */
export async function sealPlainAccounts(lake: Lake, sealer: IdentifierSealer, batchSize: number): Promise<number> {
  const q = quoteIdentifier;
  for (const dataset of listDatasets()) {
    const table = datasetTable(dataset.key);
    const accounts = dataset.fields.filter((f) => f.type === 'account');
    if (accounts.length === 0 || !(await lake.hasTable(table))) continue;
    for (const field of accounts) {
      const column = q(field.key);
      const sealed = await lake.transaction(async (tx) => {
        await tx.execute(
          `CREATE TEMP TABLE ${q(PLAIN_TABLES.values)} AS SELECT row_number() OVER (ORDER BY plain) AS _seq, plain AS ident
           FROM (SELECT DISTINCT ${column} AS plain FROM ${q(table)} WHERE ${column} IS NOT NULL AND ${column} NOT LIKE '#%'
                 ORDER BY 1 LIMIT ${Math.max(1, Math.floor(batchSize))}) p`,
        );
        const found = await countRows(tx, `SELECT count(*) AS n FROM ${q(PLAIN_TABLES.values)}`);
        if (found > 0) {
          await registerSealed(tx, lake.engine, ACCOUNT_REGISTER, PLAIN_TABLES, sealer);
          await tx.execute(
            `UPDATE ${q(table)} SET ${column} = ${TOKEN_SQL} FROM ${q(PLAIN_TABLES.keys)} m WHERE ${q(table)}.${column} = m.ident`,
          );
        }
        for (const temp of Object.values(PLAIN_TABLES)) await tx.execute(`DROP TABLE IF EXISTS ${q(temp)}`);
        return found;
      });
      if (sealed > 0) return sealed;
    }
  }
  return 0;
}

/** The ciphertext of each account key (`account_index`), for showing accounts masked or revealed. */
export async function findAccountCiphertexts(lake: Lake, keys: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (keys.length === 0 || !(await lake.hasTable('account_index'))) return out;
  const distinct = [...new Set(keys)];
  for (let at = 0; at < distinct.length; at += LOOKUP_CHUNK) {
    const part = distinct.slice(at, at + LOOKUP_CHUNK);
    const rows = await lake.query<{ account_key: unknown; account_enc: string }>(
      `SELECT account_key, account_enc FROM account_index WHERE account_key IN (${parameterList(part)})`,
      part,
    );
    for (const row of rows) out.set(Number(row.account_key), row.account_enc);
  }
  return out;
}

/** The token of an account number, looked up by its blind indexes; undefined when the lake never saw it. */
export async function findAccountToken(lake: Lake, hashes: readonly string[]): Promise<string | undefined> {
  if (hashes.length === 0 || !(await lake.hasTable('account_index'))) return undefined;
  const rows = await lake.query<{ account_key: unknown }>(
    `SELECT account_key FROM account_index WHERE account_hash IN (${parameterList(hashes)})`,
    [...hashes],
  );
  return rows[0] === undefined ? undefined : accountToken(Number(rows[0].account_key));
}

/**
 * Puts each account's ciphertext beside its token as `<field>__enc` on rows read from a
 * dataset table (`columnOf` names the row's key for a field), in place.
 */
export async function attachAccountCiphertexts(
  lake: Lake,
  fields: readonly { key: string; type: string }[],
  rows: Record<string, unknown>[],
  columnOf: (field: string) => string = (field) => field,
): Promise<void> {
  const accounts = fields.filter((f) => f.type === 'account');
  const keys: number[] = [];
  for (const row of rows) {
    for (const f of accounts) {
      const value = row[columnOf(f.key)];
      const key = typeof value === 'string' ? accountKeyOf(value) : null;
      if (key !== null) keys.push(key);
    }
  }
  const sealed = await findAccountCiphertexts(lake, keys);
  for (const row of rows) {
    for (const f of accounts) {
      const value = row[columnOf(f.key)];
      const key = typeof value === 'string' ? accountKeyOf(value) : null;
      if (key !== null) row[`${f.key}__enc`] = sealed.get(key) ?? null;
    }
  }
}
