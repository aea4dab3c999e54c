import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createScratchDatabase } from '../db/scratch-database.js';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from '../db/pglite-dialect.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding a migrated PGlite store's files (dumpDataDir), or '' when none was made. */
    pgliteTemplate: string;
    /** A migrated database on the PostgreSQL test server that scratch databases copy, or ''. */
    postgresTemplate: string;
  }
}

/**
 * Vitest's global setup: migrates one PGlite store and, when the suite runs on PostgreSQL,
 * one database, before any test file starts. Each test's fresh store is then a copy of these
 * (PGlite's files loaded from a dump; PostgreSQL's `create database … template`) instead of
 * an empty store migrated again: some seventy files, on two engines, each open one or more.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(path.join(tmpdir(), 'qf-test-templates-'));
  const pgliteFile = path.join(folder, 'pglite.tar');
  const pglite = await PGlite.create();
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  writeFileSync(pgliteFile, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  project.provide('pgliteTemplate', pgliteFile);

  const serverUrl = process.env.QF_TEST_DATABASE_URL;
  const template = serverUrl ? await createScratchDatabase(serverUrl, 'qf_template') : undefined;
  if (template) {
    const database = await openDatabase({ url: template.url });
    await migrateToLatest(database.db);
    await database.close();
  }
  project.provide('postgresTemplate', template ? new URL(template.url).pathname.slice(1) : '');
  return async () => {
    await template?.drop();
    rmSync(folder, { recursive: true, force: true });
  };
}
