import type { WarningServices } from './warning-services.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { findBatchDivisions } from '../datasets/index.js';
import { findPlaceNames } from '../organisations/index.js';
import type { ModelDocument, ModelHit, RowJurisdiction } from '../../models-engine/model-engine.js';
import { prepareWarnings } from './hit-warnings.js';
import { applyRunLifecycle, findRetiredHits, findRunReach } from './warning-lifecycle.service.js';
import type { WarningNotice } from './warning-feed.js';
import { findBirthDatesOfSubjects } from './warning-masking.js';
import { maskExplanation } from './warnings.presenter.js';
import { type WarningUpsert, WarningsRepository } from './warnings.repository.js';

/**
 * The feed's notices of the new red warnings among `inserted`. The feed is never revealed,
 * so each explanation is masked, birth dates of the people it names included.
 */
async function redNotices(
  services: WarningServices,
  prepared: readonly WarningUpsert[],
  inserted: readonly { id: number; hitKey: string }[],
  now: Date,
): Promise<WarningNotice[]> {
  const byKey = new Map(prepared.map((p) => [p.hitKey, p]));
  const red = inserted.flatMap(({ id, hitKey }) => {
    const warning = byKey.get(hitKey);
    return warning?.severity === 'red' ? [{ id, warning }] : [];
  });
  const birthDates = await findBirthDatesOfSubjects(
    services,
    red.map(({ warning }) => warning.subjectKeys.map(Number)),
  );
  return red.map(({ id, warning }, i) => ({
    id,
    modelId: warning.modelId,
    severity: warning.severity,
    divisionCode: warning.divisionCode,
    explanationZh: maskExplanation(warning.explanationZh, warning.facts, birthDates[i] ?? []),
    explanationEn: maskExplanation(warning.explanationEn, warning.facts, birthDates[i] ?? []),
    firstSeenAt: now,
  }));
}

/** What saving one model's hits did. */
export interface RecordedHits {
  inserted: number;
  updated: number;
}

/**
 * Saves one model's hits from a run as warnings: new hit keys become new warnings, known
 * ones are updated (last seen, evidence) and keep their status, retired ones come back;
 * a full evaluation retires what it no longer finds (see applyRunLifecycle). The warnings,
 * their trace and the audit entry commit together; new red warnings are then published
 * to the live feed. A county's run (`run.scope`) writes, retires and traces only inside
 * the county.
 */
export async function recordModelHits(
  services: WarningServices,
  actor: AuditActor,
  run: {
    id: number;
    modelId: string;
    version: number;
    mode: 'full' | 'incremental';
    document: ModelDocument;
    scope?: RowJurisdiction;
  },
  hits: readonly ModelHit[],
): Promise<RecordedHits> {
  // A hit can come back once per evidence row from some engines: one warning per key.
  const unique = [...new Map(hits.map((h) => [h.hitKey, h])).values()];
  const all = await prepareWarnings(
    services.lake,
    run.document,
    unique,
    (ids) => findBatchDivisions(services.database.db, ids),
    (codes) => findPlaceNames(services.database.db, codes),
  );
  // The run read only the county's rows, so its warnings lie there; this keeps it so
  // whatever a model's facts say.
  const scope = run.scope;
  const prepared = scope ? all.filter((w) => w.divisionCode?.startsWith(scope.prefix) === true) : all;
  const reach =
    scope && run.mode === 'full'
      ? await findRunReach(
          services.database.db,
          services.lake,
          run.modelId,
          scope,
          new Set(prepared.map((p) => p.hitKey)),
        )
      : undefined;
  const now = services.clock.now();
  const result = await services.database.db.transaction().execute(async (trx) => {
    const found = await findRetiredHits(
      trx,
      prepared.map((p) => p.hitKey),
    );
    const saved = await new WarningsRepository(trx).upsertWarnings(run.id, now, prepared);
    const lifecycle = await applyRunLifecycle(trx, actor, run, found, now, reach);
    await recordAudit(trx, actor, {
      action: 'warning.record',
      objectType: 'model_run',
      objectId: run.id,
      detail: {
        modelId: run.modelId,
        version: run.version,
        hits: prepared.length,
        inserted: saved.inserted.length,
        updated: saved.updated.length,
        mode: run.mode,
        restored: lifecycle.restored,
        retired: lifecycle.retired.length,
        noLongerFound: lifecycle.notFound,
      },
    });
    return saved;
  });
  services.warningFeed.publish(await redNotices(services, prepared, result.inserted, now));
  return { inserted: result.inserted.length, updated: result.updated.length };
}
