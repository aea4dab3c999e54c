import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';

// Long enough for any real password or pass-phrase, short enough that Argon2 is never
// handed megabytes to hash by someone probing the sign-in form.
const ZPasswordInput = z.string().min(1).max(256);

export const ZSignInBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: ZPasswordInput,
});
export type TSignInBody = z.infer<typeof ZSignInBody>;

/** The signed-in user as the console sees them; `csrfToken` goes in `x-csrf-token` on every change. */
export const ZMe = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  divisionCode: z.string(),
  /** The jurisdiction's place name; null when the division register does not name it. */
  divisionName: ZLocalisedText.nullable(),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  mustEnrolTotp: z.boolean(),
  totpEnabled: z.boolean(),
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSignInResponse = z.object({
  status: z.enum(['signed_in', 'totp_required']),
  user: ZMe.optional(),
});
export type TSignInResponse = z.infer<typeof ZSignInResponse>;

export const ZTotpCode = z.string().regex(/^\d{6}$/, 'must be 6 digits');

export const ZTotpVerifyBody = z.union([
  z.object({ code: ZTotpCode }).strict(),
  z.object({ recoveryCode: z.string().trim().min(1).max(40) }).strict(),
]);
export type TTotpVerifyBody = z.infer<typeof ZTotpVerifyBody>;

export const ZChangePasswordBody = z.object({
  currentPassword: ZPasswordInput,
  newPassword: ZPasswordInput,
});
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;

export const ZTotpSetupResponse = z.object({
  /** Base32, for typing into an authenticator by hand. */
  secret: z.string(),
  /** otpauth:// address, for a QR code. */
  otpauthUrl: z.string(),
});
export type TTotpSetupResponse = z.infer<typeof ZTotpSetupResponse>;

export const ZTotpConfirmBody = z.object({ code: ZTotpCode });

export const ZPasswordConfirmBody = z.object({ password: ZPasswordInput });

export const ZRecoveryCodesResponse = z.object({
  /** Shown once: only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
});

export const ZOkResponse = z.object({ ok: z.literal(true) });

export const ZSignOutEverywhereResponse = z.object({ ok: z.literal(true), revokedSessions: z.number() });

/** The 423 body: when the lock ends, so the user knows how long to wait. */
export const ZAccountLocked = z.object({
  code: z.literal('account_locked'),
  message: z.string(),
  lockedUntil: z.string(),
});

export const ZError = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
