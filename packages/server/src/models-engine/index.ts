/**
 * Running comparison models on the lake. Compile with core's `compileModel`, run here:
 * - runModelOnLake(lake, spec, params, { newBatches?, timeoutMs?, signal?, maxEvidenceRows? }) → ModelHit[]
 * - plannedMode(spec, { newBatches }) → 'full' | 'incremental'
 * - validateReadOnlySql(sql) / runReadOnlySqlModel(lake, sql, { timeoutMs, rowLimit, signal })
 * - groupEvidenceRows(rows, spec) for rows that follow MODEL_OUTPUT_COLUMNS (e.g. expert SQL)
 * Errors are ModelRunError with a stable code.
 */
export { DEFAULT_MAX_EVIDENCE_ROWS, plannedMode, runModelOnLake, type RunModelOptions } from './run-model.js';
export { groupEvidenceRows, type EvidenceRef, type EvidenceRow, type ModelHit } from './hits.js';
export { validateReadOnlySql, type ReadOnlySqlCheck } from './read-only-sql.js';
export { runReadOnlySqlModel, type ReadOnlySqlOptions, type ReadOnlySqlResult } from './read-only-run.js';
export { ModelRunError, type ModelRunErrorCode } from './errors.js';
export { DEFAULT_TIMEOUT_MS, type RunLimits } from './deadline.js';
export { BASELINE_MODELS, BASELINE_SQL, type BaselineModelId, type BaselineQuery } from './baseline.js';
