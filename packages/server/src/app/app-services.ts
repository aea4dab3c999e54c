import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Lake } from '../lake/index.js';
import { type Clock, systemClock } from '../platform/clock.js';
import { KeyFailureWindows } from '../modules/api-keys/key-failures.js';
import { SessionService } from '../modules/auth/session.service.js';
import { ModelRunQueue } from '../modules/models/runs/run-queue.js';
import { RolePermissionsService } from '../modules/roles/role-permissions.service.js';
import { BackgroundTasks } from '../platform/background-tasks.js';
import { FieldCrypto } from '../security/field-crypto.js';

/**
 * The composition root: the long-lived services one process shares. Domain services that
 * hold no state are built where they are used, from these.
 */
export interface AppServices {
  readonly config: Config;
  readonly database: Database;
  /** The analytical lake: imported dataset rows and the subject index (DuckDB or PostgreSQL). */
  readonly lake: Lake;
  readonly sessions: SessionService;
  readonly rolePermissions: RolePermissionsService;
  readonly fieldCrypto: FieldCrypto;
  /** The time every session, lockout and one-time-code rule reads; tests pass a manual one. */
  readonly clock: Clock;
  /** Background model runs, one at a time, cancellable; also the feed of new warnings. */
  readonly modelRuns: ModelRunQueue;
  /** Optional work started by a request and finished after it (awaited before the stores close). */
  readonly background: BackgroundTasks;
  /** Refused API key attempts per source address: the limit on guessing, audited per window. */
  readonly keyFailures: KeyFailureWindows;
}

export function createAppServices(
  config: Config,
  database: Database,
  lake: Lake,
  masterKey: Buffer,
  clock: Clock = systemClock,
): AppServices {
  return {
    config,
    database,
    lake,
    sessions: new SessionService(database.db, {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
    }),
    rolePermissions: new RolePermissionsService(database.db),
    fieldCrypto: new FieldCrypto(masterKey),
    clock,
    modelRuns: new ModelRunQueue(),
    background: new BackgroundTasks(),
    keyFailures: new KeyFailureWindows({
      limit: config.apiKeyFailureLimit,
      windowMs: config.apiKeyFailureWindowMinutes * 60_000,
    }),
  };
}
