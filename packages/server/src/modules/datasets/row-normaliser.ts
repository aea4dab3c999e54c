import {
  type DatasetType,
  type FieldDef,
  type HeaderMatch,
  type LocalisedText,
  type NormaliseContext,
  type RawValue,
  type Subject,
  isBlank,
  normaliseIdNumber,
  normaliseValue,
} from '@qingfeng/core';
import type { FieldCrypto } from '../../security/field-crypto.js';
import type { SourceRecord } from './sources/record-source.js';

/** One reason a row was refused, for the rejected-rows report. */
export interface RowProblem {
  readonly column: string;
  readonly field: string;
  readonly raw: string;
  readonly reason: LocalisedText;
}

export type NormalisedRow = { ok: true; values: unknown[] } | { ok: false; problems: RowProblem[] };

/** Turns one source record into a staging row, or the list of what is wrong with it. */
export type RowNormaliser = (record: SourceRecord) => NormalisedRow;

interface SealedIdentifier {
  hash: string;
  enc: string;
}

// Identifiers repeat within a file (a person paid every month); sealing each once per
// batch saves the AES and HMAC work. Bounded so memory stays flat on any file.
const SEAL_CACHE_LIMIT = 200_000;

function rawText(raw: RawValue): string {
  return raw === null || raw === undefined ? '' : String(raw);
}

/**
 * Builds the normaliser for a dataset and a matched header. Every cell goes through core's
 * `normaliseValue`; identity numbers also through `normaliseIdNumber` for the derived
 * birth date, sex and region. Identifiers leave here only as blind index + ciphertext.
 * Promises: a row with any bad cell is refused with one problem per bad cell.
 */
export function createRowNormaliser(dataset: DatasetType, match: HeaderMatch, crypto: FieldCrypto): RowNormaliser {
  const columnByField = new Map(match.columns.filter((c) => c.field !== null).map((c) => [c.field as string, c]));
  const sealCache = new Map<string, SealedIdentifier>();
  const seal = (identifier: string): SealedIdentifier => {
    let sealed = sealCache.get(identifier);
    if (sealed === undefined) {
      if (sealCache.size >= SEAL_CACHE_LIMIT) sealCache.clear();
      sealed = { hash: crypto.blindIndex(identifier), enc: crypto.encrypt(identifier) };
      sealCache.set(identifier, sealed);
    }
    return sealed;
  };
  const plan = dataset.fields.map((field) => {
    const column = columnByField.get(field.key);
    const context: NormaliseContext = column?.moneyUnit ? { moneyUnit: column.moneyUnit } : {};
    return { field, column, context };
  });

  return (record) => {
    const values: unknown[] = [record.rowNo];
    const problems: RowProblem[] = [];
    if (record.extraCells > 0) {
      problems.push({
        column: '',
        field: '',
        raw: '',
        reason: {
          zh: `该行有 ${record.extraCells} 个单元格超出表头范围，无法确定所属列`,
          en: `the row has ${record.extraCells} non-empty cell(s) beyond the header, belonging to no column`,
        },
      });
    }
    for (const { field, column, context } of plan) {
      const raw = column === undefined ? null : record.values[column.index];
      const result = normaliseValue(field, raw, context);
      if (!result.ok) {
        problems.push({ column: column?.header ?? '', field: field.key, raw: rawText(raw), reason: result.reason });
        pushEmpty(values, field);
        continue;
      }
      pushValue(values, field, result.value, seal);
    }
    return problems.length === 0 ? { ok: true, values } : { ok: false, problems };
  };
}

function pushEmpty(values: unknown[], field: FieldDef): void {
  if (field.type === 'id') values.push(null, null, null, null, null, null);
  else if (field.type === 'uscc' || field.type === 'subject') values.push(null, null, null);
  else values.push(null);
}

function pushValue(values: unknown[], field: FieldDef, value: unknown, seal: (id: string) => SealedIdentifier): void {
  if (value === null || isBlank(value as RawValue)) return pushEmpty(values, field);
  switch (field.type) {
    case 'id': {
      const sealed = seal(value as string);
      // normaliseValue accepted it, so this succeeds; it adds what the number says of its holder.
      const info = normaliseIdNumber(value as string);
      if (!info.ok) return pushEmpty(values, field);
      values.push(sealed.hash, sealed.enc, 'person', info.value.birthDate, info.value.sex, info.value.regionCode);
      return;
    }
    case 'uscc': {
      const sealed = seal(value as string);
      values.push(sealed.hash, sealed.enc, 'organisation');
      return;
    }
    case 'subject': {
      const subject = value as Subject;
      const sealed = seal(subject.code);
      values.push(sealed.hash, sealed.enc, subject.kind);
      return;
    }
    default:
      values.push(value);
  }
}
