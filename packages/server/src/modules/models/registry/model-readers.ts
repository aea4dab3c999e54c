import { fieldsReadByModel, type ModelReader } from '@qingfeng/core';
import type { ModelServices } from '../model-services.js';
import type { ModelDocument } from '../../../models-engine/model-engine.js';
import { ensureModelRegistry } from './model-registry.js';
import { ModelsRepository } from './models.repository.js';

/**
 * The enabled (and approved) models that read a dataset type, each with the fields of that type its
 * current version reads, in id order. The datasets module receives it at assembly
 * (DatasetServices.modelsReading) to say which models an import's empty fields leave blind.
 */
export async function findEnabledModelReaders(
  services: Pick<ModelServices, 'database'>,
  datasetType: string,
): Promise<ModelReader[]> {
  await ensureModelRegistry(services);
  const enabled = await new ModelsRepository(services.database.db).findModels({ runnable: true });
  const readers: ModelReader[] = [];
  for (const model of enabled) {
    const document = model.document as ModelDocument;
    if (!document.inputs.includes(datasetType)) continue;
    const fields = fieldsReadByModel(document).get(datasetType);
    readers.push({ id: model.id, name: { zh: model.name_zh, en: model.name_en }, fields: [...(fields ?? [])] });
  }
  return readers;
}
