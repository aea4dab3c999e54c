/**
 * Speed at a county's scale, on one engine pair (the embedded PGlite store and DuckDB lake,
 * or PostgreSQL for both): `models run --all` end to end on a synthetic lake, then a
 * million stored warnings (seed-warnings.ts) read through a real listening server by 50
 * concurrent clients signed in as a county leader and as a city-wide leader.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../app/build-app.js';
import { type BenchPlatform, openPostgresPlatform, openTemporaryPlatform } from '../bench-platform.js';
import { RssSampler } from '../models-bench.js';
import { type EndpointLoad, type LoadEndpoint, loadEndpoints, runLoad } from './load-runner.js';
import { type EndToEndRun, runModelsEndToEnd } from './models-end-to-end.js';
import { createScaleCounty, signInOverHttp } from './scale-county.js';
import { type SeededWarnings, seedWarnings } from './seed-warnings.js';

/** The latency every loaded endpoint should keep under, at p99. */
export const TARGET_P99_MS = 100;

export interface ScaleBenchOptions {
  engine: 'embedded' | 'postgres';
  /** Lake rows of the end-to-end model run (default 10,000,000; 0 skips the run). */
  lakeRows?: number;
  /** Warnings written into the store before the load (default 1,000,000). */
  warnings?: number;
  /** Concurrent clients (default 50). */
  clients?: number;
  /** Requests per client, endpoint and user (default 100; see bench/main.ts). */
  requestsPerClient?: number;
  /** Endpoints to load (default loadEndpoints of the seeded person). */
  endpoints?: readonly LoadEndpoint[];
  log?: (line: string) => void;
}

export interface ScaleBench {
  engine: 'embedded' | 'postgres';
  run?: EndToEndRun;
  /** Peak resident set of this process during the model run (DuckDB and PGlite run inside it). */
  runPeakRssMb?: number;
  seeded: SeededWarnings;
  /** Warnings the store holds during the load (the run's and the seeded ones). */
  storedWarnings: number;
  load: EndpointLoad[];
  /** Peak resident set of this process (server included) during the load. */
  loadPeakRssMb: number;
}

async function openPlatform(engine: ScaleBenchOptions['engine']): Promise<BenchPlatform> {
  if (engine === 'embedded') return openTemporaryPlatform();
  const url = process.env.QF_TEST_DATABASE_URL || process.env.QF_LAKE_URL;
  if (!url) throw new Error('the PostgreSQL scale bench needs QF_TEST_DATABASE_URL (or QF_LAKE_URL)');
  return openPostgresPlatform(url);
}

/** Runs the scale bench on a platform of its own, thrown away afterwards. */
export async function runScaleBench(options: ScaleBenchOptions): Promise<ScaleBench> {
  const log = options.log ?? (() => undefined);
  const platform = await openPlatform(options.engine);
  const { services } = platform;
  try {
    const county = await createScaleCounty(services);
    const lakeRows = options.lakeRows ?? 10_000_000;
    let run: EndToEndRun | undefined;
    let runPeakRssMb: number | undefined;
    if (lakeRows > 0) {
      log(`[${options.engine}] models run --all end to end`);
      const sampler = new RssSampler();
      run = await runModelsEndToEnd(services, lakeRows, log);
      runPeakRssMb = sampler.stop();
    }
    const warnings = options.warnings ?? 1_000_000;
    log(`[${options.engine}] writing ${warnings.toLocaleString('en-US')} warnings`);
    const seeded = await seedWarnings(services, warnings, log);
    const stored = await services.database.db
      .selectFrom('warnings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const { app } = await buildApp(services, { logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const sessions = [
        await signInOverHttp(baseUrl, county.countyUser),
        await signInOverHttp(baseUrl, county.cityUser),
      ];
      log(`[${options.engine}] ${options.clients ?? 50} clients on ${baseUrl}`);
      const sampler = new RssSampler();
      const load = await runLoad({
        baseUrl,
        sessions,
        clients: options.clients ?? 50,
        requestsPerClient: options.requestsPerClient ?? 100,
        endpoints: options.endpoints ?? loadEndpoints(seeded.personKey),
      });
      return {
        engine: options.engine,
        ...(run ? { run, runPeakRssMb } : {}),
        seeded,
        storedWarnings: Number(stored.n),
        load,
        loadPeakRssMb: sampler.stop(),
      };
    } finally {
      await app.close();
    }
  } finally {
    await platform.close();
  }
}

/** The figures of one engine as text. */
export function formatScaleBench(b: ScaleBench): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [`== scale, ${b.engine === 'embedded' ? 'embedded (PGlite store, DuckDB lake)' : 'PostgreSQL'}`];
  if (b.run) {
    const r = b.run;
    lines.push(
      `models run --all end to end on ${n(r.lakeRows)} lake rows: ${s(r.ms)}, ${n(Math.round(r.rowsPerSecond))} rows/s, ` +
        `${r.models} models${r.failedModels.length > 0 ? ` (failed: ${r.failedModels.map((f) => f.modelId).join(', ')})` : ''}; ` +
        `${n(r.newWarnings)} new + ${n(r.updatedWarnings)} updated warnings, ${n(r.storedWarnings)} stored with ${n(r.storedEvidenceRows)} evidence rows; peak RSS ${b.runPeakRssMb} MB`,
      ...r.failedModels.map((f) => `  ${f.modelId} failed: ${f.error}`),
      `  raw engine, same library and lake, queries only: ${s(r.queryOnlyMs)} (${n(r.queryOnlyHits)} hit keys); end to end is ${(r.ms / Math.max(r.queryOnlyMs, 1)).toFixed(2)}× that`,
    );
  }
  lines.push(
    `${n(b.seeded.warnings)} warnings written in ${s(b.seeded.ms)} (${n(b.seeded.evidenceRows)} evidence rows, ${n(b.seeded.events)} status events); the store holds ${n(b.storedWarnings)}`,
    `through a listening server, ${b.load[0]?.clients ?? 0} concurrent clients, p99 target < ${TARGET_P99_MS} ms; peak RSS ${b.loadPeakRssMb} MB`,
  );
  for (const l of b.load) {
    const meets = l.p99Ms < TARGET_P99_MS && l.failures === 0 ? 'meets' : 'MISSES';
    lines.push(
      `  ${l.endpoint.padEnd(28)} ${l.user.padEnd(13)} p50 ${l.p50Ms.toFixed(0).padStart(5)} ms  p99 ${l.p99Ms.toFixed(0).padStart(5)} ms  max ${l.maxMs.toFixed(0).padStart(5)} ms  ${l.perSecond.toFixed(0).padStart(5)} req/s  ${n(l.requests)} requests${l.failures > 0 ? `, ${l.failures} FAILED` : ''}${l.count === undefined ? '' : `, counts ${n(l.count)}`}  ${meets}`,
    );
  }
  return lines.join('\n');
}
