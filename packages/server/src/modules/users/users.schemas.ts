import { ROLES, normaliseIdNumber } from '@qingfeng/core';
import { z } from 'zod';
import { pageOf, pageQueryFields } from '../../http/paging.js';

/** Mainland mobile numbers, or landlines with their area code (0571-88886666). */
const ZPhone = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s]/g, ''))
  .pipe(z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'must be a mobile number or a landline with area code'));

/** A resident identity number (GB 11643), its check character verified; kept sealed. */
const ZIdNumber = z
  .string()
  .trim()
  .max(30)
  .transform((s, ctx) => {
    const result = normaliseIdNumber(s);
    if (result.ok) return result.value.id;
    ctx.addIssue({ code: 'custom', message: result.reason.en });
    return z.NEVER;
  });

export const ZUserId = z.object({ id: z.coerce.number().int().positive() });

export const ZUserQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  role: z.enum(ROLES).optional(),
  /** Part of a username or display name. */
  q: z.string().trim().min(1).max(100).optional(),
  disabled: z.stringbool().optional(),
  ...pageQueryFields(50),
});
export type TUserQuery = z.infer<typeof ZUserQuery>;

export const ZCreateUser = z.object({
  username: z
    .string()
    .trim()
    .regex(
      /^[a-zA-Z][a-zA-Z0-9._-]{2,63}$/,
      '3 to 64 letters, digits, dot, dash or underscore, starting with a letter',
    ),
  displayName: z.string().trim().min(1).max(100),
  orgId: z.number().int().positive(),
  role: z.enum(ROLES),
  phone: ZPhone.optional(),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    orgId: z.number().int().positive(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    /** null removes the phone number. */
    phone: ZPhone.nullable(),
    /** The user's identity number, so kinship data can recuse them from a relative's clue; null removes it. */
    idNumber: ZIdNumber.nullable(),
  })
  .partial();
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZPhoneReadQuery = z.object({
  /** Why the whole number is needed; recorded in the audit trail. */
  reason: z.string().trim().min(2).max(500),
});

export const ZUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  org: z.object({ id: z.number(), code: z.string(), name: z.string(), divisionCode: z.string() }),
  /** Masked (138****5678); the whole number only through the audited phone route. */
  phone: z.string().nullable(),
  /** Masked; whether kinship data can recognise the user. */
  idNumber: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  passwordChangedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserPage = pageOf(ZUser);

/** A user with a temporary password, shown this once and never stored in the clear. */
export const ZUserWithPassword = z.object({ user: ZUser, temporaryPassword: z.string() });

export const ZUserPhone = z.object({ phone: z.string().nullable() });
