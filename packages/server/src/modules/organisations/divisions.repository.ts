import { type Kysely, sql } from 'kysely';
import type { DB, DivisionTable } from '../../db/schema.js';
import { containsPattern } from './scope.js';

/** All SQL of the division catalogue (GB/T 2260, widened to 12 digits). */
export class DivisionsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Children of a division, or the top level (no parent, or the country) when parent is null. */
  async findChildren(parentCode: string | null, limit: number): Promise<DivisionTable[]> {
    let query = this.db.selectFrom('divisions').selectAll();
    query =
      parentCode === null
        ? query.where((eb) => eb.or([eb('parent_code', 'is', null), eb('parent_code', '=', '000000000000')]))
        : query.where('parent_code', '=', parentCode);
    return query.orderBy('code').limit(limit).execute();
  }

  /** Divisions whose code starts with the digits given, or whose name contains the text, under an optional parent prefix. */
  async search(text: string, underPrefix: string, limit: number): Promise<DivisionTable[]> {
    return this.db
      .selectFrom('divisions')
      .selectAll()
      .where('code', 'like', `${underPrefix}%`)
      .where((eb) => (/^\d+$/.test(text) ? eb('code', 'like', `${text}%`) : eb('name', 'like', containsPattern(text))))
      .orderBy('code')
      .limit(limit)
      .execute();
  }

  /** Inserts or replaces divisions by code; returns how many were new. */
  async upsert(rows: readonly DivisionTable[]): Promise<{ inserted: number; updated: number }> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    const result = await this.db
      .insertInto('divisions')
      .values([...rows])
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
        })),
      )
      // xmax is 0 on a freshly inserted row version and non-zero on an updated one.
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .execute();
    const inserted = result.filter((r) => r.inserted).length;
    return { inserted, updated: result.length - inserted };
  }
}
