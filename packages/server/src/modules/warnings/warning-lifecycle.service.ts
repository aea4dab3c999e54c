import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import type { Lake } from '../../lake/index.js';
import type { RowJurisdiction } from '../../models-engine/model-engine.js';
import { fetchRows, type RowRef, rowAt } from './evidence.lake.js';
import { type RunReach, type TouchedWarning, WarningLifecycleRepository } from './warning-lifecycle.repository.js';

/** What a run's lifecycle step did to the model's warnings. */
export interface RunLifecycleResult {
  retired: number[];
  restored: number[];
  notFound: number[];
}

const ids = (warnings: readonly TouchedWarning[]) => warnings.map((w) => w.id);

function who(actor: AuditActor) {
  return { userId: actor.userId, username: actor.username ?? 'system' };
}

/**
 * Retires every warning whose evidence cites a row of the rolled-back batch (whatever its
 * status: the rows it rests on are gone), each with a trace entry, and audits the whole
 * retirement once. Pass the rollback's transaction so both commit together.
 */
export async function retireWarningsOfBatch(
  trx: Kysely<DB>,
  actor: AuditActor,
  batch: { id: number; dataset_type?: string },
  at: Date,
): Promise<number[]> {
  const repository = new WarningLifecycleRepository(trx);
  const retired = await repository.retireCitingBatch(batch.id, at);
  if (retired.length === 0) return [];
  await repository.insertEvents(retired, {
    kind: 'retired',
    reason: 'evidence_rolled_back',
    batchId: batch.id,
    ...who(actor),
  });
  await recordAudit(trx, actor, {
    action: 'warning.retire',
    objectType: 'import_batch',
    objectId: batch.id,
    detail: { reason: 'evidence_rolled_back', datasetType: batch.dataset_type, warningIds: ids(retired) },
  });
  return ids(retired);
}

/** The retired warnings among a run's hit keys, read before the upsert brings them back. */
export function findRetiredHits(trx: Kysely<DB>, hitKeys: readonly string[]): Promise<TouchedWarning[]> {
  return new WarningLifecycleRepository(trx).findRetiredByHitKeys(hitKeys);
}

/**
 * After a run saved one model's hits: traces the retired warnings it found again (the
 * upsert already brought them back), and, when the model was evaluated over all the data,
 * retires its unjudged warnings it no longer finds and traces the judged ones as missing
 * (they keep the handler's status). An incremental evaluation sees only new rows, so it
 * can never tell that an old hit is gone: it retires nothing. A county's full run (`reach`)
 * judges missing only the warnings inside the county whose evidence it could all read.
 */
export async function applyRunLifecycle(
  trx: Kysely<DB>,
  actor: AuditActor,
  run: { id: number; modelId: string; mode: 'full' | 'incremental' },
  restored: readonly TouchedWarning[],
  at: Date,
  reach?: RunReach,
): Promise<RunLifecycleResult> {
  const repository = new WarningLifecycleRepository(trx);
  const base = { runId: run.id, ...who(actor) };
  await repository.insertEvents(restored, { kind: 'restored', reason: null, ...base });
  if (run.mode !== 'full') return { retired: [], restored: ids(restored), notFound: [] };
  const notFound = await repository.findJudgedNotFound(run.modelId, run.id, reach);
  await repository.insertEvents(notFound, { kind: 'not_found', reason: 'no_longer_found', ...base });
  const retired = await repository.retireNotFound(run.modelId, run.id, at, reach);
  await repository.insertEvents(retired, { kind: 'retired', reason: 'no_longer_found', ...base });
  if (retired.length > 0) {
    await recordAudit(trx, actor, {
      action: 'warning.retire',
      objectType: 'model_run',
      objectId: run.id,
      detail: { reason: 'no_longer_found', modelId: run.modelId, warningIds: ids(retired) },
    });
  }
  return { retired: ids(retired), restored: ids(restored), notFound: ids(notFound) };
}

/**
 * What a county's full run of a model may judge missing: its live warnings inside the
 * county, not among `foundKeys`, whose every evidence row lies inside the county (read
 * through the scope, so a row of another jurisdiction or one rolled back is not).
 */
export async function findRunReach(
  db: Kysely<DB>,
  lake: Lake,
  modelId: string,
  scope: RowJurisdiction,
  foundKeys: ReadonlySet<string>,
): Promise<RunReach> {
  const evidence = (await new WarningLifecycleRepository(db).findEvidenceWithin(modelId, scope.prefix)).filter(
    (e) => !foundKeys.has(e.hit_key),
  );
  const ref = (e: (typeof evidence)[number]): RowRef => ({ dataset: e.dataset, batchId: e.batch_id, rowNo: e.row_no });
  const seen = await fetchRows(lake, evidence.map(ref), [], scope);
  const blind = new Set(evidence.filter((e) => rowAt(seen, ref(e)) === undefined).map((e) => e.id));
  return { prefix: scope.prefix, ids: [...new Set(evidence.map((e) => e.id))].filter((id) => !blind.has(id)) };
}
