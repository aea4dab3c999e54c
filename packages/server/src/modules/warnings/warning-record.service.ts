import type { WarningStatus } from '../../db/schema.js';
import type { WarningServices } from './warning-services.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { findBatchDivisions } from '../datasets/index.js';
import { maskAccountFacts } from './account-facts.js';
import { divisionCodesIn, findPlaceNames } from '../organisations/index.js';
import type { ModelDocument, ModelHit, RowJurisdiction } from '../../models-engine/model-engine.js';
import { prepareWarnings } from './hit-warnings.js';
import { applyRunLifecycle, findRetiredHits, findRunReach } from './warning-lifecycle.service.js';
import type { WarningNotice } from './warning-feed.js';
import { findBirthDatesOfSubjects } from './warning-masking.js';
import { maskExplanation } from './warnings.presenter.js';
import { groupWithStored, type WarningUpsert } from './grouped-evidence.js';
import { WarningLifecycleRepository } from './warning-lifecycle.repository.js';
import { WarningUpsertRepository } from './warning-upsert.repository.js';

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
 * a warning the run adds evidence to (an incremental run's new month) gains it and says so
 * in its trace, whatever its status: a handler who confirmed or closed it judged the problem,
 * which more rows of the same problem do not change, but sees that more came (see
 * docs/model-library.md, "One warning per problem"). Only new warnings reach the feed;
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
  const unique = await maskAccountFacts(services.lake, services.fieldCrypto, [
    ...new Map(hits.map((h) => [h.hitKey, h])).values(),
  ]);
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
    const writes = new WarningUpsertRepository(trx);
    const stored = await writes.findStored(prepared.map((p) => p.hitKey));
    // Explanations are written again over the stored facts too: name every place they hold.
    const facts = [...prepared, ...stored.values()].flatMap((w) => Object.values(w.facts));
    const places = await findPlaceNames(trx, divisionCodesIn(facts));
    const grouped = groupWithStored(run.document, prepared, stored, run.mode, places);
    const saved = await writes.upsertWarnings(
      run.id,
      now,
      grouped.map((g) => g.warning),
      new Set(stored.keys()),
    );
    const grown = grouped.flatMap((g) =>
      g.stored !== undefined && g.added > 0 ? [{ id: g.stored.id, status: g.stored.status as WarningStatus }] : [],
    );
    await new WarningLifecycleRepository(trx).insertEvents(grown, {
      kind: 'evidence_added',
      reason: null,
      runId: run.id,
      userId: actor.userId,
      username: actor.username ?? 'system',
    });
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
        evidenceAdded: grown.length,
        mode: run.mode,
        restored: lifecycle.restored,
        retired: lifecycle.retired.length,
        noLongerFound: lifecycle.notFound,
      },
    });
    return { ...saved, warnings: grouped.map((g) => g.warning) };
  });
  services.warningFeed.publish(await redNotices(services, result.warnings, result.inserted, now));
  return { inserted: result.inserted.length, updated: result.updated.length };
}
