/*
 * What is derived from a masked identity number is masked with it. The mask keeps the
 * region (digits 1–6) and the last four (15–18, which hold the sex digit), and hides the
 * birth date (7–14). A birth date shown beside the mask, in any written form, would give
 * those eight digits back, so a masked view shows at most the birth year.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The birth date (ISO) an 18-digit identity number carries in digits 7–14, or undefined
 * when it holds none (an organisation's code, a malformed value).
 */
export function birthDateInIdNumber(id: string): string | undefined {
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(id);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31
    ? `${year}-${month}-${day}`
    : undefined;
}

/** A birth date as a masked view may show it: the year, month and day starred (`1943-**-**`). */
export function maskBirthDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  return match ? `${match[1]}-**-**` : '*'.repeat(isoDate.length);
}

/** Both spellings of a month or day: `5` and `05`. */
function eitherWidth(part: string): string {
  const n = String(Number(part));
  return n === part ? part : `(?:${part}|${n})`;
}

/**
 * One pattern matching every common written form of a date: `19431025`, `1943-10-25`,
 * `1943/10/25`, `1943.10.25`, `1943年10月25日` (each with or without leading zeros and with
 * spaces around the separators), the two-digit year `431025`, and day-first or month-first
 * forms (`25.10.1943`, `10/25/1943`). Digits on either side stop a match, so a date is
 * never found inside a longer number.
 */
function datePattern(isoDate: string): RegExp | undefined {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return undefined;
  const [, y = '', m = '', d = ''] = match;
  const M = eitherWidth(m);
  const D = eitherWidth(d);
  const sep = '\\s*[-/.]\\s*';
  const forms = [
    `${y}${m}${d}`,
    `${y.slice(2)}${m}${d}`,
    `${y}${sep}${M}${sep}${D}`,
    `${y}\\s*年\\s*${M}\\s*月\\s*${D}\\s*[日号]?`,
    `${D}${sep}${M}${sep}${y}`,
    `${M}${sep}${D}${sep}${y}`,
  ];
  return new RegExp(`(?<!\\d)(?:${forms.join('|')})(?!\\d)`, 'g');
}

/**
 * Hides these dates (ISO, typically birth dates of masked identity numbers) wherever they
 * appear in `text`, in any common written form; each is replaced by its masked form, so
 * the year stays readable. Text without them comes back unchanged.
 */
export function maskDatesInText(text: string, isoDates: Iterable<string>): string {
  let out = text;
  for (const date of new Set(isoDates)) {
    const pattern = datePattern(date);
    if (pattern) out = out.replace(pattern, maskBirthDate(date));
  }
  return out;
}

/** Whether a field key names a birth date (`birth_date`, `id_birth_date`, `birthday`, `date_of_birth`). */
export function isBirthDateKey(key: string): boolean {
  return /birth|(^|_)dob($|_)/.test(key);
}
