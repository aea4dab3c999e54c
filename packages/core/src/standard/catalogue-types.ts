import type { FieldType } from './field-types.js';
import type { LocalisedText } from './result.js';

/** One allowed code of an enum field and the words departments use for it. */
export interface EnumValue {
  readonly code: string;
  readonly label: LocalisedText;
  /** Other Chinese (or English) terms that mean this code in departments' files. */
  readonly terms: readonly string[];
}

interface FieldDefBase {
  /** English snake_case key: the column name in the standard form. */
  readonly key: string;
  readonly label: LocalisedText;
  readonly required: boolean;
  /** Header texts departments use for this column, matched ignoring case, spaces and width. */
  readonly synonyms: readonly string[];
}

/** A field of any type except `enum`. */
export interface ScalarFieldDef extends FieldDefBase {
  readonly type: Exclude<FieldType, 'enum'>;
}

/** An enum field always carries its list of codes. */
export interface EnumFieldDef extends FieldDefBase {
  readonly type: 'enum';
  readonly values: readonly EnumValue[];
}

export type FieldDef = ScalarFieldDef | EnumFieldDef;

/** A dataset type: what one kind of departmental file must contain. */
export interface DatasetType {
  readonly key: string;
  readonly name: LocalisedText;
  /** The department that usually supplies it, for the console and docs. */
  readonly source: LocalisedText;
  readonly fields: readonly FieldDef[];
  /**
   * The natural key: the fields that name the same record again when a department re-sends
   * it (an identity or credit code counts by its subject key, stable across imports). A
   * model's hit key is built from the natural keys of its sources, never from batch and row
   * numbers, so a re-import re-finds the same hit instead of duplicating its warning; the
   * quality report counts rows sharing it as duplicates. Every type of the standard has one
   * (see StandardDatasetType); a user-defined type has none, and no model reads it.
   * Changing a natural key re-keys the hits of every model reading the type.
   */
  readonly naturalKey?: readonly string[];
  /**
   * Other sets of fields that should each name one record too, checked for duplicates by the
   * quality report only (never part of a hit key): a payment's own ID beside its natural key.
   */
  readonly alternateKeys?: readonly (readonly string[])[];
  /**
   * The records a row belongs to, in order: a row without a division of its own lies in
   * the division of the first of them that has one (a collective ledger entry in its
   * organisation's, a bid in its tender's, a tender in its buyer's), and only then in its
   * batch's. Model runs of a county read, and warnings lie, by this rule.
   */
  readonly belongsTo?: readonly RecordReference[];
}

/** A field of a row naming another record: `field` of this row equals `key` of a `dataset` row. */
export interface RecordReference {
  readonly field: string;
  readonly dataset: string;
  readonly key: string;
}

/** A dataset type of the standard itself, which always declares its natural key. */
export interface StandardDatasetType extends DatasetType {
  readonly naturalKey: readonly string[];
}
