import { type Kysely, sql } from 'kysely';
import type { CaseRow, ClueRow, DB } from '../../../db/schema.js';

/** Who is looking for their tasks, and which states are pooled to their role. */
export interface InboxNarrowing {
  prefix: string;
  userId: number;
  orgId: number;
  openStates: readonly string[];
  pooledStates: readonly string[];
}

/** The inbox's SQL: the candidates the core then decides on. */
export class InboxRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Open clues of the jurisdiction that are the person's own (they or their office hold
   * them) or in a state pooled to their role, soonest due first, at most `limit`.
   */
  async findClueCandidates(n: InboxNarrowing, limit: number): Promise<ClueRow[]> {
    return this.db
      .selectFrom('clues')
      .selectAll()
      .where('division_code', 'like', `${n.prefix}%`)
      .where('state', 'in', [...n.openStates])
      .where((eb) =>
        eb.or([
          eb('state', 'in', n.pooledStates.length > 0 ? [...n.pooledStates] : ['-']),
          eb('responsible_user_id', '=', n.userId),
          eb.and([eb('responsible_user_id', 'is', null), eb('responsible_org_id', '=', n.orgId)]),
        ]),
      )
      .orderBy(sql`deadline_due asc nulls last`)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /**
   * Open cases of the jurisdiction that name the person among their investigators or are in
   * a state pooled to their role, soonest due first, at most `limit`.
   */
  async findCaseCandidates(n: InboxNarrowing, limit: number): Promise<CaseRow[]> {
    return this.db
      .selectFrom('cases')
      .selectAll()
      .where('division_code', 'like', `${n.prefix}%`)
      .where('state', 'in', [...n.openStates])
      .where((eb) =>
        eb.or([
          eb('state', 'in', n.pooledStates.length > 0 ? [...n.pooledStates] : ['-']),
          sql<boolean>`record->'investigatorIds' @> ${JSON.stringify([String(n.userId)])}::jsonb`,
        ]),
      )
      .orderBy(sql`deadline_due asc nulls last`)
      .orderBy('id')
      .limit(limit)
      .execute();
  }
}
