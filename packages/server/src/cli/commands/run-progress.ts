import type { AppServices } from '../../app/app-services.js';
import type { ModelRunRow } from '../../db/schema.js';
import { getRun } from '../../modules/models/runs/model-runs.service.js';
import { summariseRun } from '../../modules/models/runs/run-summary.js';
import type { CommandOutput } from './open-services.js';

/**
 * Waits for a run this process queued, printing its progress on stderr (each time another
 * model finishes) and then, on stdout, each model's outcome and the run's summary: how many
 * models succeeded, were skipped (with the datasets they wait for) and failed. Returns the
 * finished run; the caller decides what its status means for the exit code.
 */
export async function waitForRun(services: AppServices, runId: number, output: CommandOutput): Promise<ModelRunRow> {
  let shown = -1;
  const report = (run: ModelRunRow) => {
    if (run.models_done === shown) return;
    shown = run.models_done;
    output.err(`run ${run.id}: ${run.models_done}/${run.models_total} models\n`);
  };
  const timer = setInterval(() => void getRun(services, runId).then(report, () => undefined), 500);
  try {
    await services.modelRuns.whenFinished(runId);
  } finally {
    clearInterval(timer);
  }
  const done = await getRun(services, runId);
  report(done);
  const hits = done.hit_counts as Record<string, number>;
  const durations = done.model_durations as Record<string, number>;
  const skipped = done.skipped as Record<string, string[]>;
  const errors = done.errors as Record<string, string>;
  for (const [id, n] of Object.entries(hits)) output.out(`${id.padEnd(10)} ${n} hits in ${durations[id]} ms\n`);
  for (const [id, datasets] of Object.entries(skipped)) {
    output.out(`${id.padEnd(10)} skipped: no rows yet in ${datasets.join(', ')} / 待导入数据\n`);
  }
  for (const [id, message] of Object.entries(errors)) output.out(`${id.padEnd(10)} FAILED: ${message}\n`);
  const summary = summariseRun(done);
  output.out(
    `run ${done.id} ${done.status}: ${summary.succeeded} succeeded, ${summary.skipped} skipped, ` +
      `${summary.failed} failed of ${summary.total} models; ` +
      `${done.new_warnings} new and ${done.updated_warnings} updated warnings in ${done.duration_ms ?? 0} ms\n`,
  );
  return done;
}

/** Whether a finished run's outcome should fail the command: a model failed, or the run was stopped. */
export function runFailed(run: ModelRunRow): boolean {
  return run.status === 'failed' || run.status === 'cancelled';
}
