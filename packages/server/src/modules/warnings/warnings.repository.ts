import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { keysetPagesDesc } from '../../db/keyset-pages.js';
import type {
  DB,
  WarningEventRow,
  WarningEvidenceRow,
  WarningRow,
  WarningSeverity,
  WarningStatus,
} from '../../db/schema.js';
import { SORT_COLUMNS, type WarningSeek, type WarningSort, seekCondition, sortValueOf } from './warning-sort.js';

/** Filters of the warning list and export. */
export interface WarningFilter {
  modelId?: string;
  severity?: WarningSeverity;
  /** A status, or `open`: new or under review, and not retired. */
  status?: WarningStatus | 'open';
  /** The category of the warning's model. */
  category?: string;
  /** Leading digits of the division code (already checked to be digits), inside the jurisdiction. */
  division?: string;
  /** Retired warnings: left out, the only ones, or both (default: both). */
  retired?: 'exclude' | 'only' | 'include';
  /** First seen at or after. */
  from?: Date;
  /** First seen before. */
  to?: Date;
  /** Warnings naming any of these people or organisations (subject keys), as their subject or another party. */
  subjectKeys?: readonly number[];
}

export type { EvidenceUpsert, WarningUpsert } from './grouped-evidence.js';
export type { WarningSort } from './warning-sort.js';

/** Per model: how many warnings and how handlers judged them. */
export interface WarningCounts {
  model_id: string;
  month?: string;
  hits: number;
  confirmed: number;
  false_positives: number;
  not_actionable: number;
  /** New or under review, and not retired. */
  open: number;
  retired: number;
}

const CHUNK = 200;

/**
 * Warnings naming one of these subject keys: as their subject, or among `subject_keys`
 * (the hit's parties, a JSON array of the keys as text). An empty list names nobody.
 */
function namesAnyOf(subjectKeys: readonly number[]) {
  const keys = [...new Set(subjectKeys)].filter(Number.isSafeInteger).map(String);
  return (eb: ExpressionBuilder<DB, 'warnings'>) =>
    keys.length === 0
      ? eb.lit(false)
      : eb.or([
          eb('warnings.subject_key', 'in', keys),
          sql<boolean>`warnings.subject_keys ?| array[${sql.join(keys)}]::text[]`,
        ]);
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * All SQL of warnings. Warnings are jurisdiction-bound through their division: every read
 * that serves a user takes the jurisdiction prefix and filters by it here ('' = national,
 * which also sees warnings no division could be found for).
 */
export class WarningsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private within<O>(query: SelectQueryBuilder<DB, 'warnings', O>, prefix: string, filter: WarningFilter = {}) {
    let q = prefix === '' ? query : query.where('warnings.division_code', 'like', `${prefix}%`);
    if (filter.modelId) q = q.where('warnings.model_id', '=', filter.modelId);
    if (filter.severity) q = q.where('warnings.severity', '=', filter.severity);
    if (filter.status === 'open') {
      q = q.where('warnings.status', 'in', ['new', 'under_review']).where('warnings.retired_at', 'is', null);
    } else if (filter.status) q = q.where('warnings.status', '=', filter.status);
    if (filter.category) {
      const category = filter.category;
      q = q.where('warnings.model_id', 'in', (eb) =>
        eb.selectFrom('models').select('models.id').where('models.category', '=', category),
      );
    }
    // Both prefixes hold: a division outside the jurisdiction finds nothing rather than widening it.
    if (filter.division) q = q.where('warnings.division_code', 'like', `${filter.division}%`);
    if (filter.retired === 'exclude') q = q.where('warnings.retired_at', 'is', null);
    if (filter.retired === 'only') q = q.where('warnings.retired_at', 'is not', null);
    if (filter.from) q = q.where('warnings.first_seen_at', '>=', filter.from);
    if (filter.to) q = q.where('warnings.first_seen_at', '<', filter.to);
    if (filter.subjectKeys) q = q.where(namesAnyOf(filter.subjectKeys));
    return q;
  }

  async findWarning(prefix: string, id: number): Promise<WarningRow | undefined> {
    return this.within(this.db.selectFrom('warnings'), prefix).selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The warnings with these ids inside the jurisdiction, locked for a status change. */
  async lockWarnings(prefix: string, ids: readonly number[]): Promise<WarningRow[]> {
    if (ids.length === 0) return [];
    return this.within(this.db.selectFrom('warnings'), prefix)
      .selectAll()
      .where('id', 'in', [...ids])
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  async countWarnings(prefix: string, filter: WarningFilter): Promise<number> {
    const row = await this.within(this.db.selectFrom('warnings'), prefix, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * A page of warnings in the sort's order: `offset` rows in, or (keyset paging) the rows
   * on the seek's side of a row, which costs the same on the last page as on the first.
   * Each row comes with its sort value as text, to make the next page's cursor from.
   */
  async findWarnings(
    prefix: string,
    filter: WarningFilter,
    limit: number,
    offset: number,
    sort: WarningSort = { key: 'id', descending: true },
    seek?: WarningSeek,
  ): Promise<(WarningRow & { sort_value: string })[]> {
    // Rows before the seek's row are read in reverse order from it, then put back in the list's order.
    const reverse = seek !== undefined && !seek.after;
    const direction = sort.descending !== reverse ? 'desc' : 'asc';
    let query = this.within(this.db.selectFrom('warnings'), prefix, filter)
      .selectAll()
      .select(sortValueOf(sort).as('sort_value'));
    if (seek) query = query.where(seekCondition(sort, seek));
    const rows = await query
      .orderBy(SORT_COLUMNS[sort.key], direction)
      .orderBy('id', direction)
      .limit(limit)
      .offset(seek ? 0 : offset)
      .execute();
    return reverse ? rows.reverse() : rows;
  }

  /** How many warnings match, counting no further than `limit` (a bounded count: `limit` means "at least"). */
  async countWarningsUpTo(prefix: string, filter: WarningFilter, limit: number): Promise<number> {
    const row = await this.db
      .selectFrom(
        this.within(this.db.selectFrom('warnings'), prefix, filter).select('warnings.id').limit(limit).as('w'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Every matching warning, newest first, a page at a time so an export of any size holds one page in memory. */
  streamWarnings(prefix: string, filter: WarningFilter, pageSize = 500): AsyncGenerator<WarningRow> {
    return keysetPagesDesc(pageSize, (beforeId, limit) => {
      let query = this.within(this.db.selectFrom('warnings'), prefix, filter).selectAll();
      if (beforeId !== undefined) query = query.where('id', '<', beforeId);
      return query.orderBy('id', 'desc').limit(limit).execute();
    });
  }

  async findEvidence(warningId: number): Promise<WarningEvidenceRow[]> {
    return this.db
      .selectFrom('warning_evidence')
      .selectAll()
      .where('warning_id', '=', warningId)
      .orderBy('dataset')
      .orderBy('batch_id')
      .orderBy('row_no')
      .execute();
  }

  /** The evidence rows of these warnings, in one query per 200 warnings, each warning's in the detail view's order. */
  async findEvidenceOf(warningIds: readonly number[]): Promise<WarningEvidenceRow[]> {
    const out: WarningEvidenceRow[] = [];
    for (const part of chunks([...new Set(warningIds)])) {
      const rows = await this.db
        .selectFrom('warning_evidence')
        .selectAll()
        .where('warning_id', 'in', part)
        .orderBy('warning_id')
        .orderBy('dataset')
        .orderBy('batch_id')
        .orderBy('row_no')
        .execute();
      out.push(...rows);
    }
    return out;
  }

  async findEvents(warningId: number): Promise<WarningEventRow[]> {
    return this.db.selectFrom('warning_events').selectAll().where('warning_id', '=', warningId).orderBy('id').execute();
  }

  async updateStatus(id: number, status: WarningStatus, reason: string | null, at: Date): Promise<void> {
    await this.db
      .updateTable('warnings')
      .set({ status, status_reason: reason, status_changed_at: at })
      .where('id', '=', id)
      .execute();
  }

  async insertEvent(event: {
    warningId: number;
    from: string;
    to: string;
    reason: string | null;
    userId: number | null;
    username: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('warning_events')
      .values({
        warning_id: event.warningId,
        from_status: event.from,
        to_status: event.to,
        reason: event.reason,
        user_id: event.userId,
        username: event.username,
      })
      .execute();
  }

  /** Counts per model (and per month of first sight, when `byMonth`), inside the jurisdiction. */
  async countByModel(prefix: string, filter: WarningFilter, byMonth: boolean): Promise<WarningCounts[]> {
    const month = sql<string>`to_char(warnings.first_seen_at, 'YYYY-MM')`;
    let query = this.within(this.db.selectFrom('warnings'), prefix, filter)
      .select((eb) => [
        'warnings.model_id',
        eb.fn.countAll<number>().as('hits'),
        eb.fn.countAll<number>().filterWhere('warnings.status', '=', 'confirmed').as('confirmed'),
        eb.fn.countAll<number>().filterWhere('warnings.status', '=', 'false_positive').as('false_positives'),
        eb.fn.countAll<number>().filterWhere('warnings.status', '=', 'not_actionable').as('not_actionable'),
        eb.fn
          .countAll<number>()
          .filterWhere((w) =>
            w.and([w('warnings.status', 'in', ['new', 'under_review']), w('warnings.retired_at', 'is', null)]),
          )
          .as('open'),
        eb.fn.countAll<number>().filterWhere('warnings.retired_at', 'is not', null).as('retired'),
      ])
      .groupBy('warnings.model_id')
      .orderBy('warnings.model_id');
    if (byMonth) query = query.select(month.as('month')).groupBy(month).orderBy(month);
    const rows = await query.execute();
    return rows.map((r) => ({
      ...r,
      hits: Number(r.hits),
      confirmed: Number(r.confirmed),
      false_positives: Number(r.false_positives),
      not_actionable: Number(r.not_actionable),
      open: Number(r.open),
      retired: Number(r.retired),
    }));
  }
}
