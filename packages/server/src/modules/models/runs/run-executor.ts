import type { ModelServices } from '../model-services.js';
import type { ModelRunRow } from '../../../db/schema.js';
import { type AuditActor, recordAudit, systemActor } from '../../audit/index.js';
import { rowJurisdictionOf } from '../../datasets/index.js';
import { recordModelHits } from '../../warnings/index.js';
import { Mutex } from '../../../lake/mutex.js';
import { type ModelDocument, type ModelHit, runModel } from '../../../models-engine/model-engine.js';
import { ModelRunsRepository } from './model-runs.repository.js';
import type { BatchesByDataset, RunEntry } from './run-plan.js';
import { ModelsRepository } from '../registry/models.repository.js';
import { forEachInRunOrder } from './run-order.js';
import { datasetHoldsRows, datasetsWaitedFor } from './run-inputs.lake.js';

/**
 * Background work is audited as the runner, with the run id; the start was audited as the
 * user who asked. A county's run is filed under the county's organisation, so its figures
 * reach that county's auditors and no others.
 */
function runnerActor(run: ModelRunRow): AuditActor {
  return { ...systemActor('model-runner'), userId: run.requested_by, orgId: run.scope_org_id };
}

function messageOf(error: unknown): string {
  return ((error as Error)?.message ?? String(error)).slice(0, 2000);
}

/**
 * Executes a queued run: its models in run order (incremental ones side by side, full ones
 * one at a time), each model's hits saved as warnings; progress, hit counts and each model's
 * time in the engine are written after every model so the API shows them live. A model whose
 * input datasets hold no rows is skipped, with the datasets it waits for (not failed, not
 * counted as succeeded). A model that fails is recorded and the others continue; the run
 * then ends `failed`, and `skipped` when every model was skipped.
 * The signal cancels between models and inside the engine's query. A run recorded with a
 * jurisdiction reads, writes and retires only inside it.
 */
export async function executeRun(services: ModelServices, runId: number, signal: AbortSignal): Promise<void> {
  const runs = new ModelRunsRepository(services.database.db);
  const startedAt = services.clock.now();
  if (signal.aborted) {
    await runs.transitionRun(runId, ['queued'], { status: 'cancelled', finished_at: startedAt });
    return;
  }
  // Cancelled while it waited (possibly by another process): nothing to do.
  if (!(await runs.transitionRun(runId, ['queued'], { status: 'running', started_at: startedAt }))) return;
  const run = (await runs.findRun(runId)) as ModelRunRow;
  const entries = run.models as RunEntry[];
  const batches = (run.input_batch_ids ?? {}) as BatchesByDataset;
  const models = new ModelsRepository(services.database.db);
  // A county's run reads the county's rows as they are when it starts (see jurisdiction.ts).
  const scope = await rowJurisdictionOf(services.database.db, run.scope_prefix);
  const hitCounts: Record<string, number> = {};
  const durations: Record<string, number> = {};
  const errors: Record<string, string> = {};
  const skipped: Record<string, string[]> = {};
  // Whether each dataset holds rows, asked once per run.
  const holding = new Map<string, Promise<boolean>>();
  const holdsRows = (dataset: string) => {
    const known = holding.get(dataset) ?? datasetHoldsRows(services.lake, dataset);
    holding.set(dataset, known);
    return known;
  };
  let inserted = 0;
  let updated = 0;
  let done = 0;
  // Models may be evaluated side by side (see run-order.ts); their hits and the progress
  // are written one model at a time.
  const writes = new Mutex();
  const evaluate = async (entry: RunEntry) => {
    let hits: ModelHit[] | undefined;
    let document: ModelDocument | undefined;
    try {
      const version = await models.findVersion(entry.modelId, entry.version);
      if (!version) throw new Error(`model ${entry.modelId} v${entry.version} is not registered`);
      const waiting = await datasetsWaitedFor(version.document as ModelDocument, holdsRows);
      if (waiting.length > 0) skipped[entry.modelId] = waiting;
      else {
        document = version.document as ModelDocument;
        const started = performance.now();
        hits = await runModel(services.lake, document, entry.params, {
          signal,
          ...(entry.mode === 'incremental' ? { newBatches: batches } : {}),
          ...(scope ? { scope } : {}),
        });
        durations[entry.modelId] = Math.round(performance.now() - started);
      }
    } catch (error) {
      if (!signal.aborted) errors[entry.modelId] = messageOf(error);
    }
    if (signal.aborted) return;
    await writes.run(async () => {
      if (hits !== undefined && document !== undefined) {
        try {
          const saved = await recordModelHits(
            services,
            runnerActor(run),
            {
              id: runId,
              modelId: entry.modelId,
              version: entry.version,
              mode: entry.mode,
              document,
              ...(scope ? { scope } : {}),
            },
            hits,
          );
          hitCounts[entry.modelId] = new Set(hits.map((h) => h.hitKey)).size;
          inserted += saved.inserted;
          updated += saved.updated;
        } catch (error) {
          errors[entry.modelId] = messageOf(error);
        }
      }
      done += 1;
      await runs.updateRun(runId, {
        models_done: done,
        hit_counts: hitCounts,
        model_durations: durations,
        errors,
        skipped,
        new_warnings: inserted,
        updated_warnings: updated,
      });
    });
  };
  await forEachInRunOrder(entries, evaluate, () => signal.aborted);
  const finishedAt = services.clock.now();
  const skippedAll = entries.length > 0 && Object.keys(skipped).length === entries.length;
  const status = signal.aborted
    ? 'cancelled'
    : Object.keys(errors).length > 0
      ? 'failed'
      : skippedAll
        ? 'skipped'
        : 'succeeded';
  await services.database.db.transaction().execute(async (trx) => {
    await new ModelRunsRepository(trx).updateRun(runId, {
      status,
      models_done: done,
      hit_counts: hitCounts,
      model_durations: durations,
      errors,
      skipped,
      new_warnings: inserted,
      updated_warnings: updated,
      finished_at: finishedAt,
      duration_ms: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
    });
    await recordAudit(trx, runnerActor(run), {
      action: 'model_run.finish',
      objectType: 'model_run',
      objectId: runId,
      outcome: status === 'failed' ? 'failed' : 'allowed',
      detail: {
        status,
        modelsDone: done,
        newWarnings: inserted,
        updatedWarnings: updated,
        failedModels: Object.keys(errors),
        skippedModels: skipped,
      },
    });
  });
}
