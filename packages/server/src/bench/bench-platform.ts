/**
 * The platforms the benchmarks run on, opened as `qingfeng` opens one: a configuration from
 * the config module, then `openPlatform`. Each run gets a data folder (and on PostgreSQL a
 * database and a lake schema) of its own, thrown away afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppServices } from '../app/app-services.js';
import { closePlatform, openPlatform } from '../app/open-platform.js';
import { loadConfig } from '../config/config.js';
import { createScratchDatabase } from '../db/scratch-database.js';
import { createScratchLakeSchema } from '../lake/index.js';

export interface BenchPlatform {
  services: AppServices;
  /** Closes the platform and drops whatever was made for it alone. */
  close(): Promise<void>;
}

export interface BenchPlatformOptions {
  /** QF_LAKE_MEMORY_LIMIT for the DuckDB lake (e.g. 128MB); DuckDB's own default when absent. */
  lakeMemoryLimit?: string;
  /** QF_DATABASE_URL and QF_LAKE_URL; both stores in the data folder when absent. */
  databaseUrl?: string;
  lakeUrl?: string;
  /** QF_FIELD_CIPHER: how the import seals identity and phone numbers; the platform's default when absent. */
  fieldCipher?: string;
}

/**
 * A bench run's configuration, read from these variables alone (not from the shell's): no
 * demo, and no model runs after an import, so an import bench measures the import alone
 * and the ground-truth report starts the one run it reads. The master key is generated in
 * the data folder, as on a first start.
 */
function benchConfig(dataDir: string, options: BenchPlatformOptions) {
  return loadConfig({
    QF_DATA_DIR: dataDir,
    QF_DEMO: 'false',
    QF_AUTO_RUN_MODELS: 'false',
    QF_LAKE_MEMORY_LIMIT: options.lakeMemoryLimit,
    QF_DATABASE_URL: options.databaseUrl,
    QF_LAKE_URL: options.lakeUrl,
    QF_FIELD_CIPHER: options.fieldCipher,
  });
}

/** Opens the platform in `dataDir`, creating its stores when the folder is new; closing leaves the folder. */
export async function openPlatformIn(dataDir: string, options: BenchPlatformOptions = {}): Promise<BenchPlatform> {
  const services = await openPlatform(benchConfig(dataDir, options));
  return { services, close: () => closePlatform(services) };
}

/** An embedded platform (PGlite, DuckDB) in a new temporary folder, removed on close. */
export async function openTemporaryPlatform(options: BenchPlatformOptions = {}): Promise<BenchPlatform> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qf-bench-platform-'));
  try {
    const platform = await openPlatformIn(dataDir, options);
    return {
      services: platform.services,
      close: async () => {
        await platform.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A platform on the PostgreSQL server at `serverUrl`: the operational store in a new
 * database, the lake in a new schema of the server's database (with the reader login the
 * locked lake makes itself), the rest in a temporary folder. Closing drops all of them.
 */
export async function openPostgresPlatform(serverUrl: string): Promise<BenchPlatform> {
  const database = await createScratchDatabase(serverUrl, 'qf_bench');
  const lakeSchema = await createScratchLakeSchema(serverUrl, 'qf_bench').catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const dropStores = async () => {
    await lakeSchema.drop();
    await database.drop();
  };
  try {
    const platform = await openTemporaryPlatform({ databaseUrl: database.url, lakeUrl: lakeSchema.url });
    return {
      services: platform.services,
      close: async () => {
        await platform.close();
        await dropStores();
      },
    };
  } catch (error) {
    await dropStores();
    throw error;
  }
}
