import type { ModelSpec } from '@qingfeng/core';
import type { StatisticsRepository } from './statistics.repository.js';
import type { TFreshness } from './statistics.schemas.js';

/**
 * Each department's data freshness: per dataset type loaded in the jurisdiction, its last
 * batch, and the enabled models that read it (a stale dataset leaves them blind).
 */
export async function freshnessOf(repository: StatisticsRepository, prefix: string): Promise<TFreshness[]> {
  const [loaded, models] = await Promise.all([repository.loadedDatasets(prefix), repository.enabledModels()]);
  return loaded.map((dataset) => ({
    datasetType: dataset.dataset_type,
    lastLoadedAt: dataset.last_loaded_at,
    batches: dataset.batches,
    models: models
      .filter((m) => (m.document as ModelSpec).inputs.includes(dataset.dataset_type))
      .map((m) => ({ id: m.id, name: { zh: m.name_zh, en: m.name_en } })),
  }));
}
