import type { Migration } from 'kysely';
import * as createOrganisations from './20261123100000-create-organisations.js';
import * as createUsersAndSessions from './20261123100100-create-users-and-sessions.js';
import * as createAuditLog from './20261123100200-create-audit-log.js';
import * as addTotpLastStep from './20261123110000-add-totp-last-step.js';
import * as indexUserLookups from './20261123120000-index-user-lookups.js';
import * as createImportBatches from './20261123130000-create-import-batches.js';
import * as createModelsAndWarnings from './20261123140000-create-models-and-warnings.js';
import * as createQualitySnapshots from './20261123150000-create-quality-snapshots.js';
import * as createApiKeys from './20261123160000-create-api-keys.js';
import * as createCustomCatalogue from './20261123170000-create-custom-catalogue.js';
import * as addWarningRetirementAndRunOwner from './20261123180000-add-warning-retirement-and-run-owner.js';
import * as addModelRunDurations from './20261203100000-add-model-run-durations.js';
import * as batchesAndRunsBelongToAJurisdiction from './20261204110000-batches-and-runs-belong-to-a-jurisdiction.js';
import * as warningsLieSomewhereAndRunsSayWhatTheySkipped from './20261210100000-warnings-lie-somewhere-and-runs-say-what-they-skipped.js';
import * as batchesCountKeptCells from './20261211090000-batches-count-kept-cells.js';
import * as oneWarningPerProblem from './20261212090000-one-warning-per-problem.js';
import * as builderModelsAwaitReview from './20261213090000-builder-models-await-review.js';
import * as warningReadsAtACountyScale from './20261213100000-warning-reads-at-a-county-scale.js';
import * as createTransparencyLog from './20261213110000-create-transparency-log.js';
import * as sensitiveQueriesAwaitApproval from './20261214110000-sensitive-queries-await-approval.js';
import * as aPersonsWarningsByIndex from './20261214120000-a-persons-warnings-by-index.js';
import * as createClues from './20261214130000-create-clues.js';
import * as caseSubjectsNameUnitsByCreditCode from './20261216100000-case-subjects-name-units-by-credit-code.js';
import * as clueDuplicatesAssignmentRecusal from './20261215150000-clue-duplicates-assignment-recusal.js';
import * as createCases from './20261215100000-create-cases.js';
import * as createNotifications from './20261215120000-create-notifications.js';
import * as warningCountsKeptAsTheyChange from './20261215170000-warning-counts-kept-as-they-change.js';
import * as overdueCluesByCounty from './20261216140000-overdue-clues-by-county.js';
import * as storeChangesAreAnnounced from './20261216180000-store-changes-are-announced.js';
import * as overdueCasesByCounty from './20261217100000-overdue-cases-by-county.js';
import * as clueReadsAreAnnounced from './20261219100000-clue-reads-are-announced.js';
import * as auditEntriesQueuedPerStatement from './20261219110000-audit-entries-queued-per-statement.js';

/**
 * Every migration, by name. Listed here rather than read from the folder so the set is
 * the same in the source tree, the build and the tests.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '20261123100000-create-organisations': createOrganisations,
  '20261123100100-create-users-and-sessions': createUsersAndSessions,
  '20261123100200-create-audit-log': createAuditLog,
  '20261123110000-add-totp-last-step': addTotpLastStep,
  '20261123120000-index-user-lookups': indexUserLookups,
  '20261123130000-create-import-batches': createImportBatches,
  '20261123140000-create-models-and-warnings': createModelsAndWarnings,
  '20261123150000-create-quality-snapshots': createQualitySnapshots,
  '20261123160000-create-api-keys': createApiKeys,
  '20261123170000-create-custom-catalogue': createCustomCatalogue,
  '20261123180000-add-warning-retirement-and-run-owner': addWarningRetirementAndRunOwner,
  '20261203100000-add-model-run-durations': addModelRunDurations,
  '20261204110000-batches-and-runs-belong-to-a-jurisdiction': batchesAndRunsBelongToAJurisdiction,
  '20261210100000-warnings-lie-somewhere-and-runs-say-what-they-skipped': warningsLieSomewhereAndRunsSayWhatTheySkipped,
  '20261211090000-batches-count-kept-cells': batchesCountKeptCells,
  '20261212090000-one-warning-per-problem': oneWarningPerProblem,
  '20261213090000-builder-models-await-review': builderModelsAwaitReview,
  '20261213100000-warning-reads-at-a-county-scale': warningReadsAtACountyScale,
  '20261213110000-create-transparency-log': createTransparencyLog,
  '20261214110000-sensitive-queries-await-approval': sensitiveQueriesAwaitApproval,
  '20261214120000-a-persons-warnings-by-index': aPersonsWarningsByIndex,
  '20261214130000-create-clues': createClues,
  '20261215100000-create-cases': createCases,
  '20261215120000-create-notifications': createNotifications,
  '20261215150000-clue-duplicates-assignment-recusal': clueDuplicatesAssignmentRecusal,
  '20261215170000-warning-counts-kept-as-they-change': warningCountsKeptAsTheyChange,
  '20261216100000-case-subjects-name-units-by-credit-code': caseSubjectsNameUnitsByCreditCode,
  '20261216140000-overdue-clues-by-county': overdueCluesByCounty,
  '20261216180000-store-changes-are-announced': storeChangesAreAnnounced,
  '20261217100000-overdue-cases-by-county': overdueCasesByCounty,
  '20261219100000-clue-reads-are-announced': clueReadsAreAnnounced,
  '20261219110000-audit-entries-queued-per-statement': auditEntriesQueuedPerStatement,
};
