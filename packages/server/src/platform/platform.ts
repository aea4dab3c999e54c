import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Lake } from '../lake/index.js';
import type { FieldCrypto } from '../security/field-crypto.js';
import type { BackgroundTasks } from './background-tasks.js';
import type { Clock } from './clock.js';

/**
 * The infrastructure one process shares: configuration, the two stores, encryption, the
 * clock and background work. Domain modules receive this, plus the few long-lived objects
 * of their own they declare beside it (a module's `…Services` type); the app assembles both.
 */
export interface Platform {
  readonly config: Config;
  readonly database: Database;
  /** The analytical lake: imported dataset rows and the subject index (DuckDB or PostgreSQL). */
  readonly lake: Lake;
  readonly fieldCrypto: FieldCrypto;
  /** The time every session, lockout and one-time-code rule reads; tests pass a manual one. */
  readonly clock: Clock;
  /** Optional work started by a request and finished after it (awaited before the stores close). */
  readonly background: BackgroundTasks;
}
