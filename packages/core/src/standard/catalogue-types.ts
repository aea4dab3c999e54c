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

/** A dataset type of the standard: what one kind of departmental file must contain. */
export interface DatasetType {
  readonly key: string;
  readonly name: LocalisedText;
  /** The department that usually supplies it, for the console and docs. */
  readonly source: LocalisedText;
  readonly fields: readonly FieldDef[];
}
