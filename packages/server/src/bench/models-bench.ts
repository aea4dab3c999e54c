/**
 * Model performance: the whole built-in library run in full over a lake of synthetic rows,
 * the hand-written baselines (W01, W02, PR01, PR03, M03) beside the engine's SQL for the same
 * five, and an incremental run of a small batch against the big base. On DuckDB, then on
 * PostgreSQL when a server is configured (QF_LAKE_URL, else QF_TEST_DATABASE_URL).
 *
 * Rows are written straight into the lake tables (`datasetLayout`) with one INSERT … SELECT
 * per dataset from a numbers series, values derived from the row number by modular hashing,
 * so 10 million rows take seconds. Keys are drawn from shared pools (people, companies, and a
 * pool per key-like text field) so that the joins the models make find partners. Each model is
 * timed as `SELECT count(*), count(DISTINCT hit_key) FROM (<compiled SQL>)`: the engine does
 * all the work of the run, without shipping millions of evidence rows to the process.
 *
 *   tsx packages/server/src/bench/models-bench.ts [--rows N] [--postgres-rows N] [--batch-rows N] [--models W01,W02] [--verbose]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileModel, findDataset, type FieldDef, type ModelSpec } from '@qingfeng/core';
import { createScratchLakeSchema, type Lake, openLake } from '../lake/index.js';
import { plannedMode } from '../models-engine/index.js';
import { BASELINE_MODELS, BASELINE_SQL } from './baselines.js';
import { queryWithLimits } from '../models-engine/deadline.js';
import { datasetLayout } from '../modules/catalogue/lake-layout.js';
import { forEachInRunOrder, INCREMENTAL_WIDTH } from '../modules/models/runs/run-order.js';
import { longestFirst, type RunDurations, type RunEntry } from '../modules/models/runs/run-plan.js';
import { builtinModels, resolveParameters } from '../models-engine/model-engine.js';

export interface ModelsBenchOptions {
  /** Lake rows on DuckDB, spread over every dataset the library reads (default 10,000,000). */
  rows?: number;
  /** Lake rows on PostgreSQL (default 1,000,000; 0 skips; needs QF_LAKE_URL or QF_TEST_DATABASE_URL). */
  postgresRows?: number;
  /** Rows of the incremental batch (default 10,000). */
  batchRows?: number;
  /** Per-model time limit in ms (default 10 minutes). */
  timeoutMs?: number;
  /** Run only these models (ids) of the library; the lake is the same as for the whole library. */
  models?: readonly string[];
  /** Log each model's time as it finishes. */
  verbose?: boolean;
  log?: (line: string) => void;
}

export interface ModelTiming {
  modelId: string;
  ms: number;
  evidenceRows: number;
  hits: number;
  error?: string;
}

export interface EngineBench {
  engine: 'duckdb' | 'postgres';
  rows: number;
  datasets: number;
  loadMs: number;
  full: ModelTiming[];
  /** The sum of each model's best time in full. */
  fullMs: number;
  /** The best wall time of a whole full pass over the library. */
  fullWallMs: number;
  baselines: { modelId: string; baselineMs: number; engineMs: number; error?: string }[];
  incremental: {
    batchRows: number;
    dataset: string;
    models: ModelTiming[];
    /** The best wall time of a whole incremental pass. */
    ms: number;
    /** Of the best full pass's wall time: the same statistic on both sides. */
    shareOfFull: number;
    /** Of the sum of each model's best full time, a lower bound no single run reaches. */
    shareOfModelBests: number;
  };
  peakRssMb: number;
}

/** Samples the process's resident set size; the DuckDB engine runs in-process, so this includes it. */
export class RssSampler {
  // memoryUsage.rss() alone: the full memoryUsage() also gathers the heap's statistics, which
  // at 40 calls a second took 3% of the scale bench's server thread.
  peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }, 25);
  stop(): number {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return Math.round(this.peak / 1048576);
  }
}

/** Every dataset the built-in library reads, in a stable order. */
export function libraryDatasets(models: readonly ModelSpec[]): string[] {
  return [...new Set(models.flatMap((m) => m.inputs))].sort();
}

const PRIMES = [2654435761, 2246822519, 3266489917, 668265263, 374761393, 1181783497, 1609587929, 2870177450];

/** A deterministic pseudo-random non-negative integer of row `i` for column number `salt`, below `mod`. */
function h(i: string, salt: number, mod: number): string {
  const p = PRIMES[salt % PRIMES.length] as number;
  return `((${i} * ${p} + ${salt * 7919 + 13}) % ${mod})`;
}

export interface Pools {
  people: number;
  companies: number;
  /** Distinct values of a key-like text field shared across datasets. */
  keys: number;
}

/** The key pools of a lake of `rows` rows, `perDataset` in each dataset: sized so joins find partners. */
export function poolsFor(rows: number, perDataset: number): Pools {
  return {
    people: Math.max(1000, Math.floor(rows / 20)),
    companies: Math.max(200, Math.floor(rows / 200)),
    keys: Math.max(100, Math.floor(perDataset / 3)),
  };
}

function pad(expr: string, width: number): string {
  return `lpad(CAST(${expr} AS TEXT), ${width}, '0')`;
}

/** SQL producing one column's value for row `i` (the series), by the field's type. */
function columnExpr(
  engine: 'duckdb' | 'postgres',
  field: FieldDef | undefined,
  column: string,
  salt: number,
  pools: Pools,
  i: string,
): string {
  const text = (e: string) => `CAST(${e} AS TEXT)`;
  if (column.endsWith('_sk') && field) {
    // People 1..P, companies P+1..P+C; a 'subject' field takes either.
    if (field.type === 'uscc') return `(${pools.people} + 1 + ${h(i, salt, pools.companies)})`;
    if (field.type === 'subject') return `(1 + ${h(i, salt, pools.people + pools.companies)})`;
    return `(1 + ${h(i, salt, pools.people)})`;
  }
  if (column.endsWith('_birth_date')) return `(DATE '1940-01-01' + CAST(${h(i, salt, 25000)} AS INTEGER))`;
  if (column.endsWith('_sex')) return `CASE WHEN ${h(i, salt, 2)} = 0 THEN 'male' ELSE 'female' END`;
  if (column.endsWith('_region')) return `'330199'`;
  if (!field) return 'NULL';
  switch (field.type) {
    case 'enum': {
      const codes = field.values.map((v) => `'${v.code.replaceAll("'", "''")}'`);
      return `(ARRAY[${codes.join(', ')}])[1 + CAST(${h(i, salt, codes.length)} AS INTEGER)]`;
    }
    case 'date':
      return `(DATE '2020-01-01' + CAST(${h(i, salt, 1826)} AS INTEGER))`;
    case 'datetime':
      return engine === 'duckdb'
        ? `(TIMESTAMP '2020-01-01 00:00:00' + to_seconds(CAST(${h(i, salt, 1826 * 86400)} AS BIGINT)))`
        : `(TIMESTAMPTZ '2020-01-01 00:00:00+00' + make_interval(secs => ${h(i, salt, 1826 * 86400)}))`;
    case 'month':
      return `'202' || CAST(${h(i, salt, 5)} AS TEXT) || '-' || ${pad(`1 + ${h(i, salt + 1, 12)}`, 2)}`;
    case 'money':
      return `CAST(${h(i, salt, 200_000_000)} AS DECIMAL(18,2)) / 100`;
    case 'decimal':
      return `CAST(${h(i, salt, 100_000)} AS DOUBLE PRECISION) / 100`;
    case 'int':
      return `CAST(${h(i, salt, 100)} AS BIGINT)`;
    case 'bool':
      return `(${h(i, salt, 2)} = 0)`;
    case 'lat':
      return `(30 + CAST(${h(i, salt, 100_000)} AS DOUBLE PRECISION) / 100000)`;
    case 'lon':
      return `(119.5 + CAST(${h(i, salt, 100_000)} AS DOUBLE PRECISION) / 100000)`;
    case 'division':
      return `'330199' || ${pad(`1 + ${h(i, salt, 6)}`, 3)} || ${pad(`201 + ${h(i, salt + 1, 8)}`, 3)}`;
    case 'phone':
      return `'138' || ${pad(h(i, salt, 100_000_000), 8)}`;
    case 'account':
      return `'6228' || ${pad(h(i, salt, pools.people), 12)}`;
    case 'id':
    case 'uscc':
    case 'subject':
    case 'text': {
      // Key-like text (ids, codes, plates, names) from a pool shared by every dataset with that field.
      const fieldSalt = [...field.key].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 1000, 7);
      return `'${field.key.slice(0, 3).toUpperCase()}' || ${text(h(i, fieldSalt, pools.keys))}`;
    }
  }
}

/** Creates the dataset's lake table and fills it with `rows` rows of batch `batchId`. */
export async function fillDataset(
  lake: Lake,
  dataset: string,
  rows: number,
  batchId: number,
  pools: Pools,
  rowOffset = 0,
): Promise<void> {
  const type = findDataset(dataset);
  if (!type) throw new Error(`unknown dataset ${dataset}`);
  const layout = datasetLayout(type);
  if (!(await lake.hasTable(layout.table))) await lake.createTable(layout.tableDef);
  const fields = new Map<string, FieldDef>();
  for (const f of type.fields) {
    fields.set(f.key, f);
    fields.set(`${f.key}_sk`, f);
  }
  const i = 'n';
  const columns = layout.tableDef.columns;
  const exprs = columns.map((c, salt) => {
    if (c.name === '_batch_id') return String(batchId);
    if (c.name === '_row_no') return `CAST(${i} + 1 AS INTEGER)`;
    const base = c.name.replace(/_(birth_date|sex|region)$/, '');
    return columnExpr(
      lake.engine,
      fields.get(c.name) ?? fields.get(base),
      c.name,
      salt + 1,
      pools,
      `(${i} + ${rowOffset})`,
    );
  });
  const series =
    lake.engine === 'duckdb' ? `range(${rows}) AS s(n)` : `generate_series(CAST(0 AS BIGINT), ${rows - 1}) AS s(n)`;
  await lake.execute(
    `INSERT INTO ${layout.table} (${columns.map((c) => `"${c.name}"`).join(', ')}) SELECT ${exprs.join(', ')} FROM ${series}`,
  );
}

async function timeCount(
  lake: Lake,
  sql: string,
  params: unknown[],
  limits: { timeoutMs: number; small?: boolean },
): Promise<{ ms: number; evidenceRows: number; hits: number }> {
  const started = performance.now();
  const rows = await queryWithLimits<{ n: unknown; h: unknown }>(
    lake,
    `SELECT count(*) AS n, count(DISTINCT hit_key) AS h FROM (${sql}) AS q`,
    params,
    limits,
  );
  return { ms: performance.now() - started, evidenceRows: Number(rows[0]?.n ?? 0), hits: Number(rows[0]?.h ?? 0) };
}

export interface LibraryPass {
  timings: ModelTiming[];
  /** From the first model's start to the last one's end. */
  wallMs: number;
}

/** One pass over `models` in the order and width a run of the platform uses (run-order.ts). */
export async function runLibrary(
  lake: Lake,
  models: readonly ModelSpec[],
  timeoutMs: number,
  newBatches?: Record<string, number[]>,
  progress?: (line: string) => void,
): Promise<LibraryPass> {
  const timings: ModelTiming[] = [];
  const mode = newBatches ? 'incremental' : 'full';
  const started = performance.now();
  await forEachInRunOrder(
    models.map((spec, index) => ({ spec, index, mode })),
    async ({ spec, index }) => {
      try {
        const compiled = compileModel(spec, {
          engine: lake.engine,
          params: resolveParameters(spec, {}),
          ...(newBatches ? { newBatches } : {}),
        });
        // As runModelOnLake does: an incremental query is a small one.
        const limits = { timeoutMs, small: mode === 'incremental' };
        timings[index] = { modelId: spec.id, ...(await timeCount(lake, compiled.sql, compiled.params, limits)) };
        progress?.(`  ${spec.id} ${((timings[index]?.ms ?? 0) / 1000).toFixed(2)} s`);
      } catch (error) {
        timings[index] = {
          modelId: spec.id,
          ms: 0,
          evidenceRows: 0,
          hits: 0,
          error: (error as Error).message.slice(0, 200),
        };
      }
    },
  );
  return { timings, wallMs: performance.now() - started };
}

/**
 * Runs passes of incremental models in the order a run of the platform gives them
 * (run-plan.ts, `longestFirst`): the first in library order, as when nothing has been timed,
 * each later one longest first by the pass before it, as a run goes by the last run's times.
 */
function timedLongestFirst(models: readonly ModelSpec[]) {
  const entries = models.map((m): RunEntry => ({ modelId: m.id, version: 1, params: {}, mode: 'incremental' }));
  let history: RunDurations[] = [];
  return async (run: (ordered: ModelSpec[]) => Promise<LibraryPass>): Promise<LibraryPass> => {
    const ordered = longestFirst(entries, history).map((e) => models.find((m) => m.id === e.modelId) as ModelSpec);
    const pass = await run(ordered);
    const durations = Object.fromEntries(pass.timings.filter((t) => !t.error).map((t) => [t.modelId, t.ms]));
    history = [{ models: entries, durations }];
    return pass;
  };
}

// Passes over the whole library and over the incremental batch, the same number for both,
// taking turns; the best of each is kept, on both sides of the share alike (the first full
// pass also reads the tables in; a model of a few milliseconds is at the mercy of a busy
// moment).
const PASSES = 5;

function totalMs(timings: readonly ModelTiming[]): number {
  return timings.reduce((n, t) => n + t.ms, 0);
}

/**
 * Runs each of `runs` PASSES times, taking turns (a, b, a, b, …): each model's fastest time,
 * with the rest of its first pass's figures, and each run's fastest wall time. Taking turns,
 * a shared machine whose speed drifts over minutes weighs on every run alike.
 */
async function bestOfPasses(...runs: (() => Promise<LibraryPass>)[]): Promise<LibraryPass[]> {
  const best: LibraryPass[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const [i, run] of runs.entries()) {
      const next = await run();
      const kept = best[i];
      if (kept === undefined) {
        best[i] = next;
        continue;
      }
      kept.wallMs = Math.min(kept.wallMs, next.wallMs);
      // By model id: a pass may run the models in another order (see `timedLongestFirst`).
      for (const t of kept.timings) {
        const again = next.timings.find((x) => x.modelId === t.modelId);
        if (again !== undefined && !again.error && again.ms < t.ms) t.ms = again.ms;
      }
    }
  }
  return best;
}

/**
 * The hand-written baselines beside the engine's SQL for the same models, timed alternately
 * in the same process on the same lake, best of PASSES each: neither side pays for a cold
 * cache or a busy moment.
 */
async function timeBaselines(
  lake: Lake,
  models: readonly ModelSpec[],
  timeoutMs: number,
): Promise<EngineBench['baselines']> {
  const out: EngineBench['baselines'] = [];
  for (const id of BASELINE_MODELS) {
    const spec = models.find((m) => m.id === id);
    if (spec === undefined) continue;
    const compiled = compileModel(spec, { engine: lake.engine, params: resolveParameters(spec, {}) });
    const q = BASELINE_SQL[id];
    let engineMs = Infinity;
    let baselineMs = Infinity;
    try {
      for (let round = 0; round < PASSES; round++) {
        engineMs = Math.min(engineMs, (await timeCount(lake, compiled.sql, compiled.params, { timeoutMs })).ms);
        const started = performance.now();
        // Evidence built and de-duplicated, as the engine's count(DISTINCT hit_key) makes it do.
        await queryWithLimits(
          lake,
          `SELECT count(*) AS n, count(DISTINCT evidence) AS h FROM (${q.sql}) AS q`,
          q.params,
          {
            timeoutMs,
          },
        );
        baselineMs = Math.min(baselineMs, performance.now() - started);
      }
      out.push({ modelId: id, baselineMs, engineMs });
    } catch (error) {
      out.push({
        modelId: id,
        baselineMs: 0,
        engineMs: Number.isFinite(engineMs) ? engineMs : 0,
        error: (error as Error).message.slice(0, 200),
      });
    }
  }
  return out;
}

/** Runs the whole bench on one lake (created empty here, dropped after). */
export async function benchEngine(
  engine: 'duckdb' | 'postgres',
  rows: number,
  options: Required<Pick<ModelsBenchOptions, 'batchRows' | 'timeoutMs' | 'log' | 'verbose'>> &
    Pick<ModelsBenchOptions, 'models'>,
): Promise<EngineBench> {
  const { log } = options;
  const sampler = new RssSampler();
  const dir = engine === 'duckdb' ? await mkdtemp(path.join(tmpdir(), 'qf-models-bench-')) : undefined;
  let lake: Lake;
  let cleanup: () => Promise<void>;
  if (dir) {
    lake = await openLake({ file: path.join(dir, 'lake.duckdb'), importDir: path.join(dir, 'uploads') });
    cleanup = async () => {
      await lake.close();
      await rm(dir, { recursive: true, force: true });
    };
  } else {
    const serverUrl = postgresServerUrl();
    if (serverUrl === undefined) {
      throw new Error('the PostgreSQL model bench needs QF_LAKE_URL or QF_TEST_DATABASE_URL');
    }
    // A schema of its own, dropped afterwards with the reader login the locked lake makes in it.
    const scratch = await createScratchLakeSchema(serverUrl, 'qf_bench');
    try {
      lake = await openLake({ url: serverUrl, schema: scratch.schema });
    } catch (error) {
      await scratch.drop();
      throw error;
    }
    cleanup = async () => {
      await lake.close();
      await scratch.drop();
    };
  }
  try {
    const library = builtinModels();
    const only = options.models;
    const models = only === undefined ? library : library.filter((m) => only.includes(m.id));
    const datasets = libraryDatasets(library);
    const perDataset = Math.max(1, Math.floor(rows / datasets.length));
    const pools = poolsFor(rows, perDataset);
    log(
      `[${engine}] writing ${(perDataset * datasets.length).toLocaleString('en-US')} rows into ${datasets.length} datasets`,
    );
    const loadStarted = performance.now();
    for (const dataset of datasets) await fillDataset(lake, dataset, perDataset, 1, pools);
    if (engine === 'postgres') for (const dataset of datasets) await lake.execute(`ANALYZE ds_${dataset}`);
    const loadMs = performance.now() - loadStarted;
    log(`[${engine}] written in ${(loadMs / 1000).toFixed(1)} s`);

    // The incremental batch: new benefit payments, the dataset most models read. It lands
    // before any timing, so the full runs and the incremental ones read the same lake.
    const dataset = 'benefit_payment';
    log(`[${engine}] ${options.batchRows.toLocaleString('en-US')} more ${dataset} rows as batch 2`);
    await fillDataset(lake, dataset, options.batchRows, 2, pools, perDataset);
    if (engine === 'postgres') await lake.execute(`ANALYZE ds_${dataset}`);
    const newBatches = { [dataset]: [2] };
    const readers = models.filter(
      (m) => m.inputs.includes(dataset) && plannedMode(m, { newBatches }) === 'incremental',
    );
    // The incremental share compares like with like: the best wall time of a whole pass on
    // both sides. The sum of each model's best full time is printed too; it is lower than any
    // one pass (each model keeps its luckiest moment), so the share against it is higher.
    const incrementalOrder = timedLongestFirst(readers);
    const [fullPass, incrementalPass] = await bestOfPasses(
      () => runLibrary(lake, models, options.timeoutMs, undefined, options.verbose ? log : undefined),
      () => incrementalOrder((ordered) => runLibrary(lake, ordered, options.timeoutMs, newBatches)),
    );
    if (fullPass === undefined || incrementalPass === undefined) throw new Error('a pass is missing');
    const full = fullPass.timings;
    const fullMs = totalMs(full);
    for (const t of full) if (t.error) log(`[${engine}] ${t.modelId} failed: ${t.error}`);

    log(`[${engine}] baselines`);
    const baselines = await timeBaselines(lake, models, options.timeoutMs);
    const incrementalModels = incrementalPass.timings;
    const incrementalMs = incrementalPass.wallMs;
    return {
      engine,
      rows: perDataset * datasets.length,
      datasets: datasets.length,
      loadMs,
      full,
      fullMs,
      fullWallMs: fullPass.wallMs,
      baselines,
      incremental: {
        batchRows: options.batchRows,
        dataset,
        models: incrementalModels,
        ms: incrementalMs,
        shareOfFull: fullPass.wallMs > 0 ? incrementalMs / fullPass.wallMs : 0,
        shareOfModelBests: fullMs > 0 ? incrementalMs / fullMs : 0,
      },
      peakRssMb: sampler.stop(),
    };
  } finally {
    sampler.stop();
    await cleanup();
  }
}

/** The figures of one engine as text. */
export function formatEngineBench(b: EngineBench): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    `== ${b.engine}: ${b.rows.toLocaleString('en-US')} rows in ${b.datasets} datasets (written in ${s(b.loadMs)})`,
    `full run of ${b.full.length} models, batch ${b.incremental.batchRows.toLocaleString('en-US')} rows included (best of ${PASSES} passes): ${s(b.fullWallMs)} wall, ${s(b.fullMs)} as the sum of each model's best; peak RSS ${b.peakRssMb} MB${b.engine === 'postgres' ? ' (this process; the server’s memory is its own)' : ''}`,
    'slowest models:',
    ...[...b.full]
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 8)
      .map((t) => `  ${t.modelId.padEnd(5)} ${s(t.ms).padStart(9)}  ${t.hits.toLocaleString('en-US')} hits`),
    ...b.full.filter((t) => t.error).map((t) => `  ${t.modelId} FAILED: ${t.error}`),
    `baseline (hand-written) vs engine, same process, best of ${PASSES} each:`,
    ...b.baselines.map((x) =>
      x.error
        ? `  ${x.modelId.padEnd(5)} baseline failed: ${x.error}`
        : `  ${x.modelId.padEnd(5)} baseline ${s(x.baselineMs).padStart(9)}  engine ${s(x.engineMs).padStart(9)}  ratio ${(x.engineMs / Math.max(x.baselineMs, 1)).toFixed(2)}×`,
    ),
  ];
  const ok = b.baselines.filter((x) => !x.error);
  const base = ok.reduce((n, x) => n + x.baselineMs, 0);
  const eng = ok.reduce((n, x) => n + x.engineMs, 0);
  lines.push(
    `  total baseline ${s(base)}, engine ${s(eng)}, ratio ${(eng / Math.max(base, 1)).toFixed(2)}× (target ≤ 1.5×)`,
  );
  lines.push(
    `incremental: ${b.incremental.batchRows.toLocaleString('en-US')} new ${b.incremental.dataset} rows, ${b.incremental.models.length} models, ${INCREMENTAL_WIDTH} side by side and longest first as a run does (best of ${PASSES} passes, taking turns with the full ones): ${s(b.incremental.ms)} = ${(100 * b.incremental.shareOfFull).toFixed(2)}% of the full run's wall time (target < 2%), ${(100 * b.incremental.shareOfModelBests).toFixed(2)}% of the sum of each model's best`,
  );
  lines.push(
    `  each model, while side by side: ${b.incremental.models.map((t) => `${t.modelId} ${(t.ms / 1000).toFixed(3)} s`).join(', ')}`,
  );
  return lines.join('\n');
}

/** The bench: DuckDB at `rows`, then PostgreSQL at `postgresRows` when a server is configured. */
export async function runModelsBench(options: ModelsBenchOptions = {}): Promise<EngineBench[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const common = {
    batchRows: options.batchRows ?? 10_000,
    timeoutMs: options.timeoutMs ?? 10 * 60_000,
    verbose: options.verbose ?? false,
    log,
    ...(options.models === undefined ? {} : { models: options.models }),
  };
  const results: EngineBench[] = [];
  const duck = await benchEngine('duckdb', options.rows ?? 10_000_000, common);
  results.push(duck);
  process.stdout.write(`${formatEngineBench(duck)}\n`);
  const pgRows = options.postgresRows ?? 1_000_000;
  if (pgRows > 0 && postgresServerUrl() !== undefined) {
    const pg = await benchEngine('postgres', pgRows, common);
    results.push(pg);
    process.stdout.write(`${formatEngineBench(pg)}\n`);
  } else {
    process.stdout.write('== postgres: skipped (no QF_LAKE_URL / QF_TEST_DATABASE_URL, or --postgres-rows 0)\n');
  }
  return results;
}

/** The PostgreSQL server the bench makes its lake schema on: QF_LAKE_URL, else QF_TEST_DATABASE_URL. */
function postgresServerUrl(): string | undefined {
  return process.env.QF_LAKE_URL || process.env.QF_TEST_DATABASE_URL || undefined;
}

function option(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--models');
  const modelsArg = i >= 0 ? process.argv[i + 1] : undefined;
  await runModelsBench({
    rows: option('rows'),
    postgresRows: option('postgres-rows'),
    batchRows: option('batch-rows'),
    verbose: process.argv.includes('--verbose'),
    ...(modelsArg === undefined ? {} : { models: modelsArg.split(',') }),
  });
}
