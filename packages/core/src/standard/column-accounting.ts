import type { DatasetType } from './catalogue-types.js';
import { type FieldSuggestion, suggestFields } from './column-suggestions.js';
import type { HeaderMatch } from './header-match.js';
import type { LocalisedText } from './result.js';
import { type UnknownValue, type UnknownValueCount, suggestForUnknownValues } from './value-suggestions.js';

/** A column of the file that fed no field, and the fields it might feed. */
export interface UnusedColumn {
  readonly index: number;
  readonly header: string;
  /** Set when the column matched a field another column already feeds. */
  readonly duplicateOf: string | null;
  readonly suggestions: readonly FieldSuggestion[];
}

/**
 * A field of the standard the batch leaves empty: no column feeds it (`no_column`), or its
 * column is empty in every row loaded (`all_empty`).
 */
export interface EmptyField {
  readonly field: string;
  readonly label: LocalisedText;
  readonly required: boolean;
  readonly reason: 'no_column' | 'all_empty';
  /** The column that feeds it, for `all_empty`. */
  readonly header: string | null;
}

/** An enabled model and the fields of one dataset type it reads. */
export interface ModelReader {
  readonly id: string;
  readonly name: LocalisedText;
  readonly fields: readonly string[];
}

/** A model that reads a field the batch leaves empty in every row: it cannot see these rows. */
export interface BlindModel {
  readonly id: string;
  readonly name: LocalisedText;
  /** The empty fields it reads. */
  readonly fields: readonly string[];
}

/** Every column of a file accounted for: what fed a field, what did not, what is left empty. */
export interface ColumnAccounting {
  readonly dataset: string;
  readonly columns: number;
  /** Columns that feed a field (matched by key, label or synonym, or mapped by a person). */
  readonly matchedColumns: number;
  readonly unusedColumns: readonly UnusedColumn[];
  readonly emptyFields: readonly EmptyField[];
  readonly blindModels: readonly BlindModel[];
  /**
   * Values of coded fields that are none of their codes, labels or terms (in the rows read),
   * each with the codes a person might map it to. Empty when nothing was read.
   */
  readonly unknownValues: readonly UnknownValue[];
}

/** What is known of the rows besides the header. */
export interface AccountingInput {
  /**
   * Fields holding a value in at least one row loaded; null before the import (a preview),
   * when only fields without a column can be named.
   */
  readonly filledFields: ReadonlySet<string> | null;
  /** The enabled models reading this dataset type. */
  readonly readers: readonly ModelReader[];
  /** Unknown values of coded fields met in the rows read, if any were read. */
  readonly unknownValues?: readonly UnknownValueCount[];
}

/**
 * Accounts for every column of a matched header: the columns that fed no field with the
 * fields each might feed (chosen among the fields no column feeds yet), the fields left
 * empty, and the models that read an empty field. Promises: every header is either counted
 * in `matchedColumns` or listed in `unusedColumns`; every field is fed by a column with a
 * value (as far as `filledFields` tells) or listed in `emptyFields`.
 */
export function accountColumns(dataset: DatasetType, match: HeaderMatch, input: AccountingInput): ColumnAccounting {
  const fed = new Map(match.columns.filter((c) => c.field !== null).map((c) => [c.field as string, c.header]));
  const unfed = new Set(dataset.fields.filter((f) => !fed.has(f.key)).map((f) => f.key));
  const duplicates = new Map(match.duplicateColumns.map((d) => [d.header, d.field]));
  const unusedColumns = match.columns
    .filter((c) => c.field === null)
    .map((c) => ({
      index: c.index,
      header: c.header,
      duplicateOf: duplicates.get(c.header) ?? null,
      suggestions: suggestFields(dataset, c.header, { among: unfed }),
    }));
  const emptyFields: EmptyField[] = [];
  for (const field of dataset.fields) {
    const header = fed.get(field.key);
    const base = { field: field.key, label: field.label, required: field.required };
    if (header === undefined) emptyFields.push({ ...base, reason: 'no_column', header: null });
    else if (input.filledFields !== null && !input.filledFields.has(field.key)) {
      emptyFields.push({ ...base, reason: 'all_empty', header });
    }
  }
  const empty = new Set(emptyFields.map((f) => f.field));
  const blindModels = input.readers
    .map((reader) => ({ id: reader.id, name: reader.name, fields: reader.fields.filter((f) => empty.has(f)) }))
    .filter((reader) => reader.fields.length > 0);
  return {
    dataset: dataset.key,
    columns: match.columns.length,
    matchedColumns: match.columns.length - unusedColumns.length,
    unusedColumns,
    emptyFields,
    blindModels,
    unknownValues: suggestForUnknownValues(dataset, input.unknownValues ?? []),
  };
}
