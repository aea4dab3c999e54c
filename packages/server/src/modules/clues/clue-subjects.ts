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
    ...storedSubjectFields(crypto, s),
    name_key: s.kind === 'unit' ? foldForMatch(s.name) : null,
  }));
}

/** What a clue or a case stores of a subject: the identity number only sealed (encrypted, and its blind index). */
export function storedSubjectFields(
  crypto: FieldCrypto,
  s: {
    kind: 'official' | 'unit';
    name: string;
    position?: string | undefined;
    idNumber?: string | undefined;
    creditCode?: string | undefined;
  },
) {
  return {
    kind: s.kind,
    name: s.name,
    position: s.position ?? null,
    id_number_enc: s.idNumber ? crypto.encrypt(s.idNumber) : null,
    id_number_hash: s.idNumber ? crypto.blindIndex(s.idNumber) : null,
    credit_code: s.creditCode ?? null,
  };
}

/** What a stored subject is compared by: a person's identity number's blind index, a unit's credit code. */
export interface SubjectIdentity {
  id_number_hash: string | null;
  credit_code: string | null;
}

/** A subject about to be added: every blind index of its identity number (one per key of the ring), its credit code. */
export interface CandidateSubject {
  idNumberHashes: readonly string[];
  creditCode: string | null;
}

/**
 * Why `candidate` is already among `existing`, in both languages, or null when it is not:
 * the same person (a blind index under any key of the ring, so a rotation hides no one) or
 * the same unit (the same credit code). A subject known by name only is never taken for another.
 */
export function duplicateSubject(
  existing: readonly SubjectIdentity[],
  candidate: CandidateSubject,
): { zh: string; en: string } | null {
  if (existing.some((s) => s.id_number_hash !== null && candidate.idNumberHashes.includes(s.id_number_hash))) {
    return {
      zh: '该人员已是本事项的对象（身份证号相同）',
      en: 'This person is already a subject (same identity number)',
    };
  }
  if (candidate.creditCode !== null && existing.some((s) => s.credit_code === candidate.creditCode)) {
    return {
      zh: '该单位已是本事项的对象（统一社会信用代码相同）',
      en: 'This unit is already a subject (same unified social credit code)',
    };
  }
  return null;
}

/** The candidate form of a subject as typed: its identity number's blind indexes, its credit code. */
export function candidateOf(crypto: FieldCrypto, subject: TSubjectInput): CandidateSubject {
  return {
    idNumberHashes: subject.idNumber ? crypto.blindIndexes(subject.idNumber) : [],
    creditCode: subject.creditCode ?? null,
  };
}
