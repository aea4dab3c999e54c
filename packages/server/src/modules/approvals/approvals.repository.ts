import type { Kysely } from 'kysely';
import type { DB, SensitiveRequestKind } from '../../db/schema.js';

/** All SQL of the sensitive-query requests. */
export class ApprovalsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(values: {
    kind: SensitiveRequestKind;
    query_masked: string;
    query_hash: string;
    reason: string;
    requested_by: number;
    requested_by_name: string;
    owner_prefix: string;
  }) {
    return this.db.insertInto('sensitive_requests').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async findById(id: number) {
    return this.db.selectFrom('sensitive_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByRequester(userId: number, limit: number) {
    return this.db
      .selectFrom('sensitive_requests')
      .selectAll()
      .where('requested_by', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Pending requests made inside `prefix` by anyone but `userId`, oldest first. */
  async findPendingFor(prefix: string, userId: number, limit: number) {
    return this.db
      .selectFrom('sensitive_requests')
      .selectAll()
      .where('status', '=', 'pending')
      .where('owner_prefix', 'like', `${prefix}%`)
      .where('requested_by', '<>', userId)
      .orderBy('id', 'asc')
      .limit(limit)
      .execute();
  }

  /** Decides a request still pending; undefined when another decision came first. */
  async decide(
    id: number,
    values: {
      status: 'approved' | 'refused';
      decided_by: number;
      decided_by_name: string;
      decision_note: string | null;
      decided_at: Date;
      valid_until: Date | null;
    },
  ) {
    return this.db
      .updateTable('sensitive_requests')
      .set(values)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Marks used the requester's approved, unexpired request for exactly this query, if there
   * is one; one statement, so two runs at once cannot both use it.
   */
  async useApproved(kind: SensitiveRequestKind, userId: number, hashes: readonly string[], now: Date) {
    const candidate = this.db
      .selectFrom('sensitive_requests')
      .select('id')
      .where('kind', '=', kind)
      .where('requested_by', '=', userId)
      .where('query_hash', 'in', hashes)
      .where('status', '=', 'approved')
      .where('valid_until', '>', now)
      .orderBy('id', 'asc')
      .limit(1);
    return this.db
      .updateTable('sensitive_requests')
      .set({ status: 'used', used_at: now })
      .where('id', '=', (eb) => eb.selectFrom(candidate.as('c')).select('c.id'))
      .where('status', '=', 'approved')
      .returningAll()
      .executeTakeFirst();
  }
}
