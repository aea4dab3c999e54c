/*
 * What is derived from a masked identity number is masked with it. The mask keeps digits
 * 1–3 and the last four (15–18, which hold the sex digit, so sex may be shown), and hides
 * the county digits 4–6 and the birth date (7–14, year included). A birth date shown beside
 * the mask, in any written form, would give eight of those digits back, and the region of
 * issue the other three, so a masked view shows neither: a birth date is starred whole and
 * a region keeps the three digits the mask keeps.
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

/** A birth date as a masked view may show it: every digit starred (`****-**-**`). */
export function maskBirthDate(isoDate: string): string {
  return ISO_DATE.test(isoDate) ? '****-**-**' : '*'.repeat(isoDate.length);
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
 * appear in `text`, in any common written form; each is replaced by its masked form.
 * Text without them comes back unchanged.
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

/**
 * Whether a key names the region of issue of an identity number: the lake's derived
 * `<field>_region` column, or a model fact named after it (`id_region`, `id.region`).
 */
export function isIdRegionKey(key: string): boolean {
  return /(^|[._])region$/.test(key);
}

/**
 * A region of issue (a 6-, 9- or 12-digit division code) as a masked view may show it: the
 * three digits the identity number's mask keeps, the rest starred (`330***`).
 */
export function maskIdRegion(code: string): string {
  return /^\d{6,12}$/.test(code) ? `${code.slice(0, 3)}${'*'.repeat(code.length - 3)}` : '*'.repeat(code.length);
}

/**
 * Hides these regions of issue (6-digit codes) wherever they appear in `text` as a code, on
 * their own or as the head of a 12-digit code, and wherever one of `names` (their place
 * names, which a rendered explanation prints) appears. Used on texts rendered from facts.
 */
export function maskRegionsInText(text: string, regions: Iterable<string>, names: Iterable<string> = []): string {
  let out = text;
  for (const region of new Set(regions)) {
    const six = region.slice(0, 6);
    if (!/^\d{6}$/.test(six)) continue;
    out = out.replace(new RegExp(`(?<!\\d)${six}(\\d{3}(?:\\d{3})?)?(?!\\d)`, 'g'), (m) => maskIdRegion(m));
  }
  for (const name of new Set(names)) if (name.length > 1) out = out.split(name).join('***');
  return out;
}
