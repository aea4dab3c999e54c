/**
 * The per-model detection quality on the demo region: generates the county, loads it through
 * the import path into a platform of its own in a temporary folder (PGlite + DuckDB), sets
 * the deployment's parameters, runs every built-in model in full and prints recall, decoy
 * hits, other hits and precision per model (see demo/ground-truth-compare.ts for how a hit
 * is matched to a case).
 *
 *   tsx packages/server/src/bench/ground-truth-report.ts [--seed N] [--scale X]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDemoRegion } from '@qingfeng/demo';
import { type DemoEvaluation, evaluateDemoRegion, formatGroundTruthTable } from '../demo/ground-truth-compare.js';
import { loadDemoRegion } from '../demo/load-demo.js';
import { openTemporaryPlatform } from './bench-platform.js';

export interface GroundTruthReportOptions {
  seed?: number;
  scale?: number;
  /** Where the table goes (default stdout). */
  write?: (text: string) => void;
}

/** Generates, loads, runs and prints; returns the evaluation for callers that want the numbers. */
export async function printGroundTruthReport(options: GroundTruthReportOptions = {}): Promise<DemoEvaluation> {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const write = options.write ?? ((text: string) => process.stdout.write(`${text}\n`));
  const outDir = await mkdtemp(path.join(tmpdir(), 'qf-ground-truth-'));
  const platform = await openTemporaryPlatform();
  try {
    const t0 = performance.now();
    const manifest = await generateDemoRegion({ seed, scale, outDir });
    const t1 = performance.now();
    await loadDemoRegion(platform.services, manifest);
    const t2 = performance.now();
    const evaluation = await evaluateDemoRegion(platform.services, manifest);
    write(
      `demo region seed ${seed} scale ${scale}: ${manifest.counts.rows.toLocaleString('en-US')} rows, ` +
        `${manifest.counts.cases} planted cases, ${manifest.counts.decoys} decoys; generated in ${((t1 - t0) / 1000).toFixed(1)} s, ` +
        `loaded in ${((t2 - t1) / 1000).toFixed(1)} s, full run of ${evaluation.modelIds.length} models in ${(evaluation.runMs / 1000).toFixed(1)} s`,
    );
    for (const [model, error] of Object.entries(evaluation.runErrors)) write(`RUN ERROR ${model}: ${error}`);
    write(formatGroundTruthTable(evaluation.report));
    return evaluation;
  } finally {
    await platform.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

function option(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await printGroundTruthReport({ seed: option('seed'), scale: option('scale') });
}
