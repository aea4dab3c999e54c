/** Stable error codes raised by the lake itself (engine errors pass through unchanged). */
export type LakeErrorCode =
  | 'LAKE_INVALID_IDENTIFIER'
  | 'LAKE_INVALID_DEFINITION'
  | 'LAKE_INVALID_VALUE'
  | 'LAKE_UNKNOWN_COLUMN'
  | 'LAKE_NESTED_WRITE'
  | 'LAKE_TX_SPOILT'
  | 'LAKE_CLOSED'
  /** Untrusted SQL that is not one SELECT reading only `ds_*` tables (see Lake.queryUntrusted). */
  | 'LAKE_UNTRUSTED_REFUSED'
  /** A PostgreSQL lake without a reader login for untrusted SQL. */
  | 'LAKE_NO_READER';

/** An error the lake raises before (or instead of) asking the engine. */
export class LakeError extends Error {
  override readonly name = 'LakeError';
  constructor(
    readonly code: LakeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
