import type { ModelDocument } from './model-engine.js';
import type { ModelWithVersion } from './models.repository.js';

/** One model of a run, exactly as it was run. */
export interface RunEntry {
  modelId: string;
  version: number;
  params: Record<string, unknown>;
  /** Incremental entries read only the run's new batches on their driver datasets. */
  mode: 'full' | 'incremental';
}

/** New batches per dataset type. */
export type BatchesByDataset = Record<string, number[]>;

/**
 * How each model takes part in a run. In an incremental run a model is evaluated for the
 * new rows only when it declares drivers and one of them received rows; a model that
 * declares it cannot be incremental, or whose changed input is not a driver (a death
 * register that makes old payments suspicious), runs in full. Models that read none of
 * the changed datasets are left out.
 */
export function planRun(models: readonly ModelWithVersion[], batches: BatchesByDataset | null): RunEntry[] {
  const entries: RunEntry[] = [];
  for (const model of models) {
    const document = model.document as ModelDocument;
    const base = { modelId: model.id, version: model.current_version, params: model.params as Record<string, unknown> };
    if (batches === null) {
      entries.push({ ...base, mode: 'full' });
      continue;
    }
    const changed = document.inputs.filter((input) => (batches[input]?.length ?? 0) > 0);
    if (changed.length === 0) continue;
    const drivers = document.incremental === false ? [] : document.incremental.drivers;
    const incremental = changed.every((dataset) => drivers.includes(dataset));
    entries.push({ ...base, mode: incremental ? 'incremental' : 'full' });
  }
  return entries;
}
