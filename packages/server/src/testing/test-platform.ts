import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type AppServices, createAppServices } from '../app-services.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { RegisteredRoute } from '../http/access-control.js';
import { buildApp } from '../http/app.js';
import { createScratchPostgresDatabase, type TestEngine } from './test-databases.js';

export interface TestPlatform {
  engine: TestEngine;
  services: AppServices;
  app: FastifyInstance;
  routes: RegisteredRoute[];
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A whole platform on a fresh database of the given engine (PGlite in memory, or a new
 * database on the PostgreSQL test server) and a temporary data folder.
 */
export async function createTestPlatform(engine: TestEngine): Promise<TestPlatform> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qf-test-'));
  const scratch = engine === 'postgres' ? await createScratchPostgresDatabase() : undefined;
  const config = loadConfig(
    {},
    {
      dataDir,
      databaseUrl: scratch?.url,
      logLevel: 'silent',
      publicRateLimit: 1000,
      demo: false,
    },
  );
  const database = await openDatabase(scratch ? { url: scratch.url } : {});
  await migrateToLatest(database.db);
  const services = createAppServices(config, database, randomBytes(32));
  await services.rolePermissions.seedDefaults();
  const { app, routes } = await buildApp(services, { logger: false });
  await app.ready();
  return {
    engine,
    services,
    app,
    routes,
    dataDir,
    close: async () => {
      await app.close();
      await database.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
