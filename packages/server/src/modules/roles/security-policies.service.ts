import { isRole, type Role } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../organisations/index.js';
import type { TSecurityPolicies } from './roles.schemas.js';
import { SecurityPoliciesRepository } from './security-policies.repository.js';

/** The key under which the roles that must use TOTP are stored (a JSON array of roles). */
export const TOTP_REQUIRED_ROLES_KEY = 'totp_required_roles';

/**
 * The roles whose members must sign in with TOTP. Absent (a new installation) means none:
 * the security administrator turns it on once the first administrators have enrolled.
 * Unknown role names in the stored value are ignored.
 */
export async function readTotpRequiredRoles(db: Kysely<DB>): Promise<Role[]> {
  const value = await new SecurityPoliciesRepository(db).findValue(TOTP_REQUIRED_ROLES_KEY);
  return Array.isArray(value) ? value.filter((v): v is Role => typeof v === 'string' && isRole(v)) : [];
}

/** Security policies set by the security administrator. */
export class SecurityPoliciesService {
  constructor(private readonly db: Kysely<DB>) {}

  async getPolicies(): Promise<TSecurityPolicies> {
    return { totpRequiredRoles: await readTotpRequiredRoles(this.db) };
  }

  /** Replaces the policies; the change and its audit entry commit together. */
  async setPolicies(scope: Scope, policies: TSecurityPolicies): Promise<TSecurityPolicies> {
    const totpRequiredRoles = [...new Set(policies.totpRequiredRoles)];
    await this.db.transaction().execute(async (trx) => {
      const before = await readTotpRequiredRoles(trx);
      await new SecurityPoliciesRepository(trx).upsertValue(TOTP_REQUIRED_ROLES_KEY, totpRequiredRoles, scope.userId);
      await recordAudit(trx, scope.actor, {
        action: 'policy.update',
        objectType: 'security_policy',
        objectId: TOTP_REQUIRED_ROLES_KEY,
        detail: { from: before, to: totpRequiredRoles },
      });
    });
    return { totpRequiredRoles };
  }
}
