import { type Kysely, sql } from 'kysely';
import type { ClueRow, ClueStepRow, ClueSubjectRow, DB } from '../../db/schema.js';
import type { OverdueSeek } from '../../http/overdue-paging.js';
import { type ClueFilter, clueMatches, notAmong } from './clue-filter.js';

export type NewClueRow = Omit<ClueRow, 'id' | 'created_at' | 'updated_at' | 'deadline_due'> & {
  deadline_due: string | null;
};

export interface NewStepRow {
  clue_id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor_id: number | null;
  actor_name: string;
  at: Date;
  payload: unknown;
  reason: string | null;
  attachments: unknown;
  deadline: unknown;
}

/** The users among `ids` whose organisation lies inside `prefix`, with their names (cases name their staff so too). */
export async function usersWithin(
  db: Kysely<DB>,
  prefix: string,
  ids: readonly number[],
): Promise<{ id: number; display_name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name'])
    .where('u.id', 'in', [...ids])
    .where('o.division_code', 'like', `${prefix}%`)
    .orderBy('u.id')
    .execute();
}

const json = (value: unknown) => sql<unknown>`${JSON.stringify(value)}::jsonb`;

/** All SQL of clues: the registry, one clue with its parts, and the writes a step makes. */
export class CluesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** A page of clues inside `prefix`, highest id first, below `before` when given. */
  async findClues(prefix: string, filter: ClueFilter, limit: number, before?: number): Promise<ClueRow[]> {
    let query = this.db.selectFrom('clues').selectAll().where(clueMatches(prefix, filter));
    if (before !== undefined) query = query.where('id', '<', before);
    return query.orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * A page of the clues inside `prefix` whose running deadline passed before `today`, the earliest
   * deadline first (due date, then id): from the start, or on the seek's side of its clue.
   * Each row comes with its due date as text, to make the next page's cursor from.
   */
  async findOverdue(
    prefix: string,
    today: string,
    limit: number,
    hidden: readonly number[],
    seek?: OverdueSeek,
  ): Promise<(ClueRow & { due_on: string })[]> {
    // Reading back from a position, the clues before it come nearest first, then turn round.
    const reverse = seek !== undefined && !seek.after;
    const direction = reverse ? 'desc' : 'asc';
    let query = this.db
      .selectFrom('clues')
      .selectAll()
      .select(sql<string>`cast(clues.deadline_due as text)`.as('due_on'))
      .where('division_code', 'like', `${prefix}%`)
      .where('deadline_due', '<', today)
      .where(notAmong(hidden));
    // At or below a county, the county-led index (clues_overdue_county_idx) reads its rows alone, in order.
    if (prefix.length >= 6) query = query.where(sql<string>`left(clues.division_code, 6)`, '=', prefix.slice(0, 6));
    if (seek) {
      const side = seek.after ? sql.raw('>') : sql.raw('<');
      query = query.where(
        sql<boolean>`(clues.deadline_due, clues.id) ${side} (cast(${seek.dueOn} as date), ${seek.id})`,
      );
    }
    const rows = await query.orderBy('deadline_due', direction).orderBy('id', direction).limit(limit).execute();
    return reverse ? rows.reverse() : rows;
  }

  /** One clue, only if it lies inside `prefix`; `forUpdate` locks it for the step being taken. */
  async findClue(prefix: string, id: number, forUpdate = false): Promise<ClueRow | undefined> {
    let query = this.db
      .selectFrom('clues')
      .selectAll()
      .where('id', '=', id)
      .where('division_code', 'like', `${prefix}%`);
    if (forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  /** The clues `userId` is recused from, by id. */
  async findRecusedClueIds(userId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('clue_recusals')
      .select('clue_id')
      .where('user_id', '=', userId)
      .orderBy('clue_id')
      .execute();
    return rows.map((r) => r.clue_id);
  }

  async insertClue(row: NewClueRow): Promise<number> {
    const { id } = await this.db
      .insertInto('clues')
      .values({ ...row, record: json(row.record) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Stores the record a step produced, with the columns the registry filters on. */
  async updateClue(
    id: number,
    change: { state: string; record: unknown; deadline_step: string | null; deadline_due: string | null },
    at: Date,
  ): Promise<void> {
    await this.db
      .updateTable('clues')
      .set({ ...change, record: json(change.record), updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async setRegistration(id: number, year: number, seq: number, number: string): Promise<void> {
    await this.db
      .updateTable('clues')
      .set({ registration_year: year, registration_seq: seq, registration_number: number })
      .where('id', '=', id)
      .execute();
  }

  /** The next running number of the commission's year; the upsert's row lock serialises callers. */
  async nextSequence(orgId: number, year: number): Promise<number> {
    const { last_seq } = await this.db
      .insertInto('clue_number_counters')
      .values({ org_id: orgId, year, last_seq: 1 })
      .onConflict((oc) =>
        oc.columns(['org_id', 'year']).doUpdateSet({ last_seq: sql`clue_number_counters.last_seq + 1` }),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return last_seq;
  }

  async insertStep(step: NewStepRow): Promise<void> {
    await this.db
      .insertInto('clue_steps')
      .values({
        ...step,
        payload: json(step.payload),
        attachments: json(step.attachments),
        deadline: step.deadline === null ? null : json(step.deadline),
      })
      .execute();
  }

  async findSteps(clueId: number): Promise<ClueStepRow[]> {
    return this.db.selectFrom('clue_steps').selectAll().where('clue_id', '=', clueId).orderBy('id').execute();
  }

  async insertSubjects(rows: Omit<ClueSubjectRow, 'id'>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insertInto('clue_subjects').values(rows).execute();
  }

  async findSubjects(clueId: number): Promise<ClueSubjectRow[]> {
    return this.db.selectFrom('clue_subjects').selectAll().where('clue_id', '=', clueId).orderBy('id').execute();
  }

  /** Links two clues both ways, once. */
  async linkClues(a: number, b: number, kind: 'merged' | 'related'): Promise<void> {
    await this.db
      .insertInto('clue_links')
      .values([
        { clue_id: a, other_clue_id: b, kind },
        { clue_id: b, other_clue_id: a, kind },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async findLinks(clueId: number): Promise<{ other_clue_id: number; kind: string }[]> {
    return this.db
      .selectFrom('clue_links')
      .select(['other_clue_id', 'kind'])
      .where('clue_id', '=', clueId)
      .orderBy('other_clue_id')
      .execute();
  }

  /** The warnings among `ids` inside `prefix`, with their status and the clue each already belongs to. */
  async findWarnings(
    prefix: string,
    ids: readonly number[],
  ): Promise<{ id: number; status: string; division_code: string; clue_id: number | null }[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('warnings as w')
      .leftJoin('clue_warnings as cw', 'cw.warning_id', 'w.id')
      .select(['w.id', 'w.status', 'w.division_code', 'cw.clue_id'])
      .where('w.id', 'in', [...ids])
      .where('w.division_code', 'like', `${prefix}%`)
      .execute();
  }

  /** The warnings among `ids` inside `prefix`, with the subject keys each names (its subjects, for a clue made of them). */
  async findWarningSubjectKeys(
    prefix: string,
    ids: readonly number[],
  ): Promise<{ id: number; subject_key: string | null; subject_keys: unknown }[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('warnings')
      .select(['id', 'subject_key', 'subject_keys'])
      .where('id', 'in', [...ids])
      .where('division_code', 'like', `${prefix}%`)
      .orderBy('id')
      .execute();
  }

  async attachWarnings(clueId: number, warningIds: readonly number[]): Promise<void> {
    if (warningIds.length === 0) return;
    await this.db
      .insertInto('clue_warnings')
      .values(warningIds.map((warning_id) => ({ warning_id, clue_id: clueId })))
      .execute();
  }

  async findWarningIds(clueId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('clue_warnings')
      .select('warning_id')
      .where('clue_id', '=', clueId)
      .orderBy('warning_id')
      .execute();
    return rows.map((r) => r.warning_id);
  }

  /** The clue a warning belongs to, if any. */
  async findClueOfWarning(warningId: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('clue_warnings')
      .select('clue_id')
      .where('warning_id', '=', warningId)
      .executeTakeFirst();
    return row?.clue_id ?? null;
  }

  async findProblemTypes(): Promise<{ code: string; name_zh: string; name_en: string }[]> {
    return this.db
      .selectFrom('clue_problem_types')
      .select(['code', 'name_zh', 'name_en'])
      .where('retired', '=', false)
      .orderBy('code')
      .execute();
  }

  /** The users among `ids` whose organisation lies inside `prefix`, with their names. */
  findUsersWithin(prefix: string, ids: readonly number[]): Promise<{ id: number; display_name: string }[]> {
    return usersWithin(this.db, prefix, ids);
  }

  /** The enabled users of organisations inside `prefix` whose role is among `roles`, by name. */
  async findColleagues(
    prefix: string,
    roles: readonly string[],
  ): Promise<{ id: number; display_name: string; role: string }[]> {
    return this.db
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.org_id')
      .select(['u.id', 'u.display_name', 'u.role'])
      .where('o.division_code', 'like', `${prefix}%`)
      .where('u.role', 'in', [...roles])
      .where('u.disabled', '=', false)
      .orderBy('u.display_name')
      .orderBy('u.id')
      .limit(500)
      .execute();
  }

  async findOrganisation(id: number): Promise<{ name: string; division_code: string } | undefined> {
    return this.db
      .selectFrom('organisations')
      .select(['name', 'division_code'])
      .where('id', '=', id)
      .executeTakeFirst();
  }
}
