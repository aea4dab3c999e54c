import { isWithinJurisdiction } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Platform } from '../../platform/platform.js';
import { relativesOf, subjectKeysByHash } from './clue-kinship.lake.js';
import { ClueTiesRepository } from './clue-ties.repository.js';

/** A member of staff who must not handle a clue: its subject, or a relative of its subject. */
export interface KinshipConflict {
  readonly userId: number;
  readonly name: string;
}

/**
 * The staff whose jurisdiction covers `divisionCode` and who are one of the people with
 * these identity numbers or their relative in the lake's kinship data. Staff carry their
 * identity numbers sealed; each is opened here only to compute its blind indexes.
 */
export async function findKinshipConflicts(
  platform: Platform,
  db: Kysely<DB>,
  divisionCode: string,
  idNumbers: readonly string[],
): Promise<KinshipConflict[]> {
  if (idNumbers.length === 0) return [];
  const staff = (await new ClueTiesRepository(db).findStaffWithIdNumbers()).filter((u) =>
    isWithinJurisdiction(divisionCode, u.division_code),
  );
  if (staff.length === 0) return [];
  const crypto = platform.fieldCrypto;
  const staffHashes = staff.map((u) => crypto.blindIndexes(crypto.decrypt(u.id_number_enc)));
  const subjectHashes = idNumbers.flatMap((id) => crypto.blindIndexes(id));
  const keys = await subjectKeysByHash(platform.lake, [...new Set([...subjectHashes, ...staffHashes.flat()])]);
  const subjects = [...new Set(subjectHashes.flatMap((h) => (keys.has(h) ? [keys.get(h)!] : [])))];
  const close = new Set([...subjects, ...(await relativesOf(platform.lake, subjects))]);
  const subjectHashSet = new Set(subjectHashes);
  return staff.flatMap((u, i) => {
    const hashes = staffHashes[i]!;
    // The subject themselves, known to the lake or not, or a relative the lake knows.
    const conflicted = hashes.some((h) => subjectHashSet.has(h) || (keys.has(h) && close.has(keys.get(h)!)));
    return conflicted ? [{ userId: u.id, name: u.display_name }] : [];
  });
}
