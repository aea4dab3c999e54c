import type { ModelServices } from '../model-services.js';
import type { ModelReviewStep, ModelRow } from '../../../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../http/errors.js';
import type { ModelDocument, ModelHit } from '../../../models-engine/model-engine.js';
import { recordAudit } from '../../audit/index.js';
import { ensureModelRegistry } from './model-registry.js';
import { ModelsRepository } from './models.repository.js';
import type { ModelEditor } from './editor.js';
import { getModel, previewModel } from './models.service.js';

/*
 * Four eyes on what staff write: a model saved from the builder is a draft that no run
 * executes until a second person, holding `model.approve`, has read it and its preview
 * and enabled it, or returned it to its author with a reason. The author never approves
 * their own draft, whatever their permissions. A draft is seen and reviewed only in its
 * author's jurisdiction and the wider ones containing it.
 */

/** A model under review inside the reviewer's jurisdiction, or 404 (another county's draft is as absent as none). */
function requireVisible(model: ModelRow | undefined, reviewer: ModelEditor, id: string): ModelRow {
  const visible =
    model && (model.review_status === 'approved' || model.owner_prefix.startsWith(reviewer.jurisdictionPrefix));
  if (!model || !visible) throw new NotFoundError(`Model ${id}`, 'model_not_found');
  return model;
}

/** The checks every review step makes, in order: seen here, awaiting review, not the reviewer's own. */
async function requireReviewable(services: ModelServices, reviewer: ModelEditor, model: ModelRow, step: string) {
  if (model.review_status !== 'draft') {
    throw new ConflictError(
      `模型 ${model.id} 没有待审核的草稿 / model ${model.id} has no draft awaiting review`,
      undefined,
      'model_not_in_review',
    );
  }
  if (model.submitted_by !== null && model.submitted_by === reviewer.userId) {
    await recordAudit(services.database.db, reviewer.actor, {
      action: `model.${step}`,
      objectType: 'model',
      objectId: model.id,
      outcome: 'denied',
      detail: { error: 'own_draft' },
    });
    throw new ForbiddenError('不能审核自己提交的模型 / you cannot review a model you submitted', 'own_draft');
  }
}

async function review(
  services: ModelServices,
  reviewer: ModelEditor,
  id: string,
  step: Exclude<ModelReviewStep, 'submitted'>,
  reason?: string,
) {
  await ensureModelRegistry(services);
  const model = requireVisible(await new ModelsRepository(services.database.db).findModel(id), reviewer, id);
  await requireReviewable(services, reviewer, model, step === 'approved' ? 'approve' : 'return');
  await services.database.db.transaction().execute(async (trx) => {
    const repository = new ModelsRepository(trx);
    // Checked again under the lock: the draft may have been reviewed or replaced meanwhile.
    const locked = requireVisible(await repository.lockModel(id), reviewer, id);
    if (locked.review_status !== 'draft' || locked.current_version !== model.current_version) {
      throw new ConflictError(`模型 ${id} 已变化，请刷新 / model ${id} changed, reload it`, undefined, 'model_changed');
    }
    const approved = step === 'approved';
    await repository.updateModel(id, { review_status: approved ? 'approved' : 'returned', enabled: approved });
    const version = locked.current_version;
    await repository.insertReview({
      model_id: id,
      version,
      step,
      by_user_id: reviewer.userId,
      by_name: reviewer.username,
      reason: reason ?? null,
    });
    await recordAudit(trx, reviewer.actor, {
      action: approved ? 'model.approve' : 'model.return',
      objectType: 'model',
      objectId: id,
      reason,
      detail: { version, submittedBy: locked.submitted_by },
    });
  });
  return getModel(services, id, reviewer.jurisdictionPrefix);
}

/** Enables a draft after review: from now on runs execute it. 403 for its author, 409 if not a draft. */
export function approveModel(services: ModelServices, reviewer: ModelEditor, id: string) {
  return review(services, reviewer, id, 'approved');
}

/** Returns a draft to its author with the reason; it stays disabled until a new version is approved. */
export function returnModel(services: ModelServices, reviewer: ModelEditor, id: string, reason: string) {
  return review(services, reviewer, id, 'returned', reason);
}

/**
 * The builder's preview of the model's stored current version, for its reviewer: the same
 * run on current data inside the reviewer's jurisdiction, nothing saved, audited.
 */
export async function previewStoredModel(
  services: ModelServices,
  reviewer: ModelEditor,
  id: string,
  limit: number,
): Promise<{ document: ModelDocument; hits: ModelHit[] }> {
  const { model } = await getModel(services, id, reviewer.jurisdictionPrefix);
  return previewModel(services, reviewer, {
    document: model.document,
    params: model.params as Record<string, unknown>,
    limit,
    jurisdictionPrefix: reviewer.jurisdictionPrefix,
  });
}
