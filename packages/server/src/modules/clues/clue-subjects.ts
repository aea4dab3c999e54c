import { foldForMatch } from '@qingfeng/core';
import type { ClueSubjectRow } from '../../db/schema.js';
import type { FieldCrypto } from '../../security/field-crypto.js';
import type { TSubjectInput } from './clues.schemas.js';

/**
 * The stored form of a clue's subjects: identity numbers sealed with a blind index, a unit's
 * credit code (already normalised by the schema) and its name folded for comparison, so
 * other clues on the same person or unit are found by index (clue-related.repository.ts).
 */
export function subjectRows(
  crypto: FieldCrypto,
  clueId: number,
  subjects: readonly TSubjectInput[],
): Omit<ClueSubjectRow, 'id'>[] {
  return subjects.map((s) => ({
    clue_id: clueId,
    kind: s.kind,
    name: s.name,
    position: s.position ?? null,
    id_number_enc: s.idNumber ? crypto.encrypt(s.idNumber) : null,
    id_number_hash: s.idNumber ? crypto.blindIndex(s.idNumber) : null,
    credit_code: s.creditCode ?? null,
    name_key: s.kind === 'unit' ? foldForMatch(s.name) : null,
  }));
}
