import type { WarningServices } from './warning-services.js';
import type { WarningRow } from '../../db/schema.js';
import { findSubjectIdentifiers } from './evidence.lake.js';
import { type Masking, birthDatesOf } from './evidence.presenter.js';

/** The subject keys a warning names: its primary subject and the others of its hit. */
export function subjectKeysOfWarning(warning: Pick<WarningRow, 'subject_key' | 'subject_keys'>): number[] {
  const keys = Array.isArray(warning.subject_keys) ? (warning.subject_keys as unknown[]) : [];
  const all = [...keys, warning.subject_key]
    .filter((key) => key !== null && key !== undefined)
    .map(Number)
    .filter(Number.isFinite);
  return [...new Set(all)];
}

/**
 * For each list of subject keys (the people a warning names), the birth dates inside their
 * identity numbers, read from the subject index in one query: what a masked view of that
 * warning must not show.
 */
export async function findBirthDatesOfSubjects(
  services: WarningServices,
  subjectKeyLists: readonly (readonly number[])[],
): Promise<string[][]> {
  const identifiers = await findSubjectIdentifiers(services.lake, [...new Set(subjectKeyLists.flat())]);
  return subjectKeyLists.map((keys) => {
    const own = new Map(
      keys.flatMap((key) => {
        const subject = identifiers.get(key);
        return subject ? [[key, subject] as const] : [];
      }),
    );
    return birthDatesOf(own, services.fieldCrypto);
  });
}

/** The masking of these warnings for a viewer who has not revealed them (see findBirthDatesOfSubjects). */
export async function findWarningMasking(
  services: WarningServices,
  warnings: readonly WarningRow[],
): Promise<(warning: WarningRow) => Masking> {
  const birthDates = await findBirthDatesOfSubjects(services, warnings.map(subjectKeysOfWarning));
  const byId = new Map(warnings.map((w, i) => [w.id, birthDates[i] ?? []]));
  return (warning) => ({ unmasked: false, birthDates: byId.get(warning.id) ?? [] });
}
