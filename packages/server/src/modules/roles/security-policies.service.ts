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

/** The key under which the sensitive-query approval policy is stored (a JSON boolean). */
export const SENSITIVE_QUERY_APPROVAL_KEY = 'sensitive_query_approval';

/** Whether sensitive queries need a second person's approval. Absent means no. */
export async function readSensitiveQueryApproval(db: Kysely<DB>): Promise<boolean> {
  return (await new SecurityPoliciesRepository(db).findValue(SENSITIVE_QUERY_APPROVAL_KEY)) === true;
}

/** Security policies set by the security administrator. */
export class SecurityPoliciesService {
  constructor(private readonly db: Kysely<DB>) {}

  async getPolicies(): Promise<Required<TSecurityPolicies>> {
    return {
      totpRequiredRoles: await readTotpRequiredRoles(this.db),
      sensitiveQueryApproval: await readSensitiveQueryApproval(this.db),
    };
  }

  /** Replaces the policies given; each change and its audit entry commit together. */
  async setPolicies(scope: Scope, policies: TSecurityPolicies): Promise<Required<TSecurityPolicies>> {
    const totpRequiredRoles = [...new Set(policies.totpRequiredRoles)];
    await this.db.transaction().execute(async (trx) => {
      const repository = new SecurityPoliciesRepository(trx);
      const change = async (key: string, from: unknown, to: unknown) => {
        await repository.upsertValue(key, to, scope.userId);
        await recordAudit(trx, scope.actor, {
          action: 'policy.update',
          objectType: 'security_policy',
          objectId: key,
          detail: { from, to },
        });
      };
      await change(TOTP_REQUIRED_ROLES_KEY, await readTotpRequiredRoles(trx), totpRequiredRoles);
      const approval = policies.sensitiveQueryApproval;
      const approvalBefore = await readSensitiveQueryApproval(trx);
      if (approval !== undefined && approval !== approvalBefore) {
        await change(SENSITIVE_QUERY_APPROVAL_KEY, approvalBefore, approval);
      }
    });
    return this.getPolicies();
  }
}
