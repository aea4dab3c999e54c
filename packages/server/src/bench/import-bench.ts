import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { systemActor } from '../modules/audit/audit.service.js';
import { importDatasetFile } from '../modules/datasets/import/import.service.js';
import { type BenchPlatform, openPlatformIn, openPostgresPlatform } from './bench-platform.js';

/** One measurement, made in a child process of its own so its peak memory is its own. */
export interface Measurement {
  label: string;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  loaded?: number;
  rejected?: number;
}

/**
 * Child: creates the embedded platform in `dataDir` (store, schema, lake file), as a first
 * `npm start` does. Done in a process of its own: PGlite's first start (initdb) takes
 * ~500 MB more than opening an existing store, which an import never pays.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  await (await openPlatformIn(dataDir)).close();
}

/**
 * Opens the platform an import bench runs on: the prepared embedded folder, with DuckDB held
 * to `lakeMemoryLimit` (QF_LAKE_MEMORY_LIMIT) when given (without a limit DuckDB caches up to
 * 80% of the machine's memory, which says nothing about what an import needs); or stores of
 * its own on the PostgreSQL test server.
 */
function openBenchPlatform(
  engine: 'pglite' | 'postgres',
  dataDir: string,
  lakeMemoryLimit: string,
  fieldCipher?: string,
): Promise<BenchPlatform> {
  if (engine === 'pglite') return openPlatformIn(dataDir, { lakeMemoryLimit, fieldCipher });
  const serverUrl = process.env.QF_TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('the PostgreSQL import run needs QF_TEST_DATABASE_URL');
  return openPostgresPlatform(serverUrl);
}

/** Child: opens the prepared platform and closes it, importing nothing: the floor under an import's peak. */
export async function measureAtRest(label: string, dataDir: string, lakeMemoryLimit: string): Promise<Measurement> {
  const platform = await openBenchPlatform('pglite', dataDir, lakeMemoryLimit);
  await platform.close();
  return { label, rows: 0, bytes: 0, seconds: 0, rowsPerSecond: 0, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** Child: imports `file` through the real import service, as `qingfeng import` does. */
export async function measureImport(
  label: string,
  file: string,
  engine: 'pglite' | 'postgres',
  dataDir: string,
  lakeMemoryLimit: string,
  fieldCipher?: string,
): Promise<Measurement> {
  const platform = await openBenchPlatform(engine, dataDir, lakeMemoryLimit, fieldCipher);
  // Background work reports failure as a process warning (background-tasks.ts).
  const failures: string[] = [];
  const onWarning = (warning: Error) => {
    if (warning.name === 'Warning') failures.push(warning.message);
  };
  process.on('warning', onWarning);
  try {
    const { size } = await stat(file);
    const started = process.hrtime.bigint();
    const { batch } = await importDatasetFile(platform.services, systemActor(), {
      datasetType: 'benefit_payment',
      file,
      fileName: path.basename(file),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The batch's quality report runs after the import returns; its memory is the import's too.
    await platform.services.background.idle();
    await new Promise((resolve) => setImmediate(resolve)); // a warning is emitted on the next tick
    if (failures.length > 0) throw new Error(`the import's background work failed: ${failures.join('; ')}`);
    return {
      label,
      rows: batch.rows_read ?? 0,
      bytes: size,
      seconds,
      rowsPerSecond: (batch.rows_read ?? 0) / seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      loaded: batch.rows_loaded ?? 0,
      rejected: batch.rows_rejected ?? 0,
    };
  } finally {
    process.off('warning', onWarning);
    await platform.close();
  }
}

/** Child: DuckDB's own read_csv of `file` into a table, in a fresh database file. */
export async function measureDuckDbRaw(label: string, file: string): Promise<Measurement> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qf-bench-raw-'));
  const instance = await DuckDBInstance.create(path.join(dir, 'raw.duckdb'));
  const connection = await instance.connect();
  try {
    const { size } = await stat(file);
    const started = process.hrtime.bigint();
    await connection.run('CREATE TABLE raw AS SELECT * FROM read_csv($1, header = true)', [file]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const reader = await connection.runAndReadAll('SELECT count(*) AS n FROM raw');
    const rows = Number(reader.getRows()[0]?.[0] ?? 0);
    return {
      label,
      rows,
      bytes: size,
      seconds,
      rowsPerSecond: rows / seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs one measurement in a child process (this same script with --child). */
export async function inChild(args: string[]): Promise<Measurement> {
  const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.js');
  const child = spawn(process.execPath, [main, '--child', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  const line = output.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`bench child ${args.join(' ')} failed (${code}): ${output}`);
  return JSON.parse(line) as Measurement;
}

/** Prints measurements as a table. */
export function printTable(rows: Measurement[], baseline: Map<string, Measurement>): void {
  const header = ['run', 'rows', 'file MB', 'seconds', 'rows/s', 'vs DuckDB raw', 'peak RSS MB', 'loaded', 'rejected'];
  const body = rows.map((m) => {
    const base = baseline.get(m.label);
    return [
      m.label,
      m.rows.toLocaleString('en-US'),
      (m.bytes / 1e6).toFixed(0),
      m.seconds.toFixed(1),
      Math.round(m.rowsPerSecond).toLocaleString('en-US'),
      base ? `${((m.rowsPerSecond / base.rowsPerSecond) * 100).toFixed(0)}%` : '',
      m.peakRssMb.toFixed(0),
      m.loaded === undefined ? '' : m.loaded.toLocaleString('en-US'),
      m.rejected === undefined ? '' : m.rejected.toLocaleString('en-US'),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of body) process.stdout.write(`${line(r)}\n`);
}
