import path from 'node:path';
import { type AppServices, createAppServices } from '../app-services.js';
import type { Config } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadMasterKey } from '../security/master-key.js';

/**
 * Opens the stores the configuration names, brings the schema up to date and seeds the
 * default role permissions: everything a command needs before it does its own work.
 */
export async function openPlatform(config: Config): Promise<AppServices> {
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { directory: path.join(config.dataDir, 'operational') },
  );
  try {
    await migrateToLatest(database.db);
    const services = createAppServices(config, database, loadMasterKey(config));
    await services.rolePermissions.seedDefaults();
    return services;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function closePlatform(services: AppServices): Promise<void> {
  await services.database.close();
}
