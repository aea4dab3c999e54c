import type { WarningRow } from '../../db/schema.js';
import type { Platform } from '../../platform/platform.js';
import { rowJurisdictionOf } from '../datasets/index.js';
import { findSubjectIdentifiers } from './evidence.lake.js';
import { findNamesInScope } from './people/people.lake.js';
import { subjectKeysOfWarning } from './warning-masking.js';

/** A person a warning names, as the rows inside a jurisdiction name them; the identity number stays on the server. */
export interface WarningPerson {
  readonly warningId: number;
  readonly subjectKey: number;
  /** The subject the hit is about; the others are its other parties. */
  readonly primary: boolean;
  readonly name: string;
  /** The whole number, decrypted: whoever passes it on masks it first. */
  readonly idNumber: string;
}

/**
 * The people these warnings name (the subject index's persons, not organisations), each by
 * the name the rows inside the jurisdiction `prefix` give them: a person no such row names
 * is left out, so nothing is learnt of people known only elsewhere. The primary subject
 * comes first in each warning.
 */
export async function peopleOfWarnings(
  platform: Platform,
  prefix: string,
  warnings: readonly Pick<WarningRow, 'id' | 'subject_key' | 'subject_keys'>[],
): Promise<WarningPerson[]> {
  const keysOf = new Map(warnings.map((w) => [w.id, subjectKeysOfWarning(w)]));
  const all = [...new Set([...keysOf.values()].flat())];
  if (all.length === 0) return [];
  const scope = await rowJurisdictionOf(platform.database.db, prefix);
  const [identifiers, names] = await Promise.all([
    findSubjectIdentifiers(platform.lake, all),
    findNamesInScope(platform.lake, scope, all),
  ]);
  return warnings.flatMap((w) => {
    const primary = w.subject_key === null ? undefined : Number(w.subject_key);
    const keys = (keysOf.get(w.id) ?? []).sort((a, b) => Number(b === primary) - Number(a === primary) || a - b);
    return keys.flatMap((key) => {
      const subject = identifiers.get(key);
      const name = names.get(key);
      if (subject?.kind !== 'person' || name === undefined) return [];
      const idNumber = platform.fieldCrypto.decrypt(subject.enc);
      return [{ warningId: w.id, subjectKey: key, primary: key === primary, name, idNumber }];
    });
  });
}
