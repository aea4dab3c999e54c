/*
 * A check that masking holds: a masked identity number (`330***********0173`) hides the
 * county digits 4–6 and the holder's birth date, digits 7–14. If the answers give that date
 * in any form, its year alone, or the six-digit region of issue, the hidden digits come
 * back. Written apart from the masking code on purpose, so a test using it does not grade
 * the masker with the masker's own list of forms.
 */

/** Every way a test expects a birth date could be written out (YYYYMMDD given). */
function writtenForms(yyyymmdd: string): string[] {
  const y = yyyymmdd.slice(0, 4);
  const mm = yyyymmdd.slice(4, 6);
  const dd = yyyymmdd.slice(6, 8);
  const m = String(Number(mm));
  const d = String(Number(dd));
  const forms = new Set<string>([yyyymmdd, `${y.slice(2)}${mm}${dd}`, `${m}月${d}日`, `${mm}月${dd}日`]);
  for (const [month, day] of [
    [mm, dd],
    [m, d],
  ] as const) {
    for (const sep of ['-', '/', '.']) {
      forms.add(`${y}${sep}${month}${sep}${day}`);
      forms.add(`${day}${sep}${month}${sep}${y}`);
      forms.add(`${month}${sep}${day}${sep}${y}`);
      // Month and day alone rebuild the number too once the year is shown.
      forms.add(`${month}${sep}${day}`);
    }
    forms.add(`${y}年${month}月${day}日`);
  }
  // The year alone gives back four hidden digits (and an age narrows it no closer than two years).
  forms.add(y);
  return [...forms];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One way an answer gives a masked number back. */
export interface Rebuild {
  /** The name of the answer that holds the hidden digits. */
  answer: string;
  idNumber: string;
  form: string;
}

/**
 * The masked identity numbers shown in any of `answers` (name → body) whose hidden birth
 * date any of them also gives, in any written form: what one viewer receives can be put
 * together, so the date counts wherever it is. Digits on either side of a form do not
 * count (a date inside a longer number is not a hit). `known` are the whole numbers of the
 * test's data: a masked number is matched to them by the digits it keeps.
 */
export function findRebuildableIdNumbers(answers: ReadonlyMap<string, string>, known: readonly string[]): Rebuild[] {
  const bodies = [...answers];
  const found: Rebuild[] = [];
  for (const idNumber of known) {
    const masked = `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`;
    if (!bodies.some(([, body]) => body.includes(masked))) continue;
    // A region of issue is six digits, or twelve ending in six zeros (how place names are
    // keyed); a row's village-level division is where a person lives, not what the number says.
    const region = idNumber.slice(0, 6);
    for (const form of [...writtenForms(idNumber.slice(6, 14)), region, `${region}000000`]) {
      const pattern = new RegExp(`(?<!\\d)${escape(form)}(?!\\d)`);
      for (const [answer, body] of bodies) if (pattern.test(body)) found.push({ answer, idNumber, form });
    }
  }
  return found;
}
