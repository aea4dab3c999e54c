import type { Kysely, Updateable } from 'kysely';
import type { DB, NewOrganisation, Organisation, OrganisationTable } from '../../db/schema.js';
import { containsPattern } from './scope.js';

export interface OrganisationFilter {
  kind?: Organisation['kind'];
  q?: string;
}

/**
 * All SQL of organisations. Every read that serves a user takes the jurisdiction prefix
 * and filters by it here, so no caller can forget to.
 */
export class OrganisationsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private within(prefix: string) {
    return this.db.selectFrom('organisations').where('division_code', 'like', `${prefix}%`);
  }

  async findById(prefix: string, id: number): Promise<Organisation | undefined> {
    return this.within(prefix).selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByCode(prefix: string, code: string): Promise<Organisation | undefined> {
    return this.within(prefix).selectAll().where('code', '=', code).executeTakeFirst();
  }

  async findAll(prefix: string, filter: OrganisationFilter = {}): Promise<Organisation[]> {
    let query = this.within(prefix).selectAll();
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      query = query.where((eb) => eb.or([eb('name', 'like', pattern), eb('code', 'like', pattern)]));
    }
    return query.orderBy('division_code').orderBy('kind').orderBy('code').execute();
  }

  /** Which of these codes are taken, wherever the organisation is (codes are unique nationally). */
  async findTakenCodes(codes: readonly string[]): Promise<Map<string, { id: number; division_code: string }>> {
    const taken = new Map<string, { id: number; division_code: string }>();
    // In chunks: a statement carries at most 65,535 parameters.
    for (let i = 0; i < codes.length; i += 5000) {
      const rows = await this.db
        .selectFrom('organisations')
        .select(['id', 'code', 'division_code'])
        .where('code', 'in', codes.slice(i, i + 5000))
        .execute();
      for (const r of rows) taken.set(r.code, { id: r.id, division_code: r.division_code });
    }
    return taken;
  }

  /** The chain of ancestor ids of an organisation, nearest first (stops on a cycle). */
  async findAncestorIds(id: number): Promise<number[]> {
    const ids: number[] = [];
    let current: number | null = id;
    while (current !== null && !ids.includes(current)) {
      const row: { parent_id: number | null } | undefined = await this.db
        .selectFrom('organisations')
        .select('parent_id')
        .where('id', '=', current)
        .executeTakeFirst();
      current = row?.parent_id ?? null;
      if (current !== null) ids.push(current);
    }
    return ids;
  }

  /** Direct children whose division lies outside the given prefix. */
  async countChildrenOutside(id: number, prefix: string): Promise<number> {
    const row = await this.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('parent_id', '=', id)
      .where('division_code', 'not like', `${prefix}%`)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async insert(values: NewOrganisation): Promise<Organisation> {
    return this.db.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: number, values: Updateable<OrganisationTable>): Promise<Organisation> {
    return this.db
      .updateTable('organisations')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
