import {
  ADMIN_ONLY_PERMISSIONS,
  DEFAULT_ROLE_PERMISSIONS,
  isPermission,
  type Permission,
  ROLE_LABELS,
  ROLES,
  type Role,
  SEPARATED_ADMIN_ROLES,
} from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { StoreRevisions } from '../../db/store-revisions.js';
import type { Platform } from '../../platform/platform.js';
import { ValidationError } from '../../http/errors.js';
import { RolePermissionsRepository } from './role-permissions.repository.js';

/** What the roles module needs: the platform, and the permissions cache every request reads. */
export interface RoleServices extends Platform {
  readonly rolePermissions: RolePermissionsService;
}

/**
 * Which permissions each role holds. Read on every request, so kept in memory under the
 * auth_reads revision, which a change to the grants moves as it commits, in this process
 * or another (db/store-revisions.ts). Readers arriving while the grants are read share
 * that one read. While the notices cannot be heard, every request reads them.
 */
export class RolePermissionsService {
  private kept: { revision: string; byRole: Promise<Map<Role, ReadonlySet<Permission>>> } | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly revisions: StoreRevisions,
  ) {}

  /** Writes the default sets when the table is empty (a new installation). */
  async seedDefaults(): Promise<void> {
    const repository = new RolePermissionsRepository(this.db);
    if ((await repository.countAll()) > 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const role of ROLES) {
        await new RolePermissionsRepository(trx).replaceForRole(role, DEFAULT_ROLE_PERMISSIONS[role]);
      }
    });
  }

  async getPermissions(role: Role): Promise<ReadonlySet<Permission>> {
    const revision = await this.revisions.read('auth_reads');
    // A revision read from the sequence moves before its change commits: nothing is kept under it.
    if (!revision.exact) return (await this.readGrants()).get(role) ?? new Set();
    if (this.kept?.revision !== revision.key) {
      const byRole = this.readGrants();
      this.kept = { revision: revision.key, byRole };
      // A failed read is not kept: the next request reads again.
      byRole.catch(() => {
        if (this.kept?.byRole === byRole) this.kept = undefined;
      });
    }
    return (await this.kept.byRole).get(role) ?? new Set();
  }

  private async readGrants(): Promise<Map<Role, ReadonlySet<Permission>>> {
    const rows = await new RolePermissionsRepository(this.db).findAll();
    const byRole = new Map<Role, Set<Permission>>(ROLES.map((r) => [r, new Set<Permission>()]));
    for (const row of rows) {
      if (isPermission(row.permission)) byRole.get(row.role as Role)?.add(row.permission);
    }
    // The separated administrators always hold exactly their fixed sets.
    for (const admin of SEPARATED_ADMIN_ROLES) byRole.set(admin, new Set(DEFAULT_ROLE_PERMISSIONS[admin]));
    return byRole;
  }

  /**
   * Sets a business role's permissions. Refuses to touch the separated administrators or
   * to give a business role any administrator power, so separation cannot be undone.
   */
  async setPermissions(executor: Kysely<DB>, role: Role, permissions: readonly Permission[]): Promise<void> {
    if (SEPARATED_ADMIN_ROLES.includes(role)) {
      const { zh, en } = ROLE_LABELS[role];
      throw new ValidationError(
        `${zh}的权限由三员分立固定 / the permissions of the ${en.toLowerCase()} are fixed by the separation of duties`,
        'role',
      );
    }
    const forbidden = permissions.filter((p) => ADMIN_ONLY_PERMISSIONS.includes(p));
    if (forbidden.length > 0) {
      throw new ValidationError(`Only separated administrators may hold: ${forbidden.join(', ')}`, 'permissions');
    }
    await new RolePermissionsRepository(executor).replaceForRole(role, [...new Set(permissions)]);
  }
}
