/**
 * The field types of the data standard. Each type fixes which raw forms an importer accepts
 * and the single stored form every comparison model can rely on.
 */
export const FIELD_TYPES = [
  'id',
  'uscc',
  'subject',
  'division',
  'date',
  'datetime',
  'month',
  'money',
  'bool',
  'enum',
  'phone',
  'account',
  'text',
  'int',
  'decimal',
  'lat',
  'lon',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** A person (identity number) or an organisation (USCC): owners, lessees, payees. */
export type Subject =
  { readonly kind: 'person'; readonly code: string } | { readonly kind: 'organisation'; readonly code: string };

/**
 * The stored form of each field type after normalisation. Money and decimals are strings so
 * no value ever passes through binary floating point on its way to `decimal(18,2)`.
 */
export interface FieldValueByType {
  id: string;
  uscc: string;
  subject: Subject;
  division: string;
  date: string;
  datetime: string;
  month: string;
  money: string;
  bool: boolean;
  enum: string;
  phone: string;
  account: string;
  text: string;
  int: number;
  decimal: string;
  lat: number;
  lon: number;
}

export type FieldValue = FieldValueByType[FieldType];

/** Whether `value` names one of the standard field types. */
export function isFieldType(value: string): value is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(value);
}
