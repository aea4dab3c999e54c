import type { ModelServices } from '../model-services.js';
import { recordAudit, systemActor } from '../../audit/index.js';
import { isRunnerAlive } from './model-runs.liveness.js';
import { ModelRunsRepository } from './model-runs.repository.js';

/** The error of a run whose process stopped before it finished. */
export const INTERRUPTED_ERROR = '运行中断：进程在运行期间停止 / interrupted: the process stopped during the run';

/**
 * Start-up: fails the runs a stopped process left queued or running (nothing would ever
 * finish them), each audited. First takes this process's runner lock, then spares every run
 * whose runner still holds its own: on PostgreSQL several processes share the store.
 * Why a lock and not a heartbeat: the lock vanishes the moment its process dies, so a
 * restart after a crash fails the run at once, with no timer, clock or staleness guess.
 * Returns the failed run ids.
 */
export async function failInterruptedRuns(services: ModelServices): Promise<number[]> {
  const queue = services.modelRuns;
  await queue.holdRunnerLock(services.database);
  const failed: number[] = [];
  for (const run of await new ModelRunsRepository(services.database.db).findUnfinishedRuns()) {
    if (queue.isActive(run.id) || (await isRunnerAlive(services.database, run.runner_key))) continue;
    const now = services.clock.now();
    await services.database.db.transaction().execute(async (trx) => {
      const changed = await new ModelRunsRepository(trx).transitionRun(run.id, ['queued', 'running'], {
        status: 'failed',
        error: INTERRUPTED_ERROR,
        finished_at: now,
      });
      if (!changed) return;
      await recordAudit(trx, systemActor('model-runner'), {
        action: 'model_run.interrupted',
        objectType: 'model_run',
        objectId: run.id,
        outcome: 'failed',
        detail: { was: run.status, modelsDone: run.models_done, modelsTotal: run.models_total },
      });
      failed.push(run.id);
    });
  }
  return failed;
}
