/** A URL parameter's value when it is one of `values`; anything else (a hand-edited link) is dropped. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** A keyset list's `before` from the URL: a positive whole number, or nothing. */
export function readBefore(params: URLSearchParams): { before?: number } {
  const before = Number(params.get('before'));
  return Number.isSafeInteger(before) && before > 0 ? { before } : {};
}

/** The URL's search params for a keyset list's filter and position (empty values left out). */
export function writeListParams(filter: object, before?: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  if (before !== undefined) params.set('before', String(before));
  return params;
}
