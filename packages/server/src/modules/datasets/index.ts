/** What other modules may use of the datasets module. */
export { type DatasetServices } from './batches/batch-events.js';
export {
  batchWithin,
  findBatchDivisions,
  getVisibleBatch,
  rowJurisdictionOf,
  type DataViewer,
} from './batches/batch-scope.js';
export { BATCH_STATUS_WORDS } from './batches/batch-words.js';
export { JsonLinesTempFile, importJsonLinesFile, readRejectedRows, type RejectedRow } from './import/records-import.js';
export { ZColumnAccounting } from './batches/column-accounting.schemas.js';
export { presentColumnAccounting } from './batches/column-accounting.presenter.js';
export {
  accountKeyOf,
  attachAccountCiphertexts,
  ensureAccountIndex,
  findAccountCiphertexts,
  sealPlainAccounts,
} from './import/accounts.lake.js';
