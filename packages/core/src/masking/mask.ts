/**
 * Masking rules for personal data shown to people who may not see it whole.
 * The kept parts follow the usual government style (`110***********1234`, `138****5678`):
 * the first three and last four characters of an identity number, the carrier prefix and
 * last four of a phone. Everything between (the county digits 4–6 and the birth date) is
 * hidden, and derived.ts hides what would give it back.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Keeps the family name (first character) and hides the rest. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

const ID_PATTERN = /\b\d{17}[\dXx]\b|\b\d{15}\b/g;
const PHONE_PATTERN = /\b1[3-9]\d{9}\b/g;

/** Masks identity and mobile numbers wherever they appear in free text (logs, messages). */
export function maskPersonalDataInText(text: string): string {
  return text.replace(ID_PATTERN, (m) => maskIdNumber(m)).replace(PHONE_PATTERN, (m) => maskPhone(m));
}

/** Keeps the last four characters of a bank account number, as a bank's own statement does. */
export function maskAccountNumber(account: string): string {
  return account.length <= 4 ? '*'.repeat(account.length) : `${'*'.repeat(account.length - 4)}${account.slice(-4)}`;
}
