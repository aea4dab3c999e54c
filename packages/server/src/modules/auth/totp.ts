import { randomInt } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';

/** The issuer an authenticator app shows beside the account. */
export const TOTP_ISSUER = 'Qingfeng 清风';
/** RFC 6238 defaults that every authenticator app understands: SHA-1, 6 digits, 30 s. */
export const TOTP_PERIOD_SECONDS = 30;
/** How many recovery codes a user receives at once. */
export const RECOVERY_CODE_COUNT = 10;

// One step either side absorbs a phone clock that is up to 30 s off (RFC 6238 §5.2
// recommends at most one step of tolerance for network delay and drift).
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

// Crockford-style alphabet without 0/O, 1/I/L: codes are copied from paper by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_GROUP = 5;

/** A fresh random TOTP secret (160 bits, Base32), as an authenticator app expects. */
export function createTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// address an authenticator app reads from a QR code. */
export function totpUri(username: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret, period: TOTP_PERIOD_SECONDS });
}

/** The code an authenticator shows at `at`. For tests and tools; the server never needs it. */
export async function totpCodeAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000), period: TOTP_PERIOD_SECONDS });
}

/**
 * The time step a code belongs to when it is valid at `now` (within one step either way)
 * and later than `afterStep`; otherwise null. Refusing steps at or before the last one
 * used is what stops a code from being replayed inside its window.
 */
export async function matchTotpCode(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    // The functional verify is typed for HOTP and TOTP alike; only TOTP results carry a step.
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // otplib throws on malformed tokens (wrong length, non-digits): that is simply a no.
    return null;
  }
}

/** Fresh recovery codes, `xxxxx-xxxxx` (about 49 bits each), to be shown to the user once. */
export function createRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(
      { length: RECOVERY_GROUP * 2 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    );
    return `${chars.slice(0, RECOVERY_GROUP).join('')}-${chars.slice(RECOVERY_GROUP).join('')}`;
  });
}

/** The canonical form of a typed recovery code: lower case, no spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * The stored form of a recovery code: a keyed hash (HMAC under the master key), bound to
 * the user. Codes carry ~49 random bits, so a keyed hash is as safe as Argon2 here and lets
 * a code be found with one indexed lookup instead of ten slow comparisons.
 */
export function hashRecoveryCode(
  keyedHash: { blindIndex(value: string): string },
  userId: number,
  code: string,
): string {
  return keyedHash.blindIndex(`recovery-code:${userId}:${normaliseRecoveryCode(code)}`);
}

/** The code's hash under every key of the ring, for finding it whichever key it was stored under. */
export function recoveryCodeHashes(
  keyedHash: { blindIndexes(value: string): string[] },
  userId: number,
  code: string,
): string[] {
  return keyedHash.blindIndexes(`recovery-code:${userId}:${normaliseRecoveryCode(code)}`);
}
