/** Stable codes of a failed model run, for the runs service to record and present. */
export type ModelRunErrorCode =
  'MODEL_INVALID' | 'MODEL_TIMEOUT' | 'MODEL_CANCELLED' | 'MODEL_TOO_MANY_ROWS' | 'SQL_REFUSED' | 'MODEL_ENGINE_ERROR';

/** A model run that did not complete; `cause` carries the engine or spec error. */
export class ModelRunError extends Error {
  override readonly name = 'ModelRunError';
  constructor(
    readonly code: ModelRunErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
