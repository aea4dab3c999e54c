import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/*
 * Uploads wait under `<dataDir>/uploads` while they are imported, and are deleted when the
 * import ends; a crash leaves them there, as large as the files sent. Each name starts
 * with the process that owns it (`p<pid>-`), so that start-up can tell a dead process's
 * files from those of an import running in another process on the same data folder (a
 * `qingfeng import` beside a server with a PostgreSQL lake).
 */

// The engine's copies live there too; engine-copies.ts removes them (they end in this).
const ENGINE_COPY_SUFFIX = '.numbered.csv.tmp';
const OWNER = /^p(\d+)-/;

/** Where this process keeps an upload while importing it: `<dataDir>/uploads/p<pid>-<tag><uuid><extension>`. */
export function uploadPath(dataDir: string, tag: string, extension: string): string {
  return path.join(dataDir, 'uploads', `p${process.pid}-${tag}${randomUUID()}${extension}`);
}

function isRunning(pid: number): boolean {
  // Nothing of this process's is in the folder yet at start-up: a file carrying its pid
  // was left by an earlier process that had the same pid (pid 1 in every container).
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; only ESRCH says it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the uploads of processes that are no longer running, and uploads named before
 * owners were recorded; returns how many. Call at start-up, before this process imports.
 */
export async function removeStaleUploads(dataDir: string): Promise<number> {
  const dir = path.join(dataDir, 'uploads');
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    if (name.endsWith(ENGINE_COPY_SUFFIX)) return false;
    const owner = OWNER.exec(name);
    return owner === null || !isRunning(Number(owner[1]));
  });
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true, recursive: true })));
  return stale.length;
}
