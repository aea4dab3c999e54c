/** Text shown to users in both languages the product supports. */
export interface LocalisedText {
  readonly zh: string;
  readonly en: string;
}

/**
 * The outcome of normalising one raw value. A failure carries a reason a clerk can act on
 * (what is wrong and, where known, what the value should be), never just "invalid".
 */
export type NormaliseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: LocalisedText };

/** A successful result. */
export function ok<T>(value: T): NormaliseResult<T> {
  return { ok: true, value };
}

/** A failed result with a bilingual reason. */
export function fail<T = never>(zh: string, en: string): NormaliseResult<T> {
  return { ok: false, reason: { zh, en } };
}
