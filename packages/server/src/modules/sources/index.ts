/** What other modules may use of the sources module. */
export { prepareEngineCsv, type EngineCsv } from './csv-engine.js';
export { LineLengthCheck, longLineError } from './line-guard.js';
export { openRecordSource, type OpenSourceOptions } from './open-source.js';
export { DEFAULT_READ_LIMITS, excerpt, readLimitsOf, type ReadLimitError, type ReadLimits } from './read-limits.js';
export { type RecordSource } from './record-source.js';
