import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import { SessionService } from './modules/auth/session.service.js';
import { RolePermissionsService } from './modules/roles/role-permissions.service.js';
import { FieldCrypto } from './security/field-crypto.js';

/**
 * The composition root: the long-lived services one process shares. Domain services that
 * hold no state are built where they are used, from these.
 */
export interface AppServices {
  readonly config: Config;
  readonly database: Database;
  readonly sessions: SessionService;
  readonly rolePermissions: RolePermissionsService;
  readonly fieldCrypto: FieldCrypto;
}

export function createAppServices(config: Config, database: Database, masterKey: Buffer): AppServices {
  return {
    config,
    database,
    sessions: new SessionService(database.db, {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
    }),
    rolePermissions: new RolePermissionsService(database.db),
    fieldCrypto: new FieldCrypto(masterKey),
  };
}
