/**
 * Running comparison models on the lake. Compile with core's `compileModel`, run here:
 * - runModelOnLake(lake, spec, params, { newBatches?, timeoutMs?, signal?, maxEvidenceRows? }) → ModelHit[]
 * - plannedMode(spec, { newBatches }) → 'full' | 'incremental'
 * - checkModelSql(sql, engine, inputs) / checkModelDocumentSql(spec, params): the engine's own parser
 *   says whether SQL reads only the model's `ds_*` inputs (runModelOnLake asks it before every run)
 * - isQueryFault(error): an engine error caused by the query itself (a bad column, a type error)
 * - groupEvidenceRows(rows, spec) for rows that follow MODEL_OUTPUT_COLUMNS
 * Errors are ModelRunError with a stable code.
 */
export { DEFAULT_MAX_EVIDENCE_ROWS, plannedMode, runModelOnLake, type RunModelOptions } from './run-model.js';
export { groupEvidenceRows, type EvidenceRef, type EvidenceRow, type ModelHit } from './hits.js';
export { checkModelDocumentSql, checkModelSql, type SqlCheckEngine, type SqlCheckRefusal } from './sql-check/index.js';
export { isQueryFault } from './query-faults.js';
export { ModelRunError, type ModelRunErrorCode } from './errors.js';
export { DEFAULT_TIMEOUT_MS, type RunLimits } from './deadline.js';
