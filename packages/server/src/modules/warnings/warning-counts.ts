import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Platform } from '../../platform/platform.js';
import type { DB } from '../../db/schema.js';
import type { WarningFilter } from './warnings.repository.js';

/*
 * The warnings' counts kept as they change (migration 20261215170000): tables of changes
 * per cell that triggers on warnings append to, a cell's count the sum of its rows. Here:
 * a list's total read from them, and the fold that keeps them small.
 */

/** A filter the counts can answer: no dates (a month is no day) and no people. */
export function countsAnswer(filter: WarningFilter): boolean {
  return filter.from === undefined && filter.to === undefined && filter.subjectKeys === undefined;
}

/**
 * How many warnings inside the jurisdiction match `filter`, summed from the counts: what
 * `count(*)` over the warnings would answer, in a read of a few thousand cells. Only for
 * a filter `countsAnswer` accepts.
 */
export async function countFromCells(db: Kysely<DB>, prefix: string, filter: WarningFilter): Promise<number> {
  if (!countsAnswer(filter)) throw new Error('the counts know no dates or people');
  let query = db.selectFrom('warning_count_changes as c').select(sql<string | number>`coalesce(sum(c.n), 0)`.as('n'));
  if (prefix !== '') query = query.where('c.division_code', 'like', `${prefix}%`);
  if (filter.division) query = query.where('c.division_code', 'like', `${filter.division}%`);
  if (filter.modelId) query = query.where('c.model_id', '=', filter.modelId);
  if (filter.severity) query = query.where('c.severity', '=', filter.severity);
  if (filter.status === 'open')
    query = query.where('c.status', 'in', ['new', 'under_review']).where('c.retired', '=', false);
  else if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.category) {
    const category = filter.category;
    query = query.where('c.model_id', 'in', (eb) =>
      eb.selectFrom('models').select('models.id').where('models.category', '=', category),
    );
  }
  if (filter.retired === 'exclude') query = query.where('c.retired', '=', false);
  if (filter.retired === 'only') query = query.where('c.retired', '=', true);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Folds each table of changes into one row per cell. The statement deletes the rows it
 * sums: a change appended meanwhile (by a transaction this one cannot see yet) is neither
 * deleted nor summed, so it survives as a row of its own and no count is lost.
 */
export async function foldWarningCounts(db: Kysely<DB>): Promise<void> {
  await sql`WITH gone AS (DELETE FROM warning_count_changes RETURNING *)
    INSERT INTO warning_count_changes (division_code, model_id, severity, status, retired, n)
    SELECT division_code, model_id, severity, status, retired, sum(n) FROM gone
    GROUP BY division_code, model_id, severity, status, retired HAVING sum(n) <> 0`.execute(db);
  await sql`WITH gone AS (DELETE FROM warning_month_changes RETURNING *)
    INSERT INTO warning_month_changes (division_code, status, month, n)
    SELECT division_code, status, month, sum(n) FROM gone
    GROUP BY division_code, status, month HAVING sum(n) <> 0`.execute(db);
}

/** Rows of changes after the last fold, per store, and whether a fold is under way. */
const folds = new WeakMap<Database, { rows: number; running: boolean }>();

/** Changes may grow to this many rows, and to twice the rows the last fold left, before the next fold. */
const FOLD_AFTER_ROWS = 5_000;

/**
 * Folds the changes once they have grown well past what the last fold left: called where
 * the counts are read afresh (once per change of the store, see db/revision-cache.ts), so
 * a store that keeps changing keeps its counts a few thousand rows long. One fold at a
 * time per store, as background work: the reader does not wait for it, and a failed fold
 * loses nothing (the changes stay unfolded) and is tried again at a later read.
 */
export async function keepWarningCountsFolded(platform: Pick<Platform, 'database' | 'background'>): Promise<void> {
  const { database } = platform;
  const state = folds.get(database) ?? { rows: 0, running: false };
  folds.set(database, state);
  if (state.running) return;
  const rows = await countChanges(database.db);
  if (rows < Math.max(FOLD_AFTER_ROWS, 2 * state.rows)) return;
  state.running = true;
  platform.background.start('folding the warning counts', async () => {
    try {
      await database.db.transaction().execute((trx) => foldWarningCounts(trx));
      state.rows = await countChanges(database.db);
    } finally {
      state.running = false;
    }
  });
}

async function countChanges(db: Kysely<DB>): Promise<number> {
  const row = await sql<{ n: string | number }>`SELECT count(*) AS n FROM warning_count_changes`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}
