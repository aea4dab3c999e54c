/**
 * `npm run bench`: import throughput and peak memory of the dataset import, then the
 * comparison models (full library at 10M rows beside hand-written SQL, incremental share,
 * PostgreSQL) and the demo county's per-model recall and precision.
 *
 *   node packages/server/dist/bench/main.js [--rows N] [--big-gb G] [--postgres-rows N] [--dir D]
 *
 * --rows          rows of the UTF-8 and GBK benefit_payment CSVs (default 10,000,000)
 * --big-gb        size of the memory run's file in GB (default 1; the target is 5)
 * --postgres-rows rows for the PostgreSQL lake run (default 1,000,000; needs QF_TEST_DATABASE_URL; 0 skips)
 * --model-rows    lake rows for the model benchmark (default 10,000,000)
 * --model-postgres-rows  lake rows for the model benchmark on PostgreSQL (default 1,000,000)
 * Each measurement runs in a child process, so each peak RSS is that run's own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printGroundTruthReport } from './ground-truth-report.js';
import {
  type Measurement,
  inChild,
  measureDuckDbRaw,
  measureImport,
  printTable,
  writeBenefitPayments,
} from './import-bench.js';
import { runModelsBench } from './models-bench.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

async function child(): Promise<void> {
  const [, , , kind = '', label = '', file = ''] = process.argv;
  const result =
    kind === 'raw'
      ? await measureDuckDbRaw(label, file)
      : await measureImport(label, file, kind === 'import-postgres' ? 'postgres' : 'pglite');
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  const rows = option('rows', 10_000_000);
  const bigGb = option('big-gb', 1);
  const pgRows = option('postgres-rows', 1_000_000);
  const dirOption = process.argv.indexOf('--dir');
  const dir = await mkdtemp(
    path.join(dirOption >= 0 ? (process.argv[dirOption + 1] as string) : tmpdir(), 'qf-bench-'),
  );
  const log = (text: string) => process.stderr.write(`${text}\n`);
  const results: Measurement[] = [];
  const baseline = new Map<string, Measurement>();
  try {
    const utf8 = path.join(dir, 'payments-utf8.csv');
    const gbk = path.join(dir, 'payments-gbk.csv');
    log(`generating ${rows.toLocaleString('en-US')} rows (UTF-8 and GBK) in ${dir}`);
    await writeBenefitPayments(utf8, rows, 'utf-8');
    await writeBenefitPayments(gbk, rows, 'gbk');

    log('DuckDB raw read_csv, UTF-8');
    const raw = await inChild(['raw', 'DuckDB read_csv (UTF-8 file)', utf8]);
    results.push(raw);
    log('import UTF-8 (DuckDB lake)');
    const imported = await inChild(['import', 'import UTF-8 (DuckDB lake)', utf8]);
    results.push(imported);
    baseline.set(imported.label, raw);
    log('import GBK (DuckDB lake)');
    // DuckDB cannot read GBK itself; its raw speed on the same rows in UTF-8 is the baseline.
    const importedGbk = await inChild(['import', 'import GBK (DuckDB lake)', gbk]);
    results.push(importedGbk);
    baseline.set(importedGbk.label, raw);

    if (pgRows > 0 && process.env.QF_TEST_DATABASE_URL) {
      const pgFile = path.join(dir, 'payments-pg.csv');
      await writeBenefitPayments(pgFile, pgRows, 'utf-8');
      log(`import UTF-8 (PostgreSQL lake), ${pgRows.toLocaleString('en-US')} rows`);
      const pgRaw = await inChild(['raw', 'DuckDB read_csv (PostgreSQL run file)', pgFile]);
      const pg = await inChild(['import-postgres', 'import UTF-8 (PostgreSQL lake)', pgFile]);
      results.push(pgRaw, pg);
      baseline.set(pg.label, pgRaw);
    }
    await rm(utf8, { force: true });
    await rm(gbk, { force: true });

    if (bigGb > 0) {
      // ~101 bytes a row in this generator.
      const bigRows = Math.round((bigGb * 1e9) / 101);
      const big = path.join(dir, 'payments-big.csv');
      log(`memory run: generating ${bigGb} GB (${bigRows.toLocaleString('en-US')} rows)`);
      await writeBenefitPayments(big, bigRows, 'utf-8');
      const bigRaw = await inChild(['raw', `DuckDB read_csv (${bigGb} GB file)`, big]);
      const bigImport = await inChild(['import', `import ${bigGb} GB UTF-8 (DuckDB lake)`, big]);
      results.push(bigRaw, bigImport);
      baseline.set(bigImport.label, bigRaw);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  process.stdout.write('\n');
  printTable(results, baseline);

  // Comparison models: the whole library on a 10M-row lake beside hand-written SQL, the
  // incremental share, then detection quality on the demo county's ground truth.
  await runModelsBench({
    rows: option('model-rows', 10_000_000),
    postgresRows: option('model-postgres-rows', 1_000_000),
  });
  await printGroundTruthReport({ seed: 1, scale: 1 });
}

if (process.argv[2] === '--child') await child();
else await main();
