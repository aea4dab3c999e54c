/**
 * The clue registry at a commission's scale: a million clues and ten million timeline
 * entries (seed-clues.ts) read through a real listening server by 50 concurrent clients
 * signed in as the county's leader: the registry's first page, a page deep down by keyset,
 * a filtered page, the overdue list, a search by identity number, and one clue's page.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { buildApp } from '../../app/build-app.js';
import { type BenchPlatform, openPostgresPlatform, openTemporaryPlatform } from '../bench-platform.js';
import { RssSampler } from '../models-bench.js';
import { type EndpointLoad, type LoadEndpoint, runLoad } from './load-runner.js';
import { createScaleCounty, signInOverHttp } from './scale-county.js';
import { TARGET_P99_MS } from './scale-bench.js';
import { type SeededClues, seedClues } from './seed-clues.js';

export interface ClueBenchOptions {
  engine: 'embedded' | 'postgres';
  /** Clues written before the load (default 1,000,000). */
  clues?: number;
  /** Timeline entries per clue (default 10). */
  stepsPerClue?: number;
  clients?: number;
  requestsPerClient?: number;
  log?: (line: string) => void;
}

export interface ClueBench {
  engine: 'embedded' | 'postgres';
  seeded: SeededClues;
  load: EndpointLoad[];
  loadPeakRssMb: number;
}

const items = (body: unknown) => (body as { items: unknown[] }).items.length;
const steps = (body: unknown) => (body as { timeline: unknown[] }).timeline.length;

/** What the load asks for, as the console does; ids from the seeded range. */
export function clueEndpoints(lowestId: number, count: number, searchedIdNumber: string): LoadEndpoint[] {
  // Keyset: the page below the clue nine tenths of the way down the register.
  const deep = lowestId + Math.floor(count / 10);
  return [
    { name: 'registry, first page', path: '/api/v1/clues?limit=20', countOf: items },
    { name: 'registry, deep keyset page', path: `/api/v1/clues?limit=20&before=${deep}`, countOf: items },
    {
      name: 'registry, filtered',
      path: '/api/v1/clues?state=verifying&source=letters_visits&limit=20',
      countOf: items,
    },
    { name: 'overdue list', path: '/api/v1/clues/overdue?limit=50', countOf: items },
    {
      name: 'search by identity number',
      path: '/api/v1/clues/search',
      body: { idNumber: searchedIdNumber },
      countOf: items,
    },
    { name: "a clue's page", path: `/api/v1/clues/${lowestId + Math.floor(count / 2)}`, countOf: steps },
  ];
}

async function openPlatform(engine: ClueBenchOptions['engine']): Promise<BenchPlatform> {
  if (engine === 'embedded') return openTemporaryPlatform();
  const url = process.env.QF_TEST_DATABASE_URL || process.env.QF_LAKE_URL;
  if (!url) throw new Error('the PostgreSQL clue bench needs QF_TEST_DATABASE_URL (or QF_LAKE_URL)');
  return openPostgresPlatform(url);
}

/** Runs the clue bench on a platform of its own, thrown away afterwards. */
export async function runClueBench(options: ClueBenchOptions): Promise<ClueBench> {
  const log = options.log ?? (() => undefined);
  const platform = await openPlatform(options.engine);
  const { services } = platform;
  try {
    const county = await createScaleCounty(services);
    const count = options.clues ?? 1_000_000;
    log(`[${options.engine}] writing ${count.toLocaleString('en-US')} clues`);
    const seeded = await seedClues(services, county.countyOrgId, count, options.stepsPerClue ?? 10, log);
    const { rows } = await sql<{ lo: number }>`SELECT min(id) AS lo FROM clues`.execute(services.database.db);
    const lowestId = Number(rows[0]!.lo);

    const { app } = await buildApp(services, { logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const session = await signInOverHttp(baseUrl, county.countyUser);
      log(`[${options.engine}] ${options.clients ?? 50} clients on ${baseUrl}`);
      const sampler = new RssSampler();
      const load = await runLoad({
        baseUrl,
        sessions: [session],
        clients: options.clients ?? 50,
        requestsPerClient: options.requestsPerClient ?? 20,
        endpoints: clueEndpoints(lowestId, count, seeded.searchedIdNumber),
      });
      return { engine: options.engine, seeded, load, loadPeakRssMb: sampler.stop() };
    } finally {
      await app.close();
    }
  } finally {
    await platform.close();
  }
}

/** The figures as text. */
export function formatClueBench(b: ClueBench): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [
    `== clues, ${b.engine === 'embedded' ? 'embedded (PGlite store)' : 'PostgreSQL'}`,
    `${n(b.seeded.clues)} clues and ${n(b.seeded.steps)} timeline entries written in ${(b.seeded.ms / 1000).toFixed(1)} s`,
    `through a listening server, ${b.load[0]?.clients ?? 0} concurrent clients, p99 target < ${TARGET_P99_MS} ms; peak RSS ${b.loadPeakRssMb} MB`,
  ];
  for (const l of b.load) {
    const meets = l.p99Ms < TARGET_P99_MS && l.failures === 0 ? 'meets' : 'MISSES';
    lines.push(
      `  ${l.endpoint.padEnd(28)} p50 ${l.p50Ms.toFixed(0).padStart(5)} ms  p99 ${l.p99Ms.toFixed(0).padStart(5)} ms  max ${l.maxMs.toFixed(0).padStart(5)} ms  ${l.perSecond.toFixed(0).padStart(5)} req/s  ${n(l.requests)} requests${l.failures > 0 ? `, ${l.failures} FAILED` : ''}${l.count === undefined ? '' : `, counts ${n(l.count)}`}  ${meets}`,
    );
  }
  return lines.join('\n');
}
