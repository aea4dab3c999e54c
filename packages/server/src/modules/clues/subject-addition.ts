import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { StepRefusedError } from '../../http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { findKinshipConflicts, type KinshipConflict } from './clue-kinship.js';
import { candidateOf, duplicateSubject, type SubjectIdentity } from './clue-subjects.js';
import type { TSubjectInput } from './clues.schemas.js';

/** A clue or a case about to name one more subject: where it lies, whom it names, its record and how it recuses. */
export interface SubjectHolder<R> {
  divisionCode: string;
  subjects: readonly SubjectIdentity[];
  record: R;
  recuse: (record: R, userId: string) => R;
}

/**
 * What adding `input` to a clue or a case decides, the same for both, before each writes
 * it in its own tables: a 409 `duplicate_subject` (the reason in both languages) when the
 * holder already names the subject; otherwise the staff whom the new subject's kinship
 * reaches, and the record with each of them recused (the holder's own record when none).
 */
export async function decideSubjectAddition<R>(
  platform: Platform,
  trx: Kysely<DB>,
  holder: SubjectHolder<R>,
  input: TSubjectInput,
): Promise<{ conflicts: KinshipConflict[]; record: R }> {
  const duplicate = duplicateSubject(holder.subjects, candidateOf(platform.fieldCrypto, input));
  if (duplicate) throw new StepRefusedError(409, 'duplicate_subject', duplicate);
  const idNumbers = input.idNumber ? [input.idNumber] : [];
  const conflicts = await findKinshipConflicts(platform, trx, holder.divisionCode, idNumbers);
  const record = conflicts.reduce((r, c) => holder.recuse(r, String(c.userId)), holder.record);
  return { conflicts, record };
}
