import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type ClueFilter, clueMatches, RECEIVE_ACTION } from '../clues/index.js';

/** Clues of one state, source, problem type, office, town and first-form outcome, with their deadlines. */
export interface ClueCell {
  state: string;
  source: string;
  problem_type: string;
  office: number | null;
  /** The first nine digits of the clue's division: a town, or `…000` at the county or above. */
  town: string;
  first_form: string | null;
  count: number;
  running: number;
  overdue: number;
}

/** How long completed stays in a state lasted, in days. */
export interface StayDurations {
  state: string;
  count: number;
  median: number;
  p90: number;
}

export interface ClueMonthCount {
  kind: 'received' | 'closed' | 'case_filing';
  month: string;
  count: number;
}

const TOWN = sql<string>`substr(clues.division_code, 1, 9)`;
const FIRST_FORM = sql<string | null>`clues.record->'outcome'->>'firstForm'`;
/** A moment's month on the commission's calendar (UTC+8), whatever the session's time zone. */
const monthOf = (column: string) =>
  sql<string>`to_char((${sql.ref(column)} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;
const DAYS = sql<number>`extract(epoch from (changes.at - changes.entered_at)) / 86400`;

/**
 * All SQL of the clue statistics. Every read selects its clues by the registry's own rule
 * (`clueMatches`), so a figure and the registry filtered as the figure says count the same.
 */
export class ClueStatisticsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private clueIds(prefix: string, filter: ClueFilter) {
    return this.db.selectFrom('clues').select('clues.id').where(clueMatches(prefix, filter));
  }

  /** One row per state, source, problem type, office, town and first-form outcome: every count, one query. */
  async countCells(prefix: string, filter: ClueFilter, today: string): Promise<ClueCell[]> {
    const rows = await this.db
      .selectFrom('clues')
      .where(clueMatches(prefix, filter))
      .select((eb) => [
        'clues.state',
        'clues.source',
        'clues.problem_type',
        'clues.responsible_org_id as office',
        TOWN.as('town'),
        FIRST_FORM.as('first_form'),
        eb.fn.countAll<number>().as('count'),
        eb.fn.countAll<number>().filterWhere('clues.deadline_due', 'is not', null).as('running'),
        eb.fn.countAll<number>().filterWhere('clues.deadline_due', '<', today).as('overdue'),
      ])
      .groupBy(['clues.state', 'clues.source', 'clues.problem_type', 'clues.responsible_org_id', TOWN, FIRST_FORM])
      .execute();
    return rows.map((r) => ({ ...r, count: Number(r.count), running: Number(r.running), overdue: Number(r.overdue) }));
  }

  /**
   * The timeline's changes of state, each with when the state it left was entered (the
   * change before it, or the receipt): one completed stay per row.
   */
  private changes(prefix: string, filter: ClueFilter) {
    return this.db
      .selectFrom('clue_steps as s')
      .where('s.clue_id', 'in', this.clueIds(prefix, filter))
      .where((eb) => eb.or([eb('s.from_state', '<>', eb.ref('s.to_state')), eb('s.action', '=', RECEIVE_ACTION)]))
      .select([
        's.clue_id',
        's.from_state',
        's.to_state',
        's.at',
        sql<Date | null>`lag(s.at) OVER (PARTITION BY s.clue_id ORDER BY s.id)`.as('entered_at'),
      ]);
  }

  /** Per state, the median and 90th percentile of the completed stays in it (days). */
  async stayDurations(prefix: string, filter: ClueFilter): Promise<StayDurations[]> {
    const rows = await this.db
      .selectFrom(this.changes(prefix, filter).as('changes'))
      .where('changes.entered_at', 'is not', null)
      .whereRef('changes.from_state', '<>', 'changes.to_state')
      .select((eb) => [
        'changes.from_state as state',
        eb.fn.countAll<number>().as('count'),
        sql<number>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS})`.as('median'),
        sql<number>`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${DAYS})`.as('p90'),
      ])
      .groupBy('changes.from_state')
      .execute();
    return rows.map((r) => ({ state: r.state, count: Number(r.count), median: Number(r.median), p90: Number(r.p90) }));
  }

  /** From receipt to the end (closed, transferred, merged, filed as a case): median and 90th percentile in days. */
  async handlingDurations(
    prefix: string,
    filter: ClueFilter,
    ended: readonly string[],
  ): Promise<{ count: number; median: number | null; p90: number | null }> {
    // From the timeline's first entry, the receipt, as every other duration here.
    const received = sql<Date>`(SELECT min(r.at) FROM clue_steps r WHERE r.clue_id = clues.id)`;
    const handled = sql<number>`extract(epoch from (s.at - ${received})) / 86400`;
    const row = await this.db
      .selectFrom('clues')
      .innerJoin('clue_steps as s', 's.clue_id', 'clues.id')
      .where(clueMatches(prefix, filter))
      .where('clues.state', 'in', [...ended])
      .whereRef('s.to_state', '=', 'clues.state')
      .whereRef('s.from_state', '<>', 's.to_state')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${handled})`.as('median'),
        sql<number | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${handled})`.as('p90'),
      ])
      .executeTakeFirstOrThrow();
    const number = (v: number | null) => (v === null ? null : Number(v));
    return { count: Number(row.count), median: number(row.median), p90: number(row.p90) };
  }

  /**
   * Per month since `since`: clues received, and clues now closed or filed as a case by the
   * month they entered that state (both states end a clue, so it enters them once).
   */
  async countByMonth(prefix: string, filter: ClueFilter, since: Date): Promise<ClueMonthCount[]> {
    const received = await this.db
      .selectFrom('clues')
      .where(clueMatches(prefix, filter))
      .where('clues.created_at', '>=', since)
      .select((eb) => [monthOf('clues.created_at').as('month'), eb.fn.countAll<number>().as('count')])
      .groupBy(monthOf('clues.created_at'))
      .execute();
    const ended = await this.db
      .selectFrom('clues')
      .innerJoin('clue_steps as s', 's.clue_id', 'clues.id')
      .where(clueMatches(prefix, filter))
      .where('clues.state', 'in', ['closed', 'case_filing'])
      .whereRef('s.to_state', '=', 'clues.state')
      .whereRef('s.from_state', '<>', 's.to_state')
      .where('s.at', '>=', since)
      .select((eb) => ['clues.state', monthOf('s.at').as('month'), eb.fn.countAll<number>().as('count')])
      .groupBy(['clues.state', monthOf('s.at')])
      .execute();
    return [
      ...received.map((r) => ({ kind: 'received' as const, month: r.month, count: Number(r.count) })),
      ...ended.map((r) => ({
        kind: r.state as 'closed' | 'case_filing',
        month: r.month,
        count: Number(r.count),
      })),
    ];
  }

  /** The names of the offices among `ids`. */
  async officeNames(ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async problemTypeLabels(): Promise<Map<string, { zh: string; en: string }>> {
    const rows = await this.db.selectFrom('clue_problem_types').select(['code', 'name_zh', 'name_en']).execute();
    return new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]));
  }
}
