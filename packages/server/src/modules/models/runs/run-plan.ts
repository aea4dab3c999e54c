import type { ModelDocument } from '../../../models-engine/model-engine.js';
import type { ModelWithVersion } from '../registry/models.repository.js';

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

/** A past run as far as its models' durations go. */
export interface RunDurations {
  models: readonly Pick<RunEntry, 'modelId' | 'mode'>[];
  /** Milliseconds by model id, for the models that finished. */
  durations: Readonly<Record<string, number>>;
}

/**
 * Puts the incremental entries that took longest last time (in the same mode) first; entries
 * never timed come before all of them, since they may be the longest. Incremental models run
 * side by side (run-order.ts), and one long model started last leaves the other lanes idle at
 * the end (seven models on 2 cores, DuckDB 10M rows, 60 passes taking turns: median 102 ms in
 * library order, 93 ms longest first). Full entries run one at a time, so they keep their order.
 * `history` is newest first; the newest timing of each model counts.
 */
export function longestFirst(entries: readonly RunEntry[], history: readonly RunDurations[]): RunEntry[] {
  const last = new Map<string, number>();
  for (const run of history) {
    for (const { modelId, mode } of run.models) {
      const ms = run.durations[modelId];
      const key = `${mode}:${modelId}`;
      if (ms !== undefined && !last.has(key)) last.set(key, ms);
    }
  }
  const expected = (e: RunEntry) => last.get(`${e.mode}:${e.modelId}`) ?? Infinity;
  const incremental = entries.filter((e) => e.mode === 'incremental');
  // Array.prototype.sort is stable: equal (or untimed) entries keep the plan's order.
  incremental.sort((a, b) => {
    const [x, y] = [expected(a), expected(b)];
    return x === y ? 0 : x > y ? -1 : 1;
  });
  return [...incremental, ...entries.filter((e) => e.mode === 'full')];
}
