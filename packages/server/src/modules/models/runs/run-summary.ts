import type { ModelRunRow } from '../../../db/schema.js';

/** How a run's models ended, each counted once: the truthful summary the API, console and CLI show. */
export interface RunSummary {
  /** Ran and saved their hits (none is a result too). */
  readonly succeeded: number;
  /** Did not run: their input datasets held no rows (see the run's `skipped`). */
  readonly skipped: number;
  readonly failed: number;
  /** Models in the run; those neither counted above are still waiting (or were cancelled). */
  readonly total: number;
}

/** The summary of a run, from what it recorded: errors and skips by model, and how many models finished. */
export function summariseRun(
  run: Pick<ModelRunRow, 'models_done' | 'models_total' | 'errors' | 'skipped'>,
): RunSummary {
  const failed = Object.keys(run.errors ?? {}).length;
  const skipped = Object.keys(run.skipped ?? {}).length;
  return {
    succeeded: Math.max(0, run.models_done - failed - skipped),
    skipped,
    failed,
    total: run.models_total,
  };
}
