import { sql } from 'kysely';
import type { Database } from './database.js';

/*
 * Answers kept while the store they were read from has not changed. The warning list and
 * the overview aggregate up to millions of warnings; read by fifty people at once, each
 * count would be made fifty times over the same rows. Every statement that changes what
 * they read advances the `warning_reads_revision` sequence (a trigger per table, see the
 * migration 20261213100000), so an answer kept under the revision it was read at holds
 * until that number moves, in this process and whatever other process wrote the change.
 *
 * On PostgreSQL the sequence advances when the statement runs, a moment before its
 * transaction commits; a read from another connection in that moment could keep the old
 * rows under the new number. So there an answer is also read again once it is MAX_AGE_MS
 * old, even at the same revision. It is read again behind the readers, not in front of
 * them: while one reader recounts, the others still get the kept answer, which at an
 * unchanged revision is almost always still right (only that moment's race makes it
 * wrong, and then for at most MAX_AGE_MS and one recount). Otherwise, at a million
 * warnings, every request arriving during a recount waited for it, every ten seconds.
 * PGlite has one connection, which a transaction holds until it commits: no read falls in
 * that moment, and an answer holds until the number moves (recomputing a million-warning
 * count every few seconds would stall every request queued behind it on that connection).
 */

const MAX_AGE_MS = 10_000;
const MAX_ENTRIES = 500;

interface Entry {
  at: number;
  value: Promise<unknown>;
  /** The answer has come (a read still under way is shared, not read again). */
  settled: boolean;
  /** A reader is reading it again (see MAX_AGE_MS). */
  refreshing: boolean;
}

/** One cache per store: tests open many stores in one process, and their revisions coincide. */
const caches = new WeakMap<Database, Map<string, Entry>>();

/** The current revision of what the warning list and the overview read. */
export async function readWarningRevision(database: Database): Promise<string> {
  const row = await sql<{ last_value: string | number; is_called: boolean }>`
    SELECT last_value, is_called FROM warning_reads_revision`.execute(database.db);
  const current = row.rows[0];
  return current ? `${current.last_value}/${current.is_called}` : '';
}

/**
 * The answer kept under `key` at the store's current revision, else `compute()`'s, kept.
 * Readers asking at once for the same key share one computation; a failed one is not kept.
 */
export async function cachedAtRevision<T>(database: Database, key: string, compute: () => Promise<T>): Promise<T> {
  const revision = await readWarningRevision(database);
  const cache = caches.get(database) ?? new Map<string, Entry>();
  caches.set(database, cache);
  const full = `${revision}\u0000${key}`;
  const now = Date.now();
  const kept = cache.get(full);
  const maxAge = database.engine === 'pglite' ? Infinity : MAX_AGE_MS;
  if (kept) {
    if (now - kept.at >= maxAge && kept.settled && !kept.refreshing) {
      kept.refreshing = true;
      // The kept answer stays until the new one has come; a failed read keeps it too.
      keep(cache, full, compute(), now, () => (kept.refreshing = false));
    }
    return kept.value as Promise<T>;
  }
  if (cache.size >= MAX_ENTRIES) {
    // Oldest first: a Map iterates in insertion order.
    for (const old of [...cache.keys()].slice(0, Math.ceil(MAX_ENTRIES / 5))) cache.delete(old);
  }
  const value = compute();
  const entry: Entry = { at: now, value, settled: false, refreshing: false };
  cache.set(full, entry);
  value.then(
    () => (entry.settled = true),
    () => cache.delete(full),
  );
  return value;
}

/** Puts `value` under `full` once it has come; calls `failed` if it fails instead. */
function keep(cache: Map<string, Entry>, full: string, value: Promise<unknown>, at: number, failed: () => void) {
  value.then(() => cache.set(full, { at, value, settled: true, refreshing: false }), failed);
}
