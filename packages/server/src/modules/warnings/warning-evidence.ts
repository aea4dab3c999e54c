import { maskIdNumber } from '@qingfeng/core';
import type { WarningServices } from './warning-services.js';
import type { WarningEvidenceRow, WarningRow } from '../../db/schema.js';
import type { RowJurisdiction } from '../../models-engine/model-engine.js';
import { fetchRows, findSubjectIdentifiers, type RowRef, rowAt } from './evidence.lake.js';
import {
  type Masking,
  type SubjectIdentifiers,
  birthDatesOf,
  presentEvidenceRow,
  subjectKeysOf,
} from './evidence.presenter.js';
import { subjectKeysOfWarning } from './warning-masking.js';
import type { TEvidenceRow, TSubject } from './warnings.schemas.js';

/** A warning and the addresses of its evidence rows, as the operational store keeps them. */
export interface WarningWithEvidence {
  readonly warning: WarningRow;
  readonly evidence: readonly WarningEvidenceRow[];
}

/** What one viewer may see of a warning's evidence: its rows, its subjects, and the masking of everything beside them. */
export interface ViewedEvidence {
  readonly masking: Masking;
  readonly evidence: TEvidenceRow[];
  readonly subjects: TSubject[];
  /** Every subject the warning or its visible rows name, still encrypted (for the audit trail). */
  readonly identifiers: SubjectIdentifiers;
}

/**
 * The evidence rows and subjects of these warnings as a viewer of `scope` sees them, read
 * from the lake in one pass for all of them (the warning detail view and the export share
 * it, so both follow one rule). A row inside the jurisdiction shows its values; a row of
 * another jurisdiction is named with its values withheld (`outsideJurisdiction`); a row a
 * rollback removed is named with no values. Unless `unmasked`, identity, phone and bank
 * account numbers are masked, and each warning hides the birth dates of every person it
 * or its visible rows name. A subject's identifier is shown only where one of the visible
 * rows shows it too, so the subject list gives away nothing the rows withhold.
 */
export async function viewEvidence(
  services: WarningServices,
  scope: RowJurisdiction | undefined,
  items: readonly WarningWithEvidence[],
  unmasked: boolean,
): Promise<ViewedEvidence[]> {
  if (items.length === 0) return [];
  const refsOf = (evidence: readonly WarningEvidenceRow[]): RowRef[] =>
    evidence.map((e) => ({ dataset: e.dataset, batchId: e.batch_id, rowNo: e.row_no }));
  const refs = items.flatMap((item) => refsOf(item.evidence));
  const rows = await fetchRows(services.lake, refs, undefined, scope);
  // Rows still in the lake but outside the jurisdiction: only their addresses are read.
  const withheld = scope
    ? await fetchRows(
        services.lake,
        refs.filter((ref) => !rowAt(rows, ref)),
        [],
      )
    : new Map<string, Record<string, unknown>>();
  const shownKeysOf = (itemRefs: readonly RowRef[]) =>
    new Set(itemRefs.flatMap((ref) => subjectKeysOf(rowAt(rows, ref) ?? {})));
  const allKeys = new Set<number>();
  for (const item of items) {
    for (const key of shownKeysOf(refsOf(item.evidence))) allKeys.add(key);
    for (const key of subjectKeysOfWarning(item.warning)) allKeys.add(key);
  }
  const identifiers = await findSubjectIdentifiers(services.lake, [...allKeys].filter(Number.isFinite));

  return items.map(({ warning, evidence }) => {
    const itemRefs = refsOf(evidence);
    const shownKeys = shownKeysOf(itemRefs);
    const own: SubjectIdentifiers = new Map(
      [...shownKeys, ...subjectKeysOfWarning(warning)].flatMap((key) => {
        const subject = identifiers.get(key);
        return subject ? [[key, subject] as const] : [];
      }),
    );
    // Masked, nothing shown of the warning may give the birth date of any person it names.
    const masking: Masking = unmasked
      ? { unmasked: true }
      : { unmasked: false, birthDates: birthDatesOf(own, services.fieldCrypto) };
    const presented = evidence.map((e, i) => ({
      ...presentEvidenceRow(e, rowAt(rows, itemRefs[i] as RowRef), own, services.fieldCrypto, masking),
      outsideJurisdiction: rowAt(withheld, itemRefs[i] as RowRef) !== undefined,
    }));
    return {
      masking,
      evidence: presented,
      subjects: presentSubjects(warning, own, scope === undefined ? undefined : shownKeys, services, masking),
      identifiers: own,
    };
  });
}

/**
 * The warning's subjects, its primary subject first: each subject key with the kind and
 * identifier it stands for (identity numbers masked unless revealed; organisations' credit
 * codes are public). With `shownKeys`, an identifier outside them is withheld.
 */
function presentSubjects(
  warning: WarningRow,
  identifiers: SubjectIdentifiers,
  shownKeys: ReadonlySet<number> | undefined,
  services: WarningServices,
  masking: Masking,
): TSubject[] {
  const primary = warning.subject_key === null ? undefined : Number(warning.subject_key);
  const keys = subjectKeysOfWarning(warning).sort((a, b) => Number(b === primary) - Number(a === primary) || a - b);
  return keys.map((key) => {
    const subject = identifiers.get(key);
    const isShown = subject !== undefined && (shownKeys === undefined || shownKeys.has(key));
    const identifier = isShown ? services.fieldCrypto.decrypt(subject.enc) : null;
    const isPerson = subject?.kind !== 'organisation';
    return {
      subjectKey: String(key),
      kind: subject?.kind ?? null,
      primary: key === primary,
      identifier: identifier === null || masking.unmasked || !isPerson ? identifier : maskIdNumber(identifier),
      withheld: subject !== undefined && !isShown,
    };
  });
}
