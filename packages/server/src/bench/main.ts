/**
 * `npm run bench`: the console's first load (bytes and time in Chromium), field encryption's cost, import throughput
 * and peak memory of the dataset import, then the comparison models (full library at 10M rows beside hand-written SQL, incremental share,
 * PostgreSQL), the demo county's per-model recall and precision, and speed at a county's
 * scale on the embedded stores and on PostgreSQL (scale/scale-bench.ts): `models run --all`
 * end to end on a 10M-row lake with its warnings stored, beside the raw engine's time, then
 * the warning list and the overview at p50/p99/max with 1M stored warnings and 50 concurrent
 * HTTP clients signed in as a county and a city leader (target p99 < 100 ms).
 *
 *   node packages/server/dist/bench/main.js [--rows N] [--big-gb G] [--postgres-rows N] [--dir D]
 *
 * --rows          rows of the UTF-8 and GBK benefit_payment CSVs (default 10,000,000)
 * --big-gb        size of the memory run's file in GB (default 1; the target is 5)
 * --postgres-rows rows for the PostgreSQL lake run (default 1,000,000; needs QF_TEST_DATABASE_URL; 0 skips)
 * --lake-memory   DuckDB's memory limit in the import runs (default 128MB, so the process
 *                 keeps under 500 MB: ~330 MB of platform and staging beside DuckDB's share;
 *                 the import is as fast as at 256MB; "" for none)
 * --model-rows    lake rows for the model benchmark (default 10,000,000)
 * --model-postgres-rows  lake rows for the model benchmark on PostgreSQL (default 1,000,000)
 * --crypto-rows   rows of the field-encryption measurement (default 100,000)
 * --only console|crypto|import|models|scale|log|clues  run only the console's first load, the
 *                 field-encryption cost, the import benchmark, the model benchmark (no
 *                 ground-truth report), speed at a county's scale, the transparency log's,
 *                 or the clue registry's (PostgreSQL only: a million clues, ten million
 *                 timeline entries, 50 clients on its lists, search and detail)
 * --clues         clues stored for the clue part (default 1,000,000)
 * --clue-steps    timeline entries per clue (default 10)
 * --scale-rows    lake rows of the scale part's end-to-end `models run --all` (default 10,000,000; 0 skips it)
 * --warnings      warnings stored for the scale part's load (default 1,000,000)
 * --clients       concurrent HTTP clients of the scale part's load (default 50)
 * --requests      requests per client, endpoint and user in the scale part (default 100: 5,000 an
 *                 endpoint, so one pause of the server that all 50 clients wait through is
 *                 1% of the answers, not the 5% that decided a p99 of 1,000; the clue part: 20)
 * --log-entries   entries in the transparency log benchmark (default 1,000,000)
 * --models W01,W02  run only these models of the library in the model benchmark
 * --verbose       log each model's time as it finishes
 * Each measurement runs in a child process, so each peak RSS is that run's own.
 */
import { runConsoleLoadBench } from './console-load.js';
import { measureFieldCrypto, printCryptoTable } from './crypto-bench.js';
import { printGroundTruthReport } from './ground-truth-report.js';
import { inChild, measureAtRest, measureDuckDbRaw, measureImport, prepareDataDir } from './import-bench.js';
import { printEncryptedImports, runEncryptedImportBench, runImportBench } from './import-runs.js';
import { runLogBench } from './log-bench.js';
import { runModelsBench } from './models-bench.js';
import { type ClueBench, formatClueBench, runClueBench } from './scale/clue-bench.js';
import { formatScaleBench, runScaleBench, type ScaleBench } from './scale/scale-bench.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

async function child(): Promise<void> {
  const [, , , kind = '', label = '', file = '', dataDir = '', lakeMemoryLimit = '', fieldCipher = ''] = process.argv;
  if (kind === 'scale') {
    // label: the engine; file: the options as JSON.
    const result = await runScaleBench({ ...(JSON.parse(file) as object), engine: label as ScaleBench['engine'], log });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (kind === 'clues') {
    const result = await runClueBench({ ...(JSON.parse(file) as object), engine: 'postgres', log });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (kind === 'prepare') {
    await prepareDataDir(dataDir);
    process.stdout.write('{}\n');
    return;
  }
  const result =
    kind === 'raw'
      ? await measureDuckDbRaw(label, file)
      : kind === 'at-rest'
        ? await measureAtRest(label, dataDir, lakeMemoryLimit)
        : await measureImport(
            label,
            file,
            kind === 'import-postgres' ? 'postgres' : 'pglite',
            dataDir,
            lakeMemoryLimit,
            fieldCipher || undefined,
          );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function textOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function modelsBench(): Promise<unknown> {
  const models = textOption('models');
  return runModelsBench({
    rows: option('model-rows', 10_000_000),
    postgresRows: option('model-postgres-rows', 1_000_000),
    verbose: process.argv.includes('--verbose'),
    ...(models === undefined ? {} : { models: models.split(',') }),
  });
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Speed at a county's scale, each engine in a child process of its own so each peak RSS is
 * that engine's; PostgreSQL only when QF_TEST_DATABASE_URL (or QF_LAKE_URL) names a server.
 */
async function scaleBench(): Promise<void> {
  const options = JSON.stringify({
    lakeRows: option('scale-rows', 10_000_000),
    warnings: option('warnings', 1_000_000),
    clients: option('clients', 50),
    requestsPerClient: option('requests', 100),
  });
  const engines: ScaleBench['engine'][] = ['embedded'];
  if (process.env.QF_TEST_DATABASE_URL || process.env.QF_LAKE_URL) engines.push('postgres');
  else process.stdout.write('== scale, PostgreSQL: skipped (no QF_TEST_DATABASE_URL / QF_LAKE_URL)\n');
  for (const engine of engines) {
    const result = (await inChild(['scale', engine, options])) as unknown as ScaleBench;
    process.stdout.write(`${formatScaleBench(result)}\n`);
  }
}

/** The clue registry at a commission's scale, on PostgreSQL (the target), in a child process. */
async function clueBench(): Promise<void> {
  if (!process.env.QF_TEST_DATABASE_URL && !process.env.QF_LAKE_URL) {
    process.stdout.write('== clues, PostgreSQL: skipped (no QF_TEST_DATABASE_URL / QF_LAKE_URL)\n');
    return;
  }
  const options = JSON.stringify({
    clues: option('clues', 1_000_000),
    stepsPerClue: option('clue-steps', 10),
    clients: option('clients', 50),
    requestsPerClient: option('requests', 20),
  });
  const result = (await inChild(['clues', 'postgres', options])) as unknown as ClueBench;
  process.stdout.write(`${formatClueBench(result)}\n`);
}

async function main(): Promise<void> {
  const only = textOption('only');
  if (only !== undefined && !['console', 'crypto', 'import', 'models', 'scale', 'log', 'clues'].includes(only))
    throw new Error('--only takes "console", "crypto", "import", "models", "scale", "log" or "clues"');
  if (only === 'scale') return scaleBench();
  if (only === 'clues') return clueBench();
  if (only === 'log') return runLogBench({ entries: option('log-entries', 1_000_000) });
  // First and quick: what a person opening the console's address waits for.
  if (only === undefined || only === 'console') await runConsoleLoadBench();
  if (only === 'console') return;
  // Quick too: what sealing identifiers (AES, SM4, none) adds to an import.
  if (only === undefined || only === 'crypto') {
    const cryptoRows = option('crypto-rows', 100_000);
    printCryptoTable(cryptoRows, measureFieldCrypto(cryptoRows));
    const sealCost = (ids: number) => new Map(measureFieldCrypto(ids).map((m) => [m.cipher, m.sealMs]));
    printEncryptedImports(await runEncryptedImportBench(cryptoRows, sealCost));
  }
  if (only === 'crypto') return;
  if (only !== 'models') {
    await runImportBench({
      rows: option('rows', 10_000_000),
      bigGb: option('big-gb', 1),
      postgresRows: option('postgres-rows', 1_000_000),
      dir: textOption('dir') ?? '',
      lakeMemoryLimit: textOption('lake-memory') ?? '128MB',
    });
  }
  if (only === 'import') return;

  // Comparison models: the whole library on a 10M-row lake beside hand-written SQL, the
  // incremental share, then detection quality on the demo county's ground truth.
  await modelsBench();
  if (only === 'models') return;
  await printGroundTruthReport({ seed: 1, scale: 1 });
  await scaleBench();
  await clueBench();
  await runLogBench({ entries: option('log-entries', 1_000_000) });
}

if (process.argv[2] === '--child') await child();
else await main();
