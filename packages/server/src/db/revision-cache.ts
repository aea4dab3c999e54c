import type { Database } from './database.js';
import type { RevisionTopic } from './store-revisions.js';

/*
 * Answers kept while the store they were read from has not changed. The warning list and
 * the overview aggregate up to millions of warnings, the clue registry pages through a
 * million clues; read by fifty people at once, each would be read fifty times over the
 * same rows. Every statement that changes what they read moves their topic's revision
 * (`warning_reads`, `clue_reads`: db/store-revisions.ts), in this process and whatever
 * other process wrote the change, so an answer kept under the revision it was read at
 * holds until that revision moves.
 *
 * A revision read from the sequence (only while the store's notices cannot be heard on
 * PostgreSQL) advances when the statement runs, a moment before its transaction commits; a
 * read from another connection in that moment could keep the old rows under the new
 * number. So such an answer is also read again once it is MAX_AGE_MS old, behind the
 * readers, not in front of them: while one reader recounts, the others still get the kept
 * answer, which at an unchanged revision is almost always still right. Otherwise, at a
 * million warnings, every request arriving during a recount waited for it.
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

/**
 * The answer kept under `key` at `topic`'s current revision, else `compute()`'s, kept.
 * Readers asking at once for the same key share one computation; a failed one is not kept.
 */
export async function cachedAtRevision<T>(
  database: Database,
  topic: RevisionTopic,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const revision = await database.revisions.read(topic);
  const cache = caches.get(database) ?? new Map<string, Entry>();
  caches.set(database, cache);
  const full = `${topic}\u0000${revision.key}\u0000${key}`;
  const now = Date.now();
  const kept = cache.get(full);
  const maxAge = revision.exact ? Infinity : MAX_AGE_MS;
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
