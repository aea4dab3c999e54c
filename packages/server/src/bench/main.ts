/**
 * `npm run bench`: the console's first load (bytes and time in Chromium), field encryption's cost, import throughput
 * and peak memory of the dataset import, then the comparison models (full library at 10M rows beside hand-written SQL, incremental share,
 * PostgreSQL) and the demo county's per-model recall and precision.
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
 * --only console|crypto|import|models  run only the console's first load, the field-encryption
 *                 cost, the import benchmark, or the model benchmark (no ground-truth report)
 * --models W01,W02  run only these models of the library in the model benchmark
 * --verbose       log each model's time as it finishes
 * Each measurement runs in a child process, so each peak RSS is that run's own.
 */
import { runConsoleLoadBench } from './console-load.js';
import { measureFieldCrypto, printCryptoTable } from './crypto-bench.js';
import { printGroundTruthReport } from './ground-truth-report.js';
import { measureAtRest, measureDuckDbRaw, measureImport, prepareDataDir } from './import-bench.js';
import { runImportBench } from './import-runs.js';
import { runModelsBench } from './models-bench.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

async function child(): Promise<void> {
  const [, , , kind = '', label = '', file = '', dataDir = '', lakeMemoryLimit = ''] = process.argv;
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

async function main(): Promise<void> {
  const only = textOption('only');
  if (only !== undefined && !['console', 'crypto', 'import', 'models'].includes(only))
    throw new Error('--only takes "console", "crypto", "import" or "models"');
  // First and quick: what a person opening the console's address waits for.
  if (only === undefined || only === 'console') await runConsoleLoadBench();
  if (only === 'console') return;
  // Quick too: what sealing identifiers (AES, SM4, none) adds to an import.
  if (only === undefined || only === 'crypto') {
    const cryptoRows = option('crypto-rows', 100_000);
    printCryptoTable(cryptoRows, measureFieldCrypto(cryptoRows));
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
}

if (process.argv[2] === '--child') await child();
else await main();
