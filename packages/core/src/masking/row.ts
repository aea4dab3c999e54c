import type { FieldType } from '../standard/field-types.js';
import { isBirthDateKey, maskBirthDate, maskDatesInText } from './derived.js';
import { maskAccountNumber, maskPhone } from './mask.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a masked view shows of one plain value of a row (not an identifier, not a name):
 * phones and bank account numbers keep their last four, a birth date its year, and any
 * of `hiddenBirthDates` (those of the masked identity numbers in view) is hidden wherever
 * it appears, in any written form. Other values come back unchanged.
 */
export function maskRowValue(
  key: string,
  type: FieldType | undefined,
  value: string | number | boolean | null,
  hiddenBirthDates: readonly string[],
): string | number | boolean | null {
  if (typeof value === 'number') {
    // A date kept as a number (19431025) is still the hidden digits.
    const text = String(value);
    return maskDatesInText(text, hiddenBirthDates) === text ? value : maskDatesInText(text, hiddenBirthDates);
  }
  if (typeof value !== 'string') return value;
  if (type === 'phone') return maskPhone(value);
  if (type === 'account') return maskAccountNumber(value);
  if (isBirthDateKey(key) && ISO_DATE.test(value)) return maskBirthDate(value);
  return maskDatesInText(value, hiddenBirthDates);
}

/**
 * A record (a hit's facts) with every value under a key naming a birth date reduced to its
 * year, and every date of `hiddenBirthDates` hidden inside the other values. Also returns
 * the birth dates it found, which an explanation rendered from the same facts must hide.
 */
export function maskBirthDatesInRecord(
  record: Readonly<Record<string, unknown>>,
  hiddenBirthDates: readonly string[],
): { masked: Record<string, unknown>; birthDates: string[] } {
  const birthDates = Object.entries(record)
    .filter(([key, value]) => isBirthDateKey(key) && typeof value === 'string' && ISO_DATE.test(value))
    .map(([, value]) => value as string);
  const hidden = [...hiddenBirthDates, ...birthDates];
  const masked = JSON.parse(maskDatesInText(JSON.stringify(record), hidden)) as Record<string, unknown>;
  return { masked, birthDates };
}
