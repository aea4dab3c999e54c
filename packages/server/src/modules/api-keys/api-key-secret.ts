import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header a department sends its key in. */
export const API_KEY_HEADER = 'x-api-key';

// `qfk_` makes a leaked key easy to recognise (and to scan for); the id finds the row
// without an index on the hash; the 32 random bytes are the secret.
const KEY_PATTERN = /^qfk_([1-9]\d{0,9})_([A-Za-z0-9_-]{43})$/;

/** A presented key split into the row it names and its secret part. */
export interface ParsedApiKey {
  id: number;
  secret: string;
}

/** A new random secret: 32 bytes (256 bits), base64url. */
export function generateApiKeySecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The key as the department receives it, once: `qfk_<id>_<secret>`. */
export function formatApiKey(id: number, secret: string): string {
  return `qfk_${id}_${secret}`;
}

/** The key's visible prefix, safe to show in lists. */
export function apiKeyPrefix(id: number): string {
  return `qfk_${id}_`;
}

/** Splits a presented key, or null when it is not in the key format at all. */
export function parseApiKey(presented: string | string[] | undefined): ParsedApiKey | null {
  if (typeof presented !== 'string') return null;
  const match = KEY_PATTERN.exec(presented.trim());
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? { id, secret: match[2] as string } : null;
}

/**
 * The stored form of a secret. A plain SHA-256 suffices: the secret is 256 random bits,
 * so there is no dictionary to try, and a slow hash would only slow every push.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether a presented secret matches the stored hash, compared in constant time. */
export function isSecretMatch(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKeySecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
