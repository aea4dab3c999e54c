import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type AppServices, createAppServices } from './app-services.js';
import type { Config } from '../config/config.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { type Lake, openLake } from '../lake/index.js';
import { systemActor } from '../modules/audit/audit.service.js';
import { lakeImportDir, removeStaleEngineCopies } from '../modules/datasets/import/engine-copies.js';
import { reconcileImportBatches } from '../modules/datasets/batches/reconcile.js';
import { removeStaleUploads } from '../modules/datasets/import/stale-uploads.js';
import { failInterruptedRuns } from '../modules/models/runs/model-runs.recovery.js';
import { retireWarningsOfBatch } from '../modules/warnings/warning-lifecycle.service.js';
import { openKeyRing } from '../security/master-key.js';

/**
 * Opens the stores the configuration names, brings the schema up to date and seeds the
 * default role permissions: everything a command needs before it does its own work.
 */
export async function openPlatform(config: Config): Promise<AppServices> {
  const database = await openConfiguredDatabase(config);
  let lake: Lake | undefined;
  let services: AppServices | undefined;
  try {
    await migrateToLatest(database.db);
    lake = await openConfiguredLake(config);
    // Only this process can open the lake file: no other import is writing its copy here.
    if (lake.engine === 'duckdb') await removeStaleEngineCopies(config.dataDir);
    // Uploads a crash left behind, whatever the lake: an import running elsewhere keeps its own.
    await removeStaleUploads(config.dataDir);
    services = createAppServices(config, database, lake, openKeyRing(config));
    await services.rolePermissions.seedDefaults();
    // A crash mid-import leaves a batch 'loading'; the lake knows whether it committed.
    const { rolledBack } = await reconcileImportBatches(database.db, lake);
    // A crash between a rollback's lake and store commits also left the batch's warnings live.
    for (const id of rolledBack) await retireWarningsOfBatch(database.db, systemActor('reconcile'), { id }, new Date());
    // The run queue starts empty: runs a stopped process left queued or running are failed.
    await failInterruptedRuns(services);
    return services;
  } catch (error) {
    // Releases the runner lock's connection, which would otherwise hold the pool open.
    await services?.modelRuns.close();
    await lake?.close();
    await database.close();
    throw error;
  }
}

/** The operational store the configuration names: PostgreSQL, or PGlite in the data folder. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { directory: path.join(config.dataDir, 'operational') },
  );
}

/** The lake the configuration names: PostgreSQL, or DuckDB in the data folder. */
export function openConfiguredLake(config: Config): Promise<Lake> {
  if (!config.lakeUrl) mkdirSync(config.dataDir, { recursive: true });
  return openLake(
    config.lakeUrl
      ? { url: config.lakeUrl, ...(config.lakeReaderUrl ? { readerUrl: config.lakeReaderUrl } : {}) }
      : {
          file: path.join(config.dataDir, 'lake.duckdb'),
          importDir: lakeImportDir(config.dataDir),
          ...(config.lakeMemoryLimit ? { memoryLimit: config.lakeMemoryLimit } : {}),
        },
  );
}

export async function closePlatform(services: AppServices): Promise<void> {
  // The sequencer's pass in flight commits or rolls back whole before the store closes.
  await services.transparency.stop();
  await services.deadlineSweep.stop();
  // A model run in flight is cancelled, and background work finished, before the lake goes away.
  await services.modelRuns.close();
  await services.background.idle();
  await services.lake.close();
  await services.database.close();
}
