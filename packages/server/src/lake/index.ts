/** The analytical lake: import from here, not from the engine files. */
export { DATASET_TABLE_PREFIX, LAKE_ENGINES } from './lake.js';
export type {
  Lake,
  LakeColumn,
  LakeColumnType,
  LakeEngine,
  LakeRows,
  LakeTableDef,
  LakeTx,
  UntrustedQueryLimits,
} from './lake.js';
export { LakeError, type LakeErrorCode } from './errors.js';
export { columnTypeSql } from './ddl.js';
export { describeLakeTables } from './describe-tables.js';
export { assertIdentifier, parameterList, quoteIdentifier } from './identifiers.js';
export { openLake, type OpenLakeOptions } from './open-lake.js';
export { createScratchLakeSchema, type ScratchLakeSchema } from './scratch-schema.js';
