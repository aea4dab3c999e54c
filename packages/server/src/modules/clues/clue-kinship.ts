import { isWithinJurisdiction } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Platform } from '../../platform/platform.js';
import { relativesOf, subjectKeysByHash } from './clue-kinship.lake.js';
import { ClueTiesRepository } from './clue-ties.repository.js';
import { KINSHIP_RECUSAL_ACTION } from './clues.presenter.js';
import { CluesRepository } from './clues.repository.js';

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

/**
 * Writes, with `trx`, what kinship recusals leave behind once the record lists them: a row
 * per person for the lists to leave the clue out, and a timeline entry naming each, found
 * by the server on the occasion of `by`'s step (receipt, a subject added).
 */
export async function writeKinshipRecusals(
  trx: Kysely<DB>,
  by: { userId: number; displayName: string },
  clueId: number,
  state: string,
  conflicts: readonly KinshipConflict[],
  at: Date,
): Promise<void> {
  await new ClueTiesRepository(trx).insertRecusals(
    clueId,
    conflicts.map((c) => c.userId),
    'kinship',
  );
  const repository = new CluesRepository(trx);
  for (const conflict of conflicts) {
    await repository.insertStep({
      clue_id: clueId,
      action: KINSHIP_RECUSAL_ACTION,
      from_state: state,
      to_state: state,
      actor_id: by.userId,
      actor_name: by.displayName,
      at,
      payload: { person: conflict.name },
      reason: null,
      attachments: [],
      deadline: null,
    });
  }
}
