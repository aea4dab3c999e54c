import type { Lake } from '../lake/index.js';
import { ModelRunError } from './errors.js';

/** Limits shared by every way of running a model. */
export interface RunLimits {
  /** Wall-clock limit in milliseconds (default 10 minutes). */
  readonly timeoutMs?: number;
  /** Aborting it rejects the run with MODEL_CANCELLED. */
  readonly signal?: AbortSignal;
  /**
   * A small query (an incremental model's): PostgreSQL starts no parallel workers for it,
   * whose start-up costs more than they save on a few thousand new rows (W07 and W10 on a
   * 1M-row lake: 52 and 54 ms with workers, 29 ms without). DuckDB has no per-query setting.
   */
  readonly small?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs a model's query under the limits, as untrusted SQL (Lake.queryUntrusted): whatever
 * its text, it reads the `ds_*` tables and nothing else. On PostgreSQL the limit is also
 * enforced by the server (statement_timeout, read-only transaction), so a stopped run
 * frees the server; the settings are local to the query's transaction. The Lake interface
 * gives no way to interrupt a DuckDB query, so there the caller is released at the
 * deadline or on abort while the engine finishes the statement in the background.
 */
export async function queryWithLimits<T>(lake: Lake, sql: string, params: unknown[], limits: RunLimits): Promise<T[]> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (limits.signal?.aborted) throw new ModelRunError('MODEL_CANCELLED', 'The model run was cancelled');
  const run = lake.queryUntrusted<T>(sql, params, { timeoutMs, ...(limits.small ? { small: true } : {}) });
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ModelRunError('MODEL_TIMEOUT', `The model run exceeded ${timeoutMs} ms`)),
      timeoutMs,
    );
    onAbort = () => reject(new ModelRunError('MODEL_CANCELLED', 'The model run was cancelled'));
    limits.signal?.addEventListener('abort', onAbort, { once: true });
  });
  // The abandoned query may still fail later; nobody is waiting for it then.
  run.catch(() => undefined);
  try {
    return await Promise.race([run, stop]);
  } catch (error) {
    if (error instanceof ModelRunError) throw error;
    // PostgreSQL's own statement_timeout (57014) is the same deadline reached server-side.
    if ((error as { code?: string }).code === '57014') {
      throw new ModelRunError('MODEL_TIMEOUT', `The model run exceeded ${timeoutMs} ms`, { cause: error });
    }
    throw new ModelRunError('MODEL_ENGINE_ERROR', `The lake refused the query: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    if (onAbort) limits.signal?.removeEventListener('abort', onAbort);
  }
}
