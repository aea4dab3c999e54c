import type { Kysely } from 'kysely';
import type { ModelServices } from '../model-services.js';
import type { DB } from '../../../db/schema.js';
import { builtinModels, type ModelDocument, resolveParameters } from '../../../models-engine/model-engine.js';
import { ModelsRepository } from './models.repository.js';

const seeded = new WeakMap<Kysely<DB>, Promise<void>>();

/** Carries edited values over to a new shipped document where the parameter still exists and the value still fits. */
function carryOver(document: ModelDocument, previous: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const def of document.parameters) {
    if (!(def.key in previous)) continue;
    try {
      resolveParameters(document, { [def.key]: previous[def.key] });
      kept[def.key] = previous[def.key];
    } catch {
      // The new document narrowed the range: its default applies again.
    }
  }
  return resolveParameters(document, kept);
}

/**
 * Registers the built-in library: a model not yet registered is added (enabled, version 1
 * with its defaults); one whose shipped document version has risen gets a new version with
 * the new document, keeping the parameter values edited here where they still fit.
 */
export async function seedBuiltinModels(
  db: Kysely<DB>,
  documents: readonly ModelDocument[] = builtinModels(),
): Promise<void> {
  for (const document of documents) {
    await db.transaction().execute(async (trx) => {
      const repository = new ModelsRepository(trx);
      const existing = await repository.lockModel(document.id);
      if (!existing) {
        await repository.insertModel({
          id: document.id,
          source: 'builtin',
          category: document.category,
          severity: document.severity,
          name_zh: document.name.zh,
          name_en: document.name.en,
          current_version: 1,
          shipped_version: document.version,
        });
        await repository.insertVersion({
          model_id: document.id,
          version: 1,
          document,
          params: resolveParameters(document, {}),
          changed_by: null,
          changed_by_name: 'system',
          reason: `内置模型 v${document.version} / built-in model v${document.version}`,
        });
        return;
      }
      if (existing.source !== 'builtin' || (existing.shipped_version ?? 0) >= document.version) return;
      const current = await repository.findModel(document.id);
      const version = existing.current_version + 1;
      await repository.insertVersion({
        model_id: document.id,
        version,
        document,
        params: carryOver(document, (current?.params ?? {}) as Record<string, unknown>),
        changed_by: null,
        changed_by_name: 'system',
        reason: `内置模型升级至 v${document.version} / built-in model updated to v${document.version}`,
      });
      await repository.updateModel(document.id, {
        current_version: version,
        shipped_version: document.version,
        category: document.category,
        severity: document.severity,
        name_zh: document.name.zh,
        name_en: document.name.en,
      });
    });
  }
}

/**
 * Makes sure the built-in library is registered, once per process and store: every entry
 * point of the models and warnings domains awaits it, so the command line, the server and
 * tests all see the library without a separate start-up step.
 */
export function ensureModelRegistry(services: Pick<ModelServices, 'database'>): Promise<void> {
  const db = services.database.db;
  let pending = seeded.get(db);
  if (!pending) {
    pending = seedBuiltinModels(db).catch((error: unknown) => {
      seeded.delete(db);
      throw error;
    });
    seeded.set(db, pending);
  }
  return pending;
}
