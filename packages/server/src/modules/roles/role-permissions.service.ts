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
import type { Platform } from '../../platform/platform.js';
import { ValidationError } from '../../http/errors.js';
import { RolePermissionsRepository } from './role-permissions.repository.js';

/** What the roles module needs: the platform, and the permissions cache every request reads. */
export interface RoleServices extends Platform {
  readonly rolePermissions: RolePermissionsService;
}

/**
 * Which permissions each role holds. Read on every request, so kept in memory; another
 * application server's change is picked up within CACHE_TTL_MS.
 */
const CACHE_TTL_MS = 10_000;

export class RolePermissionsService {
  private cache: Map<Role, ReadonlySet<Permission>> | undefined;
  private loadedAt = 0;

  constructor(private readonly db: Kysely<DB>) {}

  /** Writes the default sets when the table is empty (a new installation). */
  async seedDefaults(): Promise<void> {
    const repository = new RolePermissionsRepository(this.db);
    if ((await repository.countAll()) > 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const role of ROLES) {
        await new RolePermissionsRepository(trx).replaceForRole(role, DEFAULT_ROLE_PERMISSIONS[role]);
      }
    });
    this.cache = undefined;
  }

  async getPermissions(role: Role): Promise<ReadonlySet<Permission>> {
    if (!this.cache || Date.now() - this.loadedAt > CACHE_TTL_MS) {
      const rows = await new RolePermissionsRepository(this.db).findAll();
      const byRole = new Map<Role, Set<Permission>>(ROLES.map((r) => [r, new Set<Permission>()]));
      for (const row of rows) {
        if (isPermission(row.permission)) byRole.get(row.role as Role)?.add(row.permission);
      }
      // The separated administrators always hold exactly their fixed sets.
      for (const admin of SEPARATED_ADMIN_ROLES) byRole.set(admin, new Set(DEFAULT_ROLE_PERMISSIONS[admin]));
      this.cache = byRole;
      this.loadedAt = Date.now();
    }
    return this.cache.get(role) ?? new Set();
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
    this.cache = undefined;
  }
}
