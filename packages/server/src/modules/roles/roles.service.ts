import { type Permission, PERMISSIONS, ROLE_LABELS, ROLES, type Role, SEPARATED_ADMIN_ROLES } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../organisations/index.js';
import type { RolePermissionsService } from './role-permissions.service.js';
import type { TRole } from './roles.schemas.js';

/** Roles as the security administrator sees and edits them. */
export class RolesService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly rolePermissions: RolePermissionsService,
  ) {}

  /** Every role with its labels, current permissions (in catalogue order) and whether it is editable. */
  async listRoles(): Promise<TRole[]> {
    return Promise.all(ROLES.map((role) => this.describeRole(role)));
  }

  async describeRole(role: Role): Promise<TRole> {
    const held = await this.rolePermissions.getPermissions(role);
    return {
      role,
      label: ROLE_LABELS[role],
      permissions: PERMISSIONS.filter((p) => held.has(p)),
      editable: !SEPARATED_ADMIN_ROLES.includes(role),
    };
  }

  /**
   * Replaces a business role's permissions. The separated administrators and the
   * administrator-only permissions are refused by RolePermissionsService. Audited with
   * what was added and removed.
   */
  async setRolePermissions(scope: Scope, role: Role, permissions: readonly Permission[]): Promise<TRole> {
    const before = await this.rolePermissions.getPermissions(role);
    await this.db.transaction().execute(async (trx) => {
      await this.rolePermissions.setPermissions(trx, role, permissions);
      const after = new Set(permissions);
      await recordAudit(trx, scope.actor, {
        action: 'role.update_permissions',
        objectType: 'role',
        objectId: role,
        detail: {
          added: PERMISSIONS.filter((p) => after.has(p) && !before.has(p)),
          removed: PERMISSIONS.filter((p) => !after.has(p) && before.has(p)),
        },
      });
    });
    return this.describeRole(role);
  }
}
