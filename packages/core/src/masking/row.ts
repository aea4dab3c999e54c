import type { FieldType } from '../standard/field-types.js';
import { isBirthDateKey, isIdRegionKey, maskBirthDate, maskDatesInText, maskIdRegion } from './derived.js';
import { maskAccountNumber, maskPhone } from './mask.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a masked view shows of one plain value of a row (not an identifier, not a name):
 * phones and bank account numbers keep their last four, a birth date is starred, an
 * identity number's derived region of issue (a column outside the catalogue, `type`
 * undefined) keeps its first three digits, and any of `hiddenBirthDates` (those of the
 * masked identity numbers in view) is hidden wherever it appears, in any written form.
 * Other values come back unchanged.
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
  if (type === undefined && isIdRegionKey(key)) return maskIdRegion(value);
  return maskDatesInText(value, hiddenBirthDates);
}

/** Whether a key names a bank account number (`account_no`, `payee_account`, `account`). */
export function isAccountKey(key: string): boolean {
  return /(^|[._])account(_no)?$/.test(key);
}

/**
 * A record (a hit's facts) with every value under a key naming a birth date starred, every
 * value under a key naming an identity number's region of issue cut to its first three
 * digits, every bank account number keeping its last four, and every date of
 * `hiddenBirthDates` hidden inside the other values. Also returns the birth dates, regions
 * and account numbers it found, which an explanation rendered from the same facts must hide.
 */
export function maskDerivedInRecord(
  record: Readonly<Record<string, unknown>>,
  hiddenBirthDates: readonly string[],
): { masked: Record<string, unknown>; birthDates: string[]; regions: string[]; accounts: string[] } {
  const named = (test: (key: string) => boolean, form: RegExp) =>
    Object.entries(record)
      .filter(([key, value]) => test(key) && typeof value === 'string' && form.test(value))
      .map(([, value]) => value as string);
  const birthDates = named(isBirthDateKey, ISO_DATE);
  const regions = named(isIdRegionKey, /^\d{6,12}$/);
  const accounts = named(isAccountKey, /\S/);
  const hidden = [...hiddenBirthDates, ...birthDates];
  const masked = JSON.parse(maskDatesInText(JSON.stringify(record), hidden)) as Record<string, unknown>;
  for (const [key, value] of Object.entries(masked)) {
    if (typeof value !== 'string') continue;
    if (isIdRegionKey(key)) masked[key] = maskIdRegion(value);
    else if (isAccountKey(key)) masked[key] = maskAccountNumber(value);
  }
  return { masked, birthDates, regions, accounts };
}

/** `text` with each of `accounts` (whole account numbers) replaced by its masked form. */
export function maskAccountsInText(text: string, accounts: Iterable<string>): string {
  let out = text;
  for (const account of new Set(accounts))
    if (account.length > 4) out = out.split(account).join(maskAccountNumber(account));
  return out;
}
