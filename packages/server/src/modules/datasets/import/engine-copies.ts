import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

// The numbered copies an import writes for DuckDB (sources/csv-engine.ts) end in this.
const SUFFIX = '.numbered.csv.tmp';

/**
 * The import area of a data folder: where uploads land and imports write the copies DuckDB
 * reads, and the only folder the DuckDB lake may touch files in. Never the data folder
 * itself, which holds the secret key and the operational store.
 */
export function lakeImportDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

/** Where an import in this data folder writes its engine copy of a file. */
export function engineCopyPath(dataDir: string): string {
  return engineCopyIn(lakeImportDir(dataDir));
}

/** A new engine copy's path in `importDir`, the lake's import folder (Lake.importDir). */
export function engineCopyIn(importDir: string): string {
  return path.join(importDir, `${randomUUID()}${SUFFIX}`);
}

/**
 * Deletes engine copies a stopped process left behind (an import deletes its own copy,
 * unless killed mid-way): as large as the files they copy. Call at start-up, while only
 * this process can import into the data folder (its DuckDB lake file is locked).
 */
export async function removeStaleEngineCopies(dataDir: string): Promise<number> {
  const dir = lakeImportDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => name.endsWith(SUFFIX));
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
  return stale.length;
}
