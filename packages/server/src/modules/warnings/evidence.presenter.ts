import { findDataset, maskIdNumber, maskPhone } from '@qingfeng/core';
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
 * A source row shaped for a person to check by hand: every field under its catalogue key,
 * subject keys replaced by the identity number or credit code they stand for. Identity and
 * phone numbers are masked unless `unmasked`; organisations' credit codes are public.
 */
export function presentEvidenceRow(
  evidence: WarningEvidenceRow,
  row: Record<string, unknown> | undefined,
  identifiers: SubjectIdentifiers,
  crypto: FieldCrypto,
  unmasked: boolean,
) {
  const base = { dataset: evidence.dataset, batchId: evidence.batch_id, rowNo: evidence.row_no, role: evidence.role };
  if (!row) return { ...base, values: null };
  const phones = new Set(
    findDataset(evidence.dataset)
      ?.fields.filter((f) => f.type === 'phone')
      .map((f) => f.key) ?? [],
  );
  const values: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === '_batch_id' || column === '_row_no') continue;
    if (column.endsWith('_sk')) {
      const subject = value === null || value === undefined ? undefined : identifiers.get(Number(value));
      const identifier = subject ? crypto.decrypt(subject.enc) : null;
      const isPerson = subject?.kind !== 'organisation';
      values[column.slice(0, -3)] =
        identifier === null ? null : unmasked || !isPerson ? identifier : maskIdNumber(identifier);
      continue;
    }
    values[column] = phones.has(column) && typeof value === 'string' && !unmasked ? maskPhone(value) : value;
  }
  return { ...base, values };
}
