import {
  type LocalisedText,
  birthDateInIdNumber,
  columnKind,
  columnLabel,
  columnValueText,
  findDataset,
  type Lang,
  maskDatesInText,
  maskIdNumber,
  maskAccountNumber,
  maskRowValue,
  type PlaceNames,
  toDivisionCode12,
} from '@qingfeng/core';
import type { WarningEvidenceRow } from '../../db/schema.js';
import type { FieldCrypto } from '../../security/field-crypto.js';

/** A subject key's identifier as the lake keeps it (encrypted). */
export type SubjectIdentifiers = Map<number, { kind: string; enc: string }>;

/** The subject keys a lake row refers to, from its `<field>_sk` columns. */
export function subjectKeysOf(row: Record<string, unknown>): number[] {
  return Object.entries(row)
    .filter(([column, value]) => column.endsWith('_sk') && value !== null && value !== undefined)
    .map(([, value]) => Number(value));
}

/**
 * The birth dates inside the person identifiers among `identifiers`: the digits a mask
 * hides, which a masked view must therefore not show in any other form.
 */
export function birthDatesOf(identifiers: SubjectIdentifiers, crypto: FieldCrypto): string[] {
  const dates = new Set<string>();
  for (const subject of identifiers.values()) {
    if (subject.kind === 'organisation') continue;
    const date = birthDateInIdNumber(crypto.decrypt(subject.enc));
    if (date) dates.add(date);
  }
  return [...dates];
}

/**
 * How a warning is shown: whole (revealed with a reason, person.read, audited), or masked,
 * hiding the birth dates of the masked identity numbers it concerns.
 */
export type Masking =
  { readonly unmasked: true } | { readonly unmasked: false; readonly birthDates: readonly string[] };

function scalar(value: unknown): string | number | boolean | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/**
 * A source row shaped for a person to check by hand: every field under its catalogue key,
 * subject keys replaced by the identity number or credit code they stand for. Unless
 * revealed, identity numbers are masked (organisations' credit codes are public), phones
 * and bank accounts keep their last four, and what an identity number gives away goes with
 * it: a birth date shows its year only, and the birth dates of the masked numbers appear
 * nowhere, in any form.
 */
export function presentEvidenceRow(
  evidence: WarningEvidenceRow,
  row: Record<string, unknown> | undefined,
  identifiers: SubjectIdentifiers,
  crypto: FieldCrypto,
  masking: Masking,
) {
  const base = { dataset: evidence.dataset, batchId: evidence.batch_id, rowNo: evidence.row_no, role: evidence.role };
  if (!row) return { ...base, values: null };
  const types = new Map(findDataset(evidence.dataset)?.fields.map((f) => [f.key, f.type]) ?? []);
  const values: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === '_batch_id' || column === '_row_no' || column.endsWith('__enc')) continue;
    const sealedAccount = row[`${column}__enc`];
    if (types.get(column) === 'account' && sealedAccount !== undefined) {
      const account = typeof sealedAccount === 'string' ? crypto.decrypt(sealedAccount) : null;
      values[column] = account === null || masking.unmasked ? account : maskAccountNumber(account);
      continue;
    }
    if (column.endsWith('_sk')) {
      const subject = value === null || value === undefined ? undefined : identifiers.get(Number(value));
      const identifier = subject ? crypto.decrypt(subject.enc) : null;
      const isPerson = subject?.kind !== 'organisation';
      values[column.slice(0, -3)] =
        identifier === null ? null : masking.unmasked || !isPerson ? identifier : maskIdNumber(identifier);
      continue;
    }
    if (masking.unmasked || value === null || value === undefined) values[column] = value;
    else if (typeof value === 'object')
      values[column] = JSON.parse(maskDatesInText(JSON.stringify(value), masking.birthDates)) as unknown;
    else values[column] = maskRowValue(column, types.get(column), scalar(value), masking.birthDates);
  }
  return { ...base, values };
}

/** The division codes among an evidence row's values: its division fields and the regions identity numbers give. */
export function divisionValuesOf(dataset: string, values: Readonly<Record<string, unknown>> | null): string[] {
  if (values === null) return [];
  return Object.entries(values).flatMap(([column, value]) =>
    typeof value === 'string' && columnKind(dataset, column).type === 'division' ? [value] : [],
  );
}

/**
 * An evidence row's values as a person reads them (the CSV export): each field under its
 * label in the reader's language, codes by their labels, divisions by their place names.
 */
export function evidenceValuesInWords(
  dataset: string,
  values: Readonly<Record<string, unknown>>,
  lang: Lang,
  places: PlaceNames,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([column, value]) => [
      columnLabel(dataset, column, lang),
      columnValueText(dataset, column, value, lang, places),
    ]),
  );
}

/** The place names known for `codes`, by 12-digit code, for a client to show them in words. */
export function placesRecord(codes: readonly string[], places: PlaceNames): Record<string, LocalisedText> {
  const out: Record<string, LocalisedText> = {};
  for (const code of codes) {
    const code12 = toDivisionCode12(code);
    const zh = code12 === null ? undefined : places(code12, 'zh');
    if (code12 !== null && zh !== undefined) out[code12] = { zh, en: places(code12, 'en') ?? zh };
  }
  return out;
}
