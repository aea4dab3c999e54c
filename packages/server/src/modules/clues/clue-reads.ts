import type { LocalisedText } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { cachedAtRevision } from '../../db/revision-cache.js';
import type { DB } from '../../db/schema.js';
import { CluesRepository } from './clues.repository.js';

/*
 * The clue reads kept while no clue changes (db/revision-cache.ts, topic `clue_reads`):
 * fifty people paging a registry of a million clues would otherwise read each page fifty
 * times over. A kept page may be shared only by readers who would have read the same rows:
 * the same jurisdiction, filters, position and day (a deadline's "overdue" is the day's),
 * and the same clues left out because they are recused from them. So a page is kept under
 * the set of clues its reader is recused from, not under the reader: the staff of a county,
 * recused from none or the same few, share one.
 */

/** The problem types by code, in words (cases are filed under the same taxonomy). */
export async function problemTypeLabels(db: Kysely<DB>): Promise<Map<string, LocalisedText>> {
  const rows = await new CluesRepository(db).findProblemTypes();
  return new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]));
}

/** The problem types in words, kept until the taxonomy (or any clue) changes. Callers must not change the map. */
export const keptProblemTypeLabels = (database: Database): Promise<ReadonlyMap<string, LocalisedText>> =>
  cachedAtRevision(database, 'clue_reads', 'problem-types', () => problemTypeLabels(database.db));

/** The clues `userId` is recused from, by id (none for nearly everyone). */
function recusedClueIds(database: Database, userId: number): Promise<readonly number[]> {
  return cachedAtRevision(database, 'clue_reads', JSON.stringify(['recused', userId]), () =>
    new CluesRepository(database.db).findRecusedClueIds(userId),
  );
}

/**
 * The answer of a clue read for `viewer`, kept under `parts` (everything the read depends on
 * besides the reader) and the clues the viewer is recused from. `compute` is given those
 * clues and must leave out exactly them, reading nothing else of the viewer: so whoever
 * computes a kept page, it is the page of everyone recused from the same clues, even when
 * a recusal commits between reading the clues and reading the page.
 */
export async function keptClueRead<T>(
  database: Database,
  viewer: { userId: number },
  parts: readonly unknown[],
  compute: (hidden: readonly number[]) => Promise<T>,
): Promise<T> {
  const hidden = await recusedClueIds(database, viewer.userId);
  return cachedAtRevision(database, 'clue_reads', JSON.stringify([...parts, hidden]), () => compute(hidden));
}
