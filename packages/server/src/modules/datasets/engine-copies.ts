import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

// The numbered copies an import writes for DuckDB (sources/csv-engine.ts) end in this.
const SUFFIX = '.numbered.csv.tmp';

/** Where an import in this data folder writes its engine copy of a file. */
export function engineCopyPath(dataDir: string): string {
  return path.join(dataDir, 'uploads', `${randomUUID()}${SUFFIX}`);
}

/**
 * Deletes engine copies a stopped process left behind (an import deletes its own copy,
 * unless killed mid-way): as large as the files they copy. Call at start-up, while only
 * this process can import into the data folder (its DuckDB lake file is locked).
 */
export async function removeStaleEngineCopies(dataDir: string): Promise<number> {
  let removed = 0;
  // The import service writes them beside uploads; loadImport, called alone, beside the batch's report.
  for (const dir of ['uploads', 'reports'].map((d) => path.join(dataDir, d))) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const stale = names.filter((name) => name.endsWith(SUFFIX));
    await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
    removed += stale.length;
  }
  return removed;
}
