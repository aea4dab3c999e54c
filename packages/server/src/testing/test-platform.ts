import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type AppServices, createAppServices } from '../app/app-services.js';
import type { RingInput } from '../security/field-crypto.js';
import { type Config, loadConfig } from '../config/config.js';
import type { RegisteredRoute } from '../http/access-control.js';
import { buildApp } from '../app/build-app.js';
import { openLake } from '../lake/index.js';
import { createTestLake } from './test-lake.js';
import type { Clock } from '../platform/clock.js';
import { lakeImportDir } from '../modules/datasets/import/engine-copies.js';
import { openTestDatabase, type TestEngine } from './test-databases.js';

export interface TestPlatform {
  engine: TestEngine;
  services: AppServices;
  app: FastifyInstance;
  routes: RegisteredRoute[];
  dataDir: string;
  close(): Promise<void>;
}

export interface TestPlatformOptions {
  /** A clock the test moves by hand (see ManualClock in auth-helpers); the system clock by default. */
  clock?: Clock;
  /** Settings to override, e.g. a lower lockout threshold. */
  config?: Partial<Config>;
  /** A built console to serve (a folder of the test's own); none by default. */
  consoleRoot?: string;
  /** The field encryption keys (a ring source the test changes, for rotations); one random key by default. */
  keys?: RingInput;
}

/**
 * A whole platform on a fresh database of the given engine (PGlite in memory, or a new
 * database on the PostgreSQL test server) and a temporary data folder.
 */
export async function createTestPlatform(engine: TestEngine, options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qf-test-'));
  const store = await openTestDatabase(engine);
  const config = loadConfig(
    {},
    {
      dataDir,
      databaseUrl: store.url,
      logLevel: 'silent',
      publicRateLimit: 1000,
      // Suites that walk every route refuse many keys from one address; the limit has its own test.
      apiKeyFailureLimit: 1000,
      demo: false,
      // Tests start model runs themselves; the automatic run after import has its own test.
      autoRunModels: false,
      ...options.config,
    },
  );
  const { database } = store;
  // The lake follows the engine: DuckDB in the temp data folder, or a scratch PostgreSQL schema.
  const scratchLake = engine === 'postgres' ? await createTestLake('postgres') : undefined;
  const lake =
    scratchLake?.lake ??
    (await openLake({ file: path.join(dataDir, 'lake.duckdb'), importDir: lakeImportDir(dataDir) }));
  const services = createAppServices(config, database, lake, options.keys ?? randomBytes(32), options.clock);
  await services.rolePermissions.seedDefaults();
  const { app, routes } = await buildApp(services, { logger: false, consoleRoot: options.consoleRoot });
  await app.ready();
  return {
    engine,
    services,
    app,
    routes,
    dataDir,
    close: async () => {
      await app.close();
      await services.background.idle();
      await (scratchLake ? scratchLake.cleanup() : lake.close());
      await store.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
