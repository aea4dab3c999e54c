import {
  type DatasetType,
  type FieldDef,
  birthDateInIdNumber,
  maskAccountNumber,
  maskIdNumber,
  maskName,
  maskRowValue,
} from '@qingfeng/core';
import type { FieldCrypto } from '../../../security/field-crypto.js';
import { lakeColumnOf } from './dataset-rows.lake.js';
import type { TDatasetRow } from './dataset-rows.schemas.js';

/*
 * Masking of the browser. Identity numbers, people's names, phones and bank accounts are
 * masked unless revealed, and so is what a masked identity number gives away: a birth
 * date shows its year only, and the birth dates of the row's masked numbers appear in no
 * other field, in any form. Organisations' credit codes are shown whole: a USCC is printed
 * on the business licence and published in the enterprise credit register, so hiding it
 * protects nobody and stops a clerk recognising a company.
 */

// Name fields that always name a person though no identity field sits beside them.
const PERSON_NAME_FIELDS = new Set(['account_name', 'agent_name']);

/** Who a name field names: always a person, the subject of another field, or not a person. */
type NameOwner = { kind: 'person' } | { kind: 'subject'; field: string } | { kind: 'none' };

/**
 * Pairs each name field with the identifier it describes: `name` with `id`,
 * `relative_name` with `relative_id`, `owner_name` with the `owner` subject, and so on.
 * A name beside a subject field is masked when that subject is a person (or unknown).
 */
function nameOwner(dataset: DatasetType, field: FieldDef): NameOwner {
  if (field.type !== 'text') return { kind: 'none' };
  if (PERSON_NAME_FIELDS.has(field.key)) return { kind: 'person' };
  const stem = field.key === 'name' ? '' : field.key.endsWith('_name') ? field.key.slice(0, -5) : null;
  if (stem === null) return { kind: 'none' };
  const byKey = new Map(dataset.fields.map((f) => [f.key, f]));
  const idField = byKey.get(stem === '' ? 'id' : `${stem}_id`);
  if (idField?.type === 'id') return { kind: 'person' };
  const subject = stem === '' ? undefined : byKey.get(stem);
  if (subject?.type === 'subject') return { kind: 'subject', field: subject.key };
  return { kind: 'none' };
}

/**
 * Whether a field may hold a person's name: always a person's, or that of a subject who may
 * be a person. What a view that cannot tell (a rejected cell, its row never loaded) masks.
 */
export function mayNamePerson(dataset: DatasetType, field: FieldDef): boolean {
  return nameOwner(dataset, field).kind !== 'none';
}

function scalar(value: unknown): string | number | boolean | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** What the presenter needs besides the rows. */
export interface RowPresentation {
  dataset: DatasetType;
  crypto: FieldCrypto;
  /** Show personal data whole (the caller checked person.read and a reason, and audits). */
  reveal: boolean;
}

/** A person named on a row, whole, for the audit entry of a reveal (recordAudit masks it). */
export interface RowPerson {
  idNumber: string;
  name?: string;
}

/**
 * Shapes a lake row (from `findRows`) for the browser: values under the catalogue's field
 * keys, subject keys replaced by the identifier they stand for (decrypted from the subject
 * index), personal data masked unless revealed. Derived columns (birth date, sex, region of
 * an identity number) are left out; a birth date field keeps its year, and no field shows
 * the birth date of a masked number on the row.
 */
export function presentRow(row: Record<string, unknown>, how: RowPresentation, people?: RowPerson[]): TDatasetRow {
  const { dataset, crypto, reveal } = how;
  const values: TDatasetRow['values'] = {};
  const kinds = new Map<string, string | null>();
  const hiddenBirthDates: string[] = [];
  for (const field of dataset.fields) {
    if (field.type !== 'id' && field.type !== 'uscc' && field.type !== 'subject') continue;
    const enc = row[`${field.key}__enc`];
    const kind = typeof row[`${field.key}__kind`] === 'string' ? (row[`${field.key}__kind`] as string) : null;
    kinds.set(field.key, kind);
    const identifier = typeof enc === 'string' ? crypto.decrypt(enc) : null;
    const isPerson = kind === 'person';
    if (identifier !== null && isPerson) {
      // The `name` of a row is that of its `id` holder (see nameOwner).
      const name = field.key === 'id' && typeof row.name === 'string' ? { name: row.name } : {};
      people?.push({ idNumber: identifier, ...name });
      const birthDate = birthDateInIdNumber(identifier);
      if (birthDate) hiddenBirthDates.push(birthDate);
    }
    values[field.key] = identifier === null ? null : isPerson && !reveal ? maskIdNumber(identifier) : identifier;
  }
  for (const field of dataset.fields) {
    if (field.type !== 'account' || !(`${field.key}__enc` in row)) continue;
    // The lake holds the account's key; its number comes from account_index, sealed.
    const enc = row[`${field.key}__enc`];
    const account = typeof enc === 'string' ? crypto.decrypt(enc) : null;
    values[field.key] = account === null ? null : reveal ? account : maskAccountNumber(account);
  }
  for (const field of dataset.fields) {
    if (field.key in values) continue;
    const value = scalar(row[lakeColumnOf(field)]);
    if (reveal || value === null || typeof value === 'boolean') {
      values[field.key] = value;
      continue;
    }
    const owner = nameOwner(dataset, field);
    const personName =
      typeof value === 'string' &&
      (owner.kind === 'person' || (owner.kind === 'subject' && kinds.get(owner.field) !== 'organisation'));
    values[field.key] = personName ? maskName(value) : maskRowValue(field.key, field.type, value, hiddenBirthDates);
  }
  const batchId = Number(row._batch_id);
  const rowNo = Number(row._row_no);
  return { batchId, rowNo, values, lineageUrl: `/api/v1/datasets/${dataset.key}/rows/${batchId}/${rowNo}/lineage` };
}
