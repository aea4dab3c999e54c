import type { Insertable, Kysely, SelectQueryBuilder } from 'kysely';
import { keysetPagesDesc } from '../../db/keyset-pages.js';
import type { AuditLogRow, AuditLogTable, DB } from '../../db/schema.js';
import type { TAuditQuery } from './audit.schemas.js';

export type AuditFilter = Omit<TAuditQuery, 'page' | 'pageSize'> & {
  /** Only entries by members of organisations whose division starts with this prefix. */
  jurisdictionPrefix: string;
};

function applyFilter<O>(query: SelectQueryBuilder<DB, 'audit_log', O>, filter: AuditFilter) {
  // Entries with no organisation (the command line, the platform's own whole-country work)
  // count and name every county's data: only auditors of the whole country see them.
  let q = query.where((eb) =>
    eb.or([
      filter.jurisdictionPrefix === '' ? eb('audit_log.org_id', 'is', null) : eb.lit(false),
      eb(
        'audit_log.org_id',
        'in',
        eb
          .selectFrom('organisations')
          .select('organisations.id')
          .where('organisations.division_code', 'like', `${filter.jurisdictionPrefix}%`),
      ),
    ]),
  );
  if (filter.from) q = q.where('audit_log.at', '>=', new Date(filter.from));
  if (filter.to) q = q.where('audit_log.at', '<', new Date(filter.to));
  if (filter.username) q = q.where('audit_log.username', '=', filter.username);
  if (filter.action) q = q.where('audit_log.action', 'like', `${filter.action}%`);
  if (filter.outcome) q = q.where('audit_log.outcome', '=', filter.outcome);
  if (filter.objectType) q = q.where('audit_log.object_type', '=', filter.objectType);
  if (filter.objectId) q = q.where('audit_log.object_id', '=', filter.objectId);
  return q;
}

/** All SQL of the audit trail. There is deliberately no update or delete here. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Appends entries in order, in one statement. */
  async insertEntries(entries: readonly Insertable<AuditLogTable>[]): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values([...entries])
      .execute();
  }

  async countEntries(filter: AuditFilter): Promise<number> {
    const row = await applyFilter(this.db.selectFrom('audit_log'), filter)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async findEntries(filter: AuditFilter, limit: number, offset: number): Promise<AuditLogRow[]> {
    return applyFilter(this.db.selectFrom('audit_log'), filter)
      .selectAll('audit_log')
      .orderBy('audit_log.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** Every matching entry, newest first, a page at a time so an export of any size holds one page in memory. */
  streamEntries(filter: AuditFilter, pageSize = 1000): AsyncGenerator<AuditLogRow> {
    return keysetPagesDesc(pageSize, (beforeId, limit) => {
      let query = applyFilter(this.db.selectFrom('audit_log'), filter).selectAll('audit_log');
      if (beforeId !== undefined) query = query.where('audit_log.id', '<', beforeId);
      return query.orderBy('audit_log.id', 'desc').limit(limit).execute();
    });
  }
}
