import type { ModelServices } from '../model-services.js';
import type { ImportBatch, ModelRunKind, ModelRunRow, ModelRunStatus } from '../../../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../http/errors.js';
import { type AuditActor, recordAudit, systemActor } from '../../audit/index.js';
import { BATCH_STATUS_WORDS, type DataViewer, getVisibleBatch } from '../../datasets/index.js';
import { ensureModelRegistry } from '../registry/model-registry.js';
import { ModelRunsRepository } from './model-runs.repository.js';
import { ModelsRepository, type ModelWithVersion } from '../registry/models.repository.js';
import { findLoadedBatchesAfter, findNewestLoadedBatchId } from './run-batches.js';
import { executeRun } from './run-executor.js';
import { type BatchesByDataset, longestFirst, planRun } from './run-plan.js';
import { RUN_STATUS_WORDS } from './run-words.js';

/** What to run. */
export interface StartRunInput {
  /** These models (enabled or not, but never a draft); omit with `all` for every enabled, approved model. */
  modelIds?: string[];
  all?: boolean;
  kind: ModelRunKind;
  /** Incremental: these import batches; omitted = every batch loaded since the last finished run. */
  batchIds?: number[];
}

/** Who asked for a run. */
export interface RunRequester {
  actor: AuditActor;
  userId: number | null;
  username: string;
  /**
   * The requester's jurisdiction: a county's run reads only the county's rows, retires only
   * the county's warnings and is seen in full only there. Omitted or '' = the whole
   * country, for the command line and the platform's own runs (schedules, after imports).
   */
  jurisdictionPrefix?: string;
}

async function selectModels(
  services: ModelServices,
  input: StartRunInput,
  scopePrefix: string,
): Promise<ModelWithVersion[]> {
  const repository = new ModelsRepository(services.database.db);
  if (input.all || !input.modelIds || input.modelIds.length === 0) {
    if (!input.all) throw new ValidationError('Name models to run, or ask for all', 'body.models');
    return repository.findModels({ runnable: true });
  }
  const ids = [...new Set(input.modelIds)];
  // A draft of another jurisdiction is as absent here as in the model list.
  const found = (await repository.findModelsByIds(ids)).filter(
    (m) => m.review_status === 'approved' || m.owner_prefix.startsWith(scopePrefix),
  );
  const missing = ids.filter((id) => !found.some((m) => m.id === id));
  if (missing.length > 0) throw new NotFoundError(`Model ${missing.join(', ')}`, 'model_not_found');
  // What staff wrote runs only after a second person approved it, whoever asks for the run.
  const unreviewed = found.filter((m) => m.review_status !== 'approved').map((m) => m.id);
  if (unreviewed.length > 0) {
    throw new ConflictError(
      `模型 ${unreviewed.join('、')} 待审核，不能运行 / model ${unreviewed.join(', ')} awaits review and cannot run`,
      'body.models',
      'model_awaiting_review',
    );
  }
  return found;
}

function groupByDataset(batches: readonly ImportBatch[]): BatchesByDataset {
  const out: BatchesByDataset = {};
  for (const batch of batches) (out[batch.dataset_type] ??= []).push(batch.id);
  for (const ids of Object.values(out)) ids.sort((a, b) => a - b);
  return out;
}

/** How many past runs' model durations order a new run's models (run-plan.ts). */
const RECENT_RUNS = 20;

/**
 * Records a run as queued (audited with who asked) and hands it to the process's queue,
 * which runs it in the background. Incremental runs take the named batches, or every
 * batch loaded since the last finished run; models that read none of them are left out.
 * The run's models are recorded in the order they will start (run-plan.ts, `longestFirst`).
 * A county's run is recorded with its jurisdiction, and bounded by it when it executes.
 */
export async function startRun(
  services: ModelServices,
  requester: RunRequester,
  input: StartRunInput,
): Promise<ModelRunRow> {
  await ensureModelRegistry(services);
  const scopePrefix = requester.jurisdictionPrefix ?? '';
  const models = await selectModels(services, input, scopePrefix);
  const runs = new ModelRunsRepository(services.database.db);
  const viewer: DataViewer = { jurisdictionPrefix: scopePrefix };
  let batches: BatchesByDataset | null = null;
  let covered: number | null;
  if (input.kind === 'incremental') {
    // A batch outside the requester's jurisdiction is as absent as one that never was (404).
    const chosen = input.batchIds
      ? await Promise.all(input.batchIds.map((id) => getVisibleBatch(services, viewer, id)))
      : await findLoadedBatchesAfter(services.database.db, scopePrefix, await runs.findCoveredBatchId(scopePrefix));
    const unloaded = chosen.find((b) => b.status !== 'loaded');
    if (unloaded)
      throw new ConflictError(
        `批次 ${unloaded.id} 状态为${BATCH_STATUS_WORDS[unloaded.status].zh}，不能用于运行 / batch ${unloaded.id} is ${BATCH_STATUS_WORDS[unloaded.status].en}, so models cannot run on it`,
        'body.batchIds',
        'batch_not_loaded',
      );
    batches = groupByDataset(chosen);
    covered = chosen.length > 0 ? Math.max(...chosen.map((b) => b.id)) : null;
  } else {
    covered = await findNewestLoadedBatchId(services.database.db, scopePrefix);
  }
  const entries = longestFirst(planRun(models, batches), await runs.findRecentDurations(RECENT_RUNS));
  const run = await services.database.db.transaction().execute(async (trx) => {
    const row = await new ModelRunsRepository(trx).insertRun({
      kind: input.kind,
      status: 'queued',
      models: entries,
      input_batch_ids: batches,
      covered_batch_id: covered,
      models_total: entries.length,
      requested_by: requester.userId,
      requested_by_name: requester.username,
      runner_key: services.modelRuns.runnerKey,
      scope_prefix: scopePrefix,
      scope_org_id: scopePrefix === '' ? null : requester.actor.orgId,
    });
    await recordAudit(trx, requester.actor, {
      action: 'model_run.start',
      objectType: 'model_run',
      objectId: row.id,
      detail: {
        kind: input.kind,
        models: entries.map((e) => `${e.modelId}@${e.version}:${e.mode}`),
        batches,
        jurisdiction: scopePrefix,
      },
    });
    return row;
  });
  void services.modelRuns.enqueue(run.id, (signal) => executeRun(services, run.id, signal));
  return run;
}

/** Runs the platform starts by itself are requested by the model runner. */
const MODEL_RUNNER: RunRequester = { actor: systemActor('model-runner'), userId: null, username: 'model-runner' };

/** The ids of the enabled, approved models that read this dataset type. */
async function findEnabledReaders(services: ModelServices, datasetType: string): Promise<string[]> {
  await ensureModelRegistry(services);
  const enabled = await new ModelsRepository(services.database.db).findModels({ runnable: true });
  return enabled.filter((m) => (m.document as { inputs: string[] }).inputs.includes(datasetType)).map((m) => m.id);
}

/**
 * Follows a batch that has landed (the datasets module's 'batch.loaded', see app/domain-events.ts): every enabled model that
 * reads the batch's dataset type is evaluated for its new rows (or in full, where it must
 * be). A replace-all batch removed every earlier row of its dataset, which an incremental
 * run cannot see, so then they run in full, as after a rollback: hits that rested on the
 * old rows and are not found again retire (unjudged) or are traced as missing (judged).
 * Returns the queued run, or null when no model reads that dataset.
 */
export async function onBatchLoaded(
  services: ModelServices,
  batch: Pick<ImportBatch, 'id' | 'dataset_type' | 'mode'>,
): Promise<ModelRunRow | null> {
  const readers = await findEnabledReaders(services, batch.dataset_type);
  if (readers.length === 0) return null;
  if (batch.mode === 'replace') return startRun(services, MODEL_RUNNER, { kind: 'full', modelIds: readers });
  return startRun(services, MODEL_RUNNER, { kind: 'incremental', modelIds: readers, batchIds: [batch.id] });
}

/**
 * Follows a batch that was rolled back ('batch.rolled-back'): every enabled model
 * that reads its dataset type runs in full on what remains (rows were removed, which an
 * incremental run cannot see), so hits that rested on other rows are found again and
 * those that are gone are retired. Returns the queued run, or null when no model reads it.
 */
export async function onBatchRolledBack(
  services: ModelServices,
  batch: Pick<ImportBatch, 'id' | 'dataset_type'>,
): Promise<ModelRunRow | null> {
  const readers = await findEnabledReaders(services, batch.dataset_type);
  if (readers.length === 0) return null;
  return startRun(services, MODEL_RUNNER, { kind: 'full', modelIds: readers });
}

/** A page of the runs a viewer may see (their jurisdiction's and the wider ones containing it), newest first. */
export async function listRuns(
  services: ModelServices,
  viewer: DataViewer,
  page: number,
  pageSize: number,
  status?: ModelRunStatus,
) {
  const runs = new ModelRunsRepository(services.database.db);
  const [items, total] = await Promise.all([
    runs.findRuns(viewer.jurisdictionPrefix, pageSize, (page - 1) * pageSize, status),
    runs.countRuns(viewer.jurisdictionPrefix, status),
  ]);
  return { items, total };
}

/** One run with its progress, or 404 (for the platform's own use; routes use getVisibleRun). */
export async function getRun(services: ModelServices, id: number): Promise<ModelRunRow> {
  const run = await new ModelRunsRepository(services.database.db).findRun(id);
  if (!run) throw new NotFoundError(`Run ${id}`, 'run_not_found');
  return run;
}

/** One run the viewer may see, or 404: a sibling jurisdiction's run is as absent as one that never was. */
export async function getVisibleRun(services: ModelServices, viewer: DataViewer, id: number): Promise<ModelRunRow> {
  const run = await new ModelRunsRepository(services.database.db).findVisibleRun(viewer.jurisdictionPrefix, id);
  if (!run) throw new NotFoundError(`Run ${id}`, 'run_not_found');
  return run;
}

/**
 * Cancels a queued or running run: its signal stops the engine's query, and a run still
 * waiting is marked cancelled at once. A finished run is a 409; a run covering more than
 * the viewer's jurisdiction (the whole country's) is a 403, one outside it a 404.
 */
export async function cancelRun(
  services: ModelServices,
  actor: AuditActor,
  viewer: DataViewer,
  id: number,
): Promise<ModelRunRow> {
  const run = await getVisibleRun(services, viewer, id);
  if (!run.scope_prefix.startsWith(viewer.jurisdictionPrefix)) {
    throw new ForbiddenError(
      `运行 ${id} 的范围超出本辖区 / run ${id} covers more than your jurisdiction`,
      'run_outside_jurisdiction',
    );
  }
  if (run.status !== 'queued' && run.status !== 'running') {
    const words = RUN_STATUS_WORDS[run.status];
    throw new ConflictError(
      `运行 ${id} 已结束（${words.zh}） / run ${id} has finished (${words.en})`,
      undefined,
      'run_finished',
    );
  }
  const signalled = services.modelRuns.cancel(id);
  await services.database.db.transaction().execute(async (trx) => {
    const runs = new ModelRunsRepository(trx);
    // Queued, or left running by a process that is gone: nobody else will mark it.
    const from: ModelRunStatus[] = signalled ? ['queued'] : ['queued', 'running'];
    await runs.transitionRun(id, from, { status: 'cancelled', finished_at: services.clock.now() });
    await recordAudit(trx, actor, { action: 'model_run.cancel', objectType: 'model_run', objectId: id });
  });
  return getRun(services, id);
}
