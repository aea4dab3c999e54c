import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Lake } from '../lake/index.js';
import { KeyFailureWindows } from '../modules/api-keys/key-failures.js';
import type { ApiKeyServices } from '../modules/api-keys/api-key-services.js';
import type { AuthServices } from '../modules/auth/auth-services.js';
import { SessionService } from '../modules/auth/session.service.js';
import type { CaseEvents, CaseServices } from '../modules/cases/index.js';
import type { ClueEvents, ClueServices } from '../modules/clues/index.js';
import type { BatchEvents } from '../modules/datasets/batches/batch-events.js';
import type { ModelServices } from '../modules/models/model-services.js';
import { findEnabledModelReaders } from '../modules/models/registry/model-readers.js';
import { ModelRunQueue } from '../modules/models/runs/run-queue.js';
import { TransparencyLog, type TransparencyServices } from '../modules/transparency/index.js';
import { DeadlineSweep, NotificationFeed, type NotificationServices } from '../modules/notifications/index.js';
import { RolePermissionsService } from '../modules/roles/role-permissions.service.js';
import { WarningFeed } from '../modules/warnings/warning-feed.js';
import { BackgroundTasks } from '../platform/background-tasks.js';
import { type Clock, systemClock } from '../platform/clock.js';
import { EventBus } from '../platform/event-bus.js';
import { FieldCrypto, type RingInput } from '../security/field-crypto.js';
import { subscribeDomainEvents } from './domain-events.js';

/**
 * The composition root: the platform (infrastructure) and the long-lived objects each
 * module declared it needs, in one object that satisfies every module's `…Services`
 * type. Domain services that hold no state are built where they are used, from these.
 */
export interface AppServices
  extends
    AuthServices,
    ApiKeyServices,
    ModelServices,
    TransparencyServices,
    ClueServices,
    CaseServices,
    NotificationServices {
  /** Deadline reminders and overdue notices: `qingfeng serve` starts it, closing the platform stops it. */
  readonly deadlineSweep: DeadlineSweep;
}

export function createAppServices(
  config: Config,
  database: Database,
  lake: Lake,
  keys: RingInput,
  clock: Clock = systemClock,
): AppServices {
  const platform = { config, database, clock };
  const services: Omit<AppServices, 'deadlineSweep'> = {
    config,
    database,
    lake,
    fieldCrypto: new FieldCrypto(keys, config.fieldCipher),
    clock,
    background: new BackgroundTasks(),
    sessions: new SessionService(database.db, database.revisions, {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
    }),
    rolePermissions: new RolePermissionsService(database.db, database.revisions),
    batchEvents: new EventBus<BatchEvents>(),
    clueEvents: new EventBus<ClueEvents>(),
    caseEvents: new EventBus<CaseEvents>(),
    // The datasets module sits below the models: it asks which models read a dataset through this.
    modelsReading: (datasetType) => findEnabledModelReaders(services, datasetType),
    warningFeed: new WarningFeed(),
    modelRuns: new ModelRunQueue(),
    keyFailures: new KeyFailureWindows({
      limit: config.apiKeyFailureLimit,
      windowMs: config.apiKeyFailureWindowMinutes * 60_000,
    }),
    transparency: new TransparencyLog(platform),
    notificationFeed: new NotificationFeed(),
  };
  // The sweep reads the role permissions and the feed from the object it joins.
  const all: AppServices = Object.assign(services, { deadlineSweep: new DeadlineSweep(services) });
  subscribeDomainEvents(all);
  return all;
}
