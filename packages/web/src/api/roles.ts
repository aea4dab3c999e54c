import type { Permission, Role } from '@qingfeng/core';
import { api } from './client';

export interface RolePermissions {
  role: Role;
  label: { zh: string; en: string };
  permissions: Permission[];
  /** False for the separated administrators, whose sets are fixed. */
  editable: boolean;
}

export interface SecurityPolicies {
  /** Roles whose members must sign in with a TOTP second factor. */
  totpRequiredRoles: Role[];
  /** Whether sensitive queries need a second person's approval. */
  sensitiveQueryApproval?: boolean;
}

export async function listRoles(): Promise<RolePermissions[]> {
  return (await api.get<{ items: RolePermissions[] }>('/api/v1/roles')).items;
}

export function saveRolePermissions(role: Role, permissions: Permission[]): Promise<unknown> {
  return api.put(`/api/v1/roles/${role}/permissions`, { permissions });
}

export function getSecurityPolicies(): Promise<SecurityPolicies> {
  return api.get<SecurityPolicies>('/api/v1/security-policies');
}

export function saveSecurityPolicies(policies: SecurityPolicies): Promise<SecurityPolicies> {
  return api.put<SecurityPolicies>('/api/v1/security-policies', policies);
}
