import { type Lake, parameterList } from '../../lake/index.js';

/*
 * Lake SQL of kinship: who is whose relative, by subject key. People are named by their
 * identity numbers' blind indexes (one per key of the ring, since the lake may still carry an
 * older key's during a rotation); every value is bound.
 */

/** The subject key each of these blind indexes names, by index; one the lake never saw is absent. */
export async function subjectKeysByHash(lake: Lake, hashes: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (hashes.length === 0 || !(await lake.hasTable('subject_index'))) return out;
  const rows = await lake.query<{ subject_key: unknown; identifier_hash: string }>(
    `SELECT subject_key, identifier_hash FROM subject_index WHERE kind = 'person' AND identifier_hash IN (${parameterList(hashes)})`,
    [...hashes],
  );
  for (const row of rows) out.set(row.identifier_hash, Number(row.subject_key));
  return out;
}

/**
 * The relatives of these people in the kinship dataset (干部亲属关系), both ways: an
 * official's relatives and, for a relative, the official they are reported under.
 */
export async function relativesOf(lake: Lake, subjectKeys: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  if (subjectKeys.length === 0 || !(await lake.hasTable('ds_kinship'))) return out;
  const list = parameterList(subjectKeys);
  const rows = await lake.query<{ official: unknown; relative: unknown }>(
    `SELECT official_id_sk AS official, relative_id_sk AS relative FROM ds_kinship
      WHERE official_id_sk IN (${list}) OR relative_id_sk IN (${list})`,
    [...subjectKeys],
  );
  for (const row of rows) {
    if (row.official !== null) out.add(Number(row.official));
    if (row.relative !== null) out.add(Number(row.relative));
  }
  return out;
}
