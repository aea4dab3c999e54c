import type { ModelServices } from '../model-services.js';
import type { ModelReviewRow, ModelRow, ModelVersionRow } from '../../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { rowJurisdictionOf } from '../../datasets/index.js';
import { ensureModelRegistry } from './model-registry.js';
import {
  type ModelDocument,
  type ModelHit,
  requireAcceptedSql,
  resolveParameters,
  runPreview,
  validateDocument,
} from '../../../models-engine/model-engine.js';
import { type ModelFilter, ModelsRepository, type ModelWithVersion } from './models.repository.js';
import { parseSchedule } from '../runs/schedule.js';
import type { ModelEditor } from './editor.js';
import { submitForReview } from './model-submission.js';

export type { ModelEditor };

/** Registered models, filtered. */
export async function listModels(services: ModelServices, filter: ModelFilter): Promise<ModelWithVersion[]> {
  await ensureModelRegistry(services);
  return new ModelsRepository(services.database.db).findModels(filter);
}

/**
 * One model with its version history and review steps (newest first), or 404. With a
 * viewer's jurisdiction, a model under review in another jurisdiction is a 404 too.
 */
export async function getModel(
  services: ModelServices,
  id: string,
  visibleTo?: string,
): Promise<{ model: ModelWithVersion; versions: ModelVersionRow[]; reviews: ModelReviewRow[] }> {
  await ensureModelRegistry(services);
  const repository = new ModelsRepository(services.database.db);
  const model = await repository.findModel(id, visibleTo);
  if (!model) throw new NotFoundError(`Model ${id}`, 'model_not_found');
  return { model, versions: await repository.findVersions(id), reviews: await repository.findReviews(id) };
}

/** Changes the model's row (not its document) in one audited transaction. */
async function changeModel(
  services: ModelServices,
  editor: ModelEditor,
  id: string,
  action: string,
  values: { enabled?: boolean; schedule?: string | null },
  check?: (model: ModelRow) => void,
): Promise<ModelWithVersion> {
  await ensureModelRegistry(services);
  await services.database.db.transaction().execute(async (trx) => {
    const repository = new ModelsRepository(trx);
    const locked = await repository.lockModel(id);
    if (!locked) throw new NotFoundError(`Model ${id}`, 'model_not_found');
    check?.(locked);
    const anchor = values.schedule !== undefined ? { schedule_anchor_at: services.clock.now() } : {};
    await repository.updateModel(id, { ...values, ...anchor });
    await recordAudit(trx, editor.actor, { action, objectType: 'model', objectId: id, detail: values });
  });
  return (await getModel(services, id)).model;
}

/**
 * Enables or disables a model for runs of all models, schedules and incremental runs. A
 * model under review is enabled only by its approval (model-review.service.ts): 409 here.
 */
export function setModelEnabled(services: ModelServices, editor: ModelEditor, id: string, enabled: boolean) {
  return changeModel(services, editor, id, enabled ? 'model.enable' : 'model.disable', { enabled }, (model) => {
    if (enabled && model.review_status !== 'approved') {
      throw new ConflictError(
        `模型 ${id} 待审核，须由他人审核通过后启用 / model ${id} awaits review: another person enables it by approving it`,
        undefined,
        'model_awaiting_review',
      );
    }
  });
}

/** Sets ('@daily', '@monthly', 5-field cron) or clears (null) the model's schedule. */
export function setModelSchedule(services: ModelServices, editor: ModelEditor, id: string, schedule: string | null) {
  if (schedule !== null) parseSchedule(schedule, 'schedule');
  return changeModel(services, editor, id, 'model.schedule', { schedule });
}

/** Adds a version of the model (document and parameters) with who, when and why, audited with it. */
async function addVersion(
  services: ModelServices,
  editor: ModelEditor,
  id: string,
  action: string,
  reason: string,
  next: (current: ModelWithVersion) => { document: ModelDocument; params: Record<string, unknown> },
  submit = false,
): Promise<ModelWithVersion> {
  await ensureModelRegistry(services);
  await services.database.db.transaction().execute(async (trx) => {
    const repository = new ModelsRepository(trx);
    const locked = await repository.lockModel(id);
    const current = locked ? await repository.findModel(id) : undefined;
    if (!current) throw new NotFoundError(`Model ${id}`, 'model_not_found');
    const { document, params } = next(current);
    const version = current.current_version + 1;
    await repository.insertVersion({
      model_id: id,
      version,
      document,
      params,
      changed_by: editor.userId,
      changed_by_name: editor.username,
      reason,
    });
    await repository.updateModel(id, {
      current_version: version,
      category: document.category,
      severity: document.severity,
      name_zh: document.name.zh,
      name_en: document.name.en,
    });
    await recordAudit(trx, editor.actor, {
      action,
      objectType: 'model',
      objectId: id,
      reason,
      detail: { version, documentVersion: document.version, previous: current.params, params, ...sqlDetail(document) },
    });
    if (submit) await submitForReview(trx, editor, id, version);
  });
  return (await getModel(services, id)).model;
}

/**
 * Edits parameter values: a new version with the same document, the values checked against
 * the document's types and ranges (400 naming `params.<key>`), the reason on record.
 */
export function updateModelParameters(
  services: ModelServices,
  editor: ModelEditor,
  id: string,
  params: Record<string, unknown>,
  reason: string,
) {
  return addVersion(services, editor, id, 'model.parameters', reason, (current) => {
    const document = current.document as ModelDocument;
    return { document, params: resolveParameters(document, { ...(current.params as object), ...params }) };
  });
}

/** A template's SQL text for the audit detail: every saved SQL model is on record with its SQL. */
function sqlDetail(document: ModelDocument): { sql?: unknown } {
  return document.logic.kind === 'sql' ? { sql: document.logic.sql } : {};
}

/**
 * The document's SQL checked by the engines' parsers before it is saved; a refusal is a
 * 400 and is audited (outside the change's transaction, which never opens), with the SQL.
 */
async function requireAcceptedSqlAudited(
  services: ModelServices,
  editor: ModelEditor,
  action: string,
  document: ModelDocument,
  params: Record<string, unknown>,
): Promise<void> {
  try {
    await requireAcceptedSql(document, params);
  } catch (error) {
    if (error instanceof ValidationError) {
      await recordAudit(services.database.db, editor.actor, {
        action,
        objectType: 'model',
        objectId: document.id,
        outcome: 'denied',
        detail: { error: error.message, ...sqlDetail(document) },
      });
    }
    throw error;
  }
}

/** The document checked for the builder: 400 listing every problem. */
function requireValidDocument(document: unknown): ModelDocument {
  const issues = validateDocument(document);
  if (issues.length > 0) {
    throw new ValidationError(
      `${issues.map((i) => i.message.zh).join('；')} / ${issues.map((i) => i.message.en).join('; ')}`,
      'body.document',
      'invalid_model',
      issues,
    );
  }
  return document as ModelDocument;
}

/**
 * Registers a user's own model (from the no-code builder) as version 1, a draft: no run
 * executes it until a second person approves it (model-review.service.ts).
 */
export async function createUserModel(
  services: ModelServices,
  editor: ModelEditor,
  input: { document: unknown; params?: Record<string, unknown>; reason?: string },
): Promise<ModelWithVersion> {
  await ensureModelRegistry(services);
  const document = requireValidDocument(input.document);
  const params = resolveParameters(document, input.params ?? {});
  await requireAcceptedSqlAudited(services, editor, 'model.create', document, params);
  await services.database.db.transaction().execute(async (trx) => {
    const repository = new ModelsRepository(trx);
    if (await repository.lockModel(document.id)) {
      throw new ConflictError(
        `模型编号 ${document.id} 已存在 / model ${document.id} exists`,
        'body.document.id',
        'model_exists',
      );
    }
    await repository.insertModel({
      id: document.id,
      source: 'user',
      category: document.category,
      severity: document.severity,
      name_zh: document.name.zh,
      name_en: document.name.en,
      current_version: 1,
      shipped_version: null,
      created_by: editor.userId,
      enabled: false,
    });
    await repository.insertVersion({
      model_id: document.id,
      version: 1,
      document,
      params,
      changed_by: editor.userId,
      changed_by_name: editor.username,
      reason: input.reason ?? '新建模型 / model created',
    });
    await recordAudit(trx, editor.actor, {
      action: 'model.create',
      objectType: 'model',
      objectId: document.id,
      detail: { params, ...sqlDetail(document) },
    });
    await submitForReview(trx, editor, document.id, 1);
  });
  return (await getModel(services, document.id)).model;
}

/**
 * Values edited away from the previous document's defaults, where the new document still
 * takes them; the others follow the new document's defaults (which the editor may have changed).
 */
function editedValues(
  previous: ModelDocument,
  values: Record<string, unknown>,
  next: ModelDocument,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const def of next.parameters) {
    const old = previous.parameters.find((p) => p.key === def.key);
    if (!old || !(def.key in values) || JSON.stringify(values[def.key]) === JSON.stringify(old.default)) continue;
    try {
      resolveParameters(next, { [def.key]: values[def.key] });
      kept[def.key] = values[def.key];
    } catch {
      // The new document changed the parameter's type or narrowed its range: its default applies.
    }
  }
  return kept;
}

/**
 * Saves a new document for a user's model as its next version, the reason on record. The
 * document's own version is the one after the current document's, whatever the editor sent,
 * so the history shows each revision of the logic. Built-in documents ship with the product.
 * The new version is a draft, and the model runs no more until another person approves it.
 */
export async function saveUserModel(
  services: ModelServices,
  editor: ModelEditor,
  id: string,
  input: { document: unknown; params?: Record<string, unknown>; reason: string },
) {
  const sent = requireValidDocument(input.document);
  if (sent.id !== id) throw new ValidationError(`document.id must be ${id}`, 'body.document.id');
  // Values only change how many placeholders a list binds, never what the SQL reads.
  await requireAcceptedSqlAudited(services, editor, 'model.save', sent, resolveParameters(sent, input.params ?? {}));
  return addVersion(
    services,
    editor,
    id,
    'model.save',
    input.reason,
    (current) => {
      if (current.source !== 'user') {
        throw new ConflictError(
          '内置模型只能修改参数 / only the parameters of a built-in model can be edited',
          undefined,
          'builtin_model',
        );
      }
      const previous = current.document as ModelDocument;
      const document = { ...sent, version: previous.version + 1 };
      const kept = editedValues(previous, current.params as Record<string, unknown>, document);
      return { document, params: resolveParameters(document, { ...kept, ...input.params }) };
    },
    true,
  );
}

/**
 * Runs a draft document on the current data inside the viewer's jurisdiction, at most
 * `limit` hits; nothing is saved but the audit entry (the document id, parameters and a
 * template's SQL), written whether the preview ran, was refused (400) or failed.
 */
export async function previewModel(
  services: ModelServices,
  editor: ModelEditor,
  input: { document: unknown; params?: Record<string, unknown>; limit: number; jurisdictionPrefix: string },
): Promise<{ document: ModelDocument; hits: ModelHit[] }> {
  const document = requireValidDocument(input.document);
  const params = resolveParameters(document, input.params ?? {});
  const audit = (outcome: 'allowed' | 'denied' | 'failed', result: Record<string, unknown>) =>
    recordAudit(services.database.db, editor.actor, {
      action: 'model.preview',
      objectType: 'model',
      objectId: document.id,
      outcome,
      detail: { params, limit: input.limit, ...sqlDetail(document), ...result },
    });
  let hits: ModelHit[];
  try {
    await requireAcceptedSql(document, params);
    // The viewer's jurisdiction bounds the query itself: a county sees only its rows' hits.
    const scope = await rowJurisdictionOf(services.database.db, input.jurisdictionPrefix);
    hits = await runPreview(services.lake, document, params, input.limit, scope);
  } catch (error) {
    const refused = error instanceof ValidationError && error.code === 'sql_refused';
    await audit(refused ? 'denied' : 'failed', { error: (error as Error).message });
    throw error;
  }
  await audit('allowed', { hits: hits.length });
  return { document, hits: hits.slice(0, input.limit) };
}
