/**
 * `models run --all` end to end, as the command line runs it: the run is queued by the
 * models' run service and executed by its executor (run-executor.ts), every model's hits
 * saved as grouped warnings with their evidence (warning upsert, lifecycle, audit). Beside
 * it, in the same process on the same lake, the raw engine's time for the same library
 * (each model's compiled SQL counted in the engine, as models-bench.ts times it): the
 * ratio is what storing the warnings and the run's bookkeeping cost on top of the queries.
 */
import type { AppServices } from '../../app/app-services.js';
import { systemActor } from '../../modules/audit/index.js';
import { ensureModelRegistry } from '../../modules/models/registry/model-registry.js';
import { getRun, startRun } from '../../modules/models/runs/model-runs.service.js';
import { builtinModels } from '../../models-engine/model-engine.js';
import { fillDataset, libraryDatasets, poolsFor, runLibrary } from '../models-bench.js';
import { DEMO_COUNTY_PREFIX } from './scale-county.js';

export interface EndToEndRun {
  lakeRows: number;
  models: number;
  /** The models that failed, each with the start of its error. */
  failedModels: { modelId: string; error: string }[];
  /** Wall time of the run, from queueing to its last write. */
  ms: number;
  rowsPerSecond: number;
  /** Warnings the run inserted and updated, and what the store holds after it. */
  newWarnings: number;
  updatedWarnings: number;
  storedWarnings: number;
  storedEvidenceRows: number;
  /** The raw engine: one pass over the same library, counting in the engine. */
  queryOnlyMs: number;
  /** Distinct hit keys the raw pass counted, summed over the models. */
  queryOnlyHits: number;
}

/**
 * Fills the platform's lake with `lakeRows` synthetic rows (models-bench.ts's generator),
 * each dataset one loaded batch of the demo county's commission (`orgId`) in the store,
 * then times the raw engine's pass and the real run. Returns the figures.
 */
export async function runModelsEndToEnd(
  services: AppServices,
  lakeRows: number,
  log: (line: string) => void = () => undefined,
): Promise<EndToEndRun> {
  const db = services.database.db;
  await ensureModelRegistry(services);
  const library = builtinModels();
  const datasets = libraryDatasets(library);
  const perDataset = Math.max(1, Math.floor(lakeRows / datasets.length));
  const pools = poolsFor(lakeRows, perDataset);
  log(`  writing ${(perDataset * datasets.length).toLocaleString('en-US')} lake rows into ${datasets.length} datasets`);
  for (const dataset of datasets) {
    // A loaded batch in the register, as an import leaves it: warnings placed by their batch lie in the county.
    const batch = await db
      .insertInto('import_batches')
      .values({
        dataset_type: dataset,
        department_code: null,
        file_name: `bench-${dataset}.csv`,
        content_hash: `bench-${dataset}`,
        format: 'csv',
        mode: 'append',
        status: 'loaded',
        rows_read: perDataset,
        rows_loaded: perDataset,
        imported_by: null,
        replaced_by: null,
        finished_at: services.clock.now(),
        error: null,
        division_code: `${DEMO_COUNTY_PREFIX}000000`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await fillDataset(services.lake, dataset, perDataset, batch.id, pools);
    if (services.lake.engine === 'postgres') await services.lake.execute(`ANALYZE ds_${dataset}`);
  }

  log('  the raw engine: one pass over the library');
  const raw = await runLibrary(services.lake, library, 60 * 60_000);
  log('  models run --all, storing the warnings');
  const started = performance.now();
  const queued = await startRun(
    services,
    { actor: systemActor('bench'), userId: null, username: 'bench' },
    { all: true, kind: 'full' },
  );
  // Progress as the command line shows it, so a run of many minutes shows it is moving.
  let shown = 0;
  const progress = setInterval(() => {
    void getRun(services, queued.id).then(
      (r) => {
        if (r.models_done === shown) return;
        shown = r.models_done;
        log(`  ${r.models_done}/${r.models_total} models, ${r.new_warnings.toLocaleString('en-US')} warnings so far`);
      },
      () => undefined,
    );
  }, 5_000);
  try {
    await services.modelRuns.whenFinished(queued.id);
  } finally {
    clearInterval(progress);
  }
  const ms = performance.now() - started;
  const run = await getRun(services, queued.id);
  const stored = await db
    .selectFrom('warnings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const evidence = await db
    .selectFrom('warning_evidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    lakeRows: perDataset * datasets.length,
    models: run.models_total,
    failedModels: Object.entries(run.errors as Record<string, string>).map(([modelId, error]) => ({
      modelId,
      error: error.slice(0, 200),
    })),
    ms,
    rowsPerSecond: (perDataset * datasets.length) / (ms / 1000),
    newWarnings: run.new_warnings,
    updatedWarnings: run.updated_warnings,
    storedWarnings: Number(stored.n),
    storedEvidenceRows: Number(evidence.n),
    queryOnlyMs: raw.wallMs,
    queryOnlyHits: raw.timings.reduce((n, t) => n + t.hits, 0),
  };
}
