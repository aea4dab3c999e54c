/**
 * The JSON Canonicalization Scheme (RFC 8785): one spelling for every JSON value, so that the
 * same entry always gives the same bytes in any language with a JCS library. Objects' keys
 * sorted by UTF-16 code units, no whitespace, numbers and strings as ECMAScript's
 * JSON.stringify writes them (which is what RFC 8785 specifies).
 */

/** What a canonical value may hold: JSON, with plain objects only. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

const MAX_DEPTH = 64;
// In a /u pattern a surrogate pair is one code point, so only a lone surrogate matches.
const LONE_SURROGATE = /\p{Cs}/u;

/** The canonical JSON text of a value; throws on anything JSON cannot say exactly. */
export function canonicalJson(value: unknown): string {
  return write(value, 0, '$');
}

function write(value: unknown, depth: number, path: string): string {
  if (depth > MAX_DEPTH) throw new TypeError(`${path}: nested deeper than ${MAX_DEPTH}`);
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // NaN and the infinities have no JSON form (RFC 8785 §3.2.2.3).
    if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return writeString(value, path);
  if (Array.isArray(value)) return `[${value.map((item, i) => write(item, depth + 1, `${path}[${i}]`)).join(',')}]`;
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const members = entries.map(([key, item]) => {
      // JSON.stringify would drop an undefined member silently: refuse instead, so that
      // `{a: undefined}` and `{}` are not two entries with one encoding.
      if (item === undefined) throw new TypeError(`${path}.${key}: undefined has no JSON form`);
      return `${writeString(key, path)}:${write(item, depth + 1, `${path}.${key}`)}`;
    });
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`${path}: a ${describe(value)} has no JSON form`);
}

function writeString(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) throw new TypeError(`${path}: a string holds a lone surrogate`);
  return JSON.stringify(text);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}
