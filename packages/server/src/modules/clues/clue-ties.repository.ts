import { type Kysely, sql } from 'kysely';
import type { ClueRow, DB } from '../../db/schema.js';
import { notAmong, notRecused } from './clue-filter.js';

/** Most related clues one clue lists: a common unit name must not pull a whole register. */
const MAX_RELATED = 100;

/**
 * The SQL of what ties a clue to people and to other clues: possible duplicates, who is
 * responsible, who is recused. Kept beside CluesRepository (the registry and the steps).
 */
export class ClueTiesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Other clues naming the same person (identity number's blind index), the same unit (credit
   * code, or name folded), or made of warnings of the same model on the same subject; each
   * with every reason that ties it.
   */
  async findRelatedIds(clueId: number): Promise<{ id: number; reason: string }[]> {
    const { rows } = await sql<{ id: number; reason: string }>`
      SELECT o.clue_id AS id, 'same_person' AS reason
        FROM clue_subjects s JOIN clue_subjects o ON o.id_number_hash = s.id_number_hash
       WHERE s.clue_id = ${clueId} AND s.id_number_hash IS NOT NULL AND o.clue_id <> ${clueId}
      UNION
      SELECT o.clue_id, 'same_unit'
        FROM clue_subjects s JOIN clue_subjects o ON o.credit_code = s.credit_code
       WHERE s.clue_id = ${clueId} AND s.credit_code IS NOT NULL AND o.clue_id <> ${clueId}
      UNION
      SELECT o.clue_id, 'same_unit'
        FROM clue_subjects s JOIN clue_subjects o ON o.name_key = s.name_key AND o.kind = 'unit'
       WHERE s.clue_id = ${clueId} AND s.kind = 'unit' AND o.clue_id <> ${clueId}
      UNION
      SELECT cw2.clue_id, 'same_warning_subject'
        FROM clue_warnings cw
        JOIN warnings w ON w.id = cw.warning_id
        JOIN warnings w2 ON w2.subject_key = w.subject_key AND w2.model_id = w.model_id
        JOIN clue_warnings cw2 ON cw2.warning_id = w2.id
       WHERE cw.clue_id = ${clueId} AND w.subject_key IS NOT NULL AND cw2.clue_id <> ${clueId}`.execute(this.db);
    return rows.map((r) => ({ id: Number(r.id), reason: r.reason }));
  }

  /** The clues among `ids` of commission `orgId` inside `prefix` that `viewerId` is not recused from, newest first. */
  async findVisible(ids: readonly number[], orgId: number, prefix: string, viewerId: number): Promise<ClueRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('clues')
      .selectAll()
      .where('clues.id', 'in', [...ids])
      .where('clues.org_id', '=', orgId)
      .where('clues.division_code', 'like', `${prefix}%`)
      .where(notRecused(viewerId))
      .orderBy('clues.id', 'desc')
      .limit(MAX_RELATED)
      .execute();
  }

  /**
   * The clues inside `prefix` naming a person whose identity number has one of these blind
   * indexes, except the `hidden` ones (those the reader is recused from), newest first.
   */
  async findBySubjectHashes(prefix: string, hashes: readonly string[], hidden: readonly number[], limit: number) {
    return this.db
      .selectFrom('clues')
      .selectAll()
      .where('clues.id', 'in', (eb) =>
        eb
          .selectFrom('clue_subjects as s')
          .select('s.clue_id')
          .where('s.id_number_hash', 'in', [...hashes]),
      )
      .where('clues.division_code', 'like', `${prefix}%`)
      .where(notAmong(hidden))
      .orderBy('clues.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Records who is recused from a clue, once each, so lists can leave it out for them. */
  async insertRecusals(clueId: number, userIds: readonly number[], source: 'declared' | 'decided' | 'kinship') {
    if (userIds.length === 0) return;
    await this.db
      .insertInto('clue_recusals')
      .values(userIds.map((user_id) => ({ clue_id: clueId, user_id, source })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** The enabled staff who carry an identity number, with the division of their organisation. */
  async findStaffWithIdNumbers(): Promise<
    { id: number; display_name: string; id_number_enc: string; division_code: string }[]
  > {
    const rows = await this.db
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.org_id')
      .select(['u.id', 'u.display_name', 'u.id_number_enc', 'o.division_code'])
      .where('u.id_number_enc', 'is not', null)
      .where('u.disabled', '=', false)
      .orderBy('u.id')
      .execute();
    return rows.map((r) => ({ ...r, id_number_enc: r.id_number_enc! }));
  }

  /** A user of an organisation inside `prefix`, with the organisation's name. */
  async findStaff(
    prefix: string,
    userId: number,
  ): Promise<
    { id: number; display_name: string; role: string; disabled: boolean; org_id: number; org_name: string } | undefined
  > {
    return this.db
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.org_id')
      .select(['u.id', 'u.display_name', 'u.role', 'u.disabled', 'u.org_id', 'o.name as org_name'])
      .where('u.id', '=', userId)
      .where('o.division_code', 'like', `${prefix}%`)
      .executeTakeFirst();
  }

  /** Who is responsible for a clue, and in which office, by name. */
  async findResponsible(userId: number, orgId: number | null): Promise<{ name: string; office: string } | undefined> {
    const user = await this.db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
    if (!user) return undefined;
    const org =
      orgId === null
        ? undefined
        : await this.db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirst();
    return { name: user.display_name, office: org?.name ?? '' };
  }

  async setResponsible(clueId: number, userId: number | null, orgId: number | null): Promise<void> {
    await this.db
      .updateTable('clues')
      .set({ responsible_user_id: userId, responsible_org_id: orgId })
      .where('id', '=', clueId)
      .execute();
  }
}
