import type { Migration } from 'kysely';
import * as createOrganisations from './20261123100000-create-organisations.js';
import * as createUsersAndSessions from './20261123100100-create-users-and-sessions.js';
import * as createAuditLog from './20261123100200-create-audit-log.js';
import * as addTotpLastStep from './20261123110000-add-totp-last-step.js';

/**
 * Every migration, by name. Listed here rather than read from the folder so the set is
 * the same in the source tree, the build and the tests.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '20261123100000-create-organisations': createOrganisations,
  '20261123100100-create-users-and-sessions': createUsersAndSessions,
  '20261123100200-create-audit-log': createAuditLog,
  '20261123110000-add-totp-last-step': addTotpLastStep,
};
