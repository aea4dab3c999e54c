/** Stable error codes raised by the lake itself (engine errors pass through unchanged). */
export type LakeErrorCode =
  | 'LAKE_INVALID_IDENTIFIER'
  | 'LAKE_INVALID_DEFINITION'
  | 'LAKE_INVALID_VALUE'
  | 'LAKE_UNKNOWN_COLUMN'
  | 'LAKE_NESTED_WRITE'
  | 'LAKE_TX_SPOILT'
  | 'LAKE_CLOSED';

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
