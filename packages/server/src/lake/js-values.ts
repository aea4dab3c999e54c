/** BIGINT and wider → number when exact, else the decimal string (never a JS bigint, which JSON cannot carry). */
export function integerToJs(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

/** A string, number, bigint or boolean as text; undefined for anything else (objects have no agreed text form). */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Names a value's type for error messages without printing the value (it may be personal data). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  // '[object Date]' → 'Date'; works for objects without a prototype too.
  return typeof value === 'object' ? Object.prototype.toString.call(value).slice(8, -1) : typeof value;
}
