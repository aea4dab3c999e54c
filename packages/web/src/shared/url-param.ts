/** A URL parameter's value when it is one of `values`; anything else (a hand-edited link) is dropped. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}
