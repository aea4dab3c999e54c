import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Lake } from '../../lake/index.js';

/**
 * The ciphertext columns of both stores. A ciphertext starts with the key version it names
 * (`k<version>.<algorithm>.`; the oldest form, `v1.`, is version 1), so which key a value
 * needs is a prefix match, which lets SQL count and select them.
 */
export const USER_CIPHER_COLUMNS = ['phone_enc', 'totp_secret_enc', 'id_number_enc'] as const;

/** The lake's ciphertext columns: identifiers of people and organisations, bank accounts. */
const LAKE_CIPHER_COLUMNS = [
  ['subject_index', 'identifier_enc'],
  ['account_index', 'account_enc'],
] as const;

/** LIKE patterns matching the ciphertexts of one key version. */
export function versionPatterns(version: number): string[] {
  return version === 1 ? ['k1.%', 'v1.%'] : [`k${version}.%`];
}

/** How many ciphertexts in each store still need the key `version`. */
export async function countKeyUse(
  db: Kysely<DB>,
  lake: Lake,
  version: number,
): Promise<{ store: number; lake: number }> {
  const patterns = versionPatterns(version);
  let store = 0;
  for (const column of USER_CIPHER_COLUMNS) {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) => eb.or(patterns.map((p) => eb(column, 'like', p))))
      .executeTakeFirstOrThrow();
    store += Number(row.n);
  }
  let inLake = 0;
  for (const [table, column] of LAKE_CIPHER_COLUMNS) {
    if (!(await lake.hasTable(table))) continue;
    const where = patterns.map((_p, i) => `${column} LIKE $${i + 1}`).join(' OR ');
    const [row] = await lake.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, patterns);
    inLake += Number(row?.n ?? 0);
  }
  return { store, lake: inLake };
}
