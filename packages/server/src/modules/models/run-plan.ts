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
  const weights = new Map<string, number>();
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
    if (incremental) weights.set(model.id, incrementalWeight(document, changed));
  }
  // Costliest incremental models first (a stable sort: full ones keep their order).
  return entries.sort((a, b) => (weights.get(b.modelId) ?? 0) - (weights.get(a.modelId) ?? 0));
}

/**
 * A rough cost of evaluating a model for the new rows of the `changed` datasets: each source
 * reading one drives a query of its own, which joins every source of its rule. Incremental
 * models run side by side; started costliest first, the longest does not start last and
 * keep one lane busy while the others stand idle (1 to 15% off the wall time of the seven
 * models reading benefit payments, 2 lanes, DuckDB 10M rows).
 */
export function incrementalWeight(document: ModelDocument, changed: readonly string[]): number {
  const { logic } = document;
  const rules = logic.kind === 'union' ? logic.branches : logic.kind === 'rule' ? [logic] : [];
  return rules.reduce((n, rule) => {
    const drivers = rule.sources.filter((source) => changed.includes(source.dataset)).length;
    return n + drivers * rule.sources.length;
  }, 0);
}
