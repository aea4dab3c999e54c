import { PERMISSIONS, ROLES } from '@qingfeng/core';
import { z } from 'zod';

export const ZRoleParams = z.object({ role: z.enum(ROLES) });

export const ZRole = z.object({
  role: z.enum(ROLES),
  label: z.object({ zh: z.string(), en: z.string() }),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** False for the separated administrators, whose sets are fixed. */
  editable: z.boolean(),
});
export type TRole = z.infer<typeof ZRole>;

export const ZRoleList = z.object({ items: z.array(ZRole) });

export const ZSetPermissions = z.object({ permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length) });

export const ZSecurityPolicies = z.object({
  /** Roles whose members must sign in with a TOTP second factor. */
  totpRequiredRoles: z.array(z.enum(ROLES)),
  /**
   * Whether a sensitive query (a person searched across all datasets, a dataset searched by
   * identity number) first needs a second person's approval. Left out of a change: unchanged.
   */
  sensitiveQueryApproval: z.boolean().optional(),
});
export type TSecurityPolicies = z.infer<typeof ZSecurityPolicies>;
