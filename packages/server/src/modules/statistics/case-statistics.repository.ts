import type { LedgerEntry } from '@qingfeng/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { StayDurations } from './clue-statistics.repository.js';

/** One person's decided disposition, as counted: its parts, and how many people had exactly it. */
export interface DispositionCell {
  party: string | null;
  government: string | null;
  first_form: string | null;
  transfer: boolean;
  count: number;
}

const days = (from: string, to: string) => sql<number>`extract(epoch from (${sql.ref(to)} - ${sql.ref(from)})) / 86400`;

/**
 * All SQL of the case statistics, inside a jurisdiction prefix ('' = national) as the case
 * registry reads it (`division_code` starting with it). Dispositions and the four forms are
 * read from the decision the core recorded (`record.decision`): one person per disposition.
 */
export class CaseStatisticsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private cases(prefix: string) {
    return this.db.selectFrom('cases').where('cases.division_code', 'like', `${prefix}%`);
  }

  /** Cases per state, with those having a running deadline and those past it. */
  async countByState(
    prefix: string,
    today: string,
  ): Promise<{ state: string; count: number; running: number; overdue: number }[]> {
    const rows = await this.cases(prefix)
      .select((eb) => [
        'cases.state',
        eb.fn.countAll<number>().as('count'),
        eb.fn.countAll<number>().filterWhere('cases.deadline_due', 'is not', null).as('running'),
        eb.fn.countAll<number>().filterWhere('cases.deadline_due', '<', today).as('overdue'),
      ])
      .groupBy('cases.state')
      .execute();
    return rows.map((r) => ({
      state: r.state,
      count: Number(r.count),
      running: Number(r.running),
      overdue: Number(r.overdue),
    }));
  }

  /** Per state, the completed stays in it: from the step that entered it (or the proposal) to the next change. */
  async stayDurations(prefix: string): Promise<StayDurations[]> {
    const changes = this.db
      .selectFrom('case_steps as s')
      .where('s.case_id', 'in', this.cases(prefix).select('cases.id'))
      .where((eb) =>
        eb.or([
          eb('s.from_state', '<>', eb.ref('s.to_state')),
          eb.not(
            eb.exists(
              eb
                .selectFrom('case_steps as earlier')
                .select(sql`1`.as('one'))
                .whereRef('earlier.case_id', '=', 's.case_id')
                .whereRef('earlier.id', '<', 's.id'),
            ),
          ),
        ]),
      )
      .select([
        's.from_state',
        's.to_state',
        's.at',
        sql<Date | null>`lag(s.at) OVER (PARTITION BY s.case_id ORDER BY s.id)`.as('entered_at'),
      ]);
    const stay = days('changes.entered_at', 'changes.at');
    const rows = await this.db
      .selectFrom(changes.as('changes'))
      .where('changes.entered_at', 'is not', null)
      .whereRef('changes.from_state', '<>', 'changes.to_state')
      .select((eb) => [
        'changes.from_state as state',
        eb.fn.countAll<number>().as('count'),
        sql<number>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${stay})`.as('median'),
        sql<number>`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${stay})`.as('p90'),
      ])
      .groupBy('changes.from_state')
      .execute();
    return rows.map((r) => ({ state: r.state, count: Number(r.count), median: Number(r.median), p90: Number(r.p90) }));
  }

  /** The decided dispositions, one row per combination of sanction, first-form outcome and transfer. */
  async dispositions(prefix: string): Promise<DispositionCell[]> {
    const result = await sql<{
      party: string | null;
      government: string | null;
      first_form: string | null;
      transfer: boolean;
      count: string | number;
    }>`
      SELECT d->>'party' AS party, d->>'government' AS government, d->>'firstForm' AS first_form,
             coalesce((d->>'transferToProcuratorate')::boolean, false) AS transfer, count(*) AS count
      FROM cases c, jsonb_array_elements(c.record->'decision'->'dispositions') AS d
      WHERE c.division_code LIKE ${`${prefix}%`} AND jsonb_typeof(c.record->'decision') = 'object'
      GROUP BY 1, 2, 3, 4`.execute(this.db);
    return result.rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** People per organisational handling (a person may receive several). */
  async organisationalHandlings(prefix: string): Promise<{ handling: string; count: number }[]> {
    const result = await sql<{ handling: string; count: string | number }>`
      SELECT h AS handling, count(*) AS count
      FROM cases c,
           jsonb_array_elements(c.record->'decision'->'dispositions') AS d,
           jsonb_array_elements_text(coalesce(d->'organisational', '[]'::jsonb)) AS h
      WHERE c.division_code LIKE ${`${prefix}%`} AND jsonb_typeof(c.record->'decision') = 'object'
      GROUP BY 1`.execute(this.db);
    return result.rows.map((r) => ({ handling: r.handling, count: Number(r.count) }));
  }

  /** People per form of the four, as the core classified each decided disposition. */
  async fourForms(prefix: string): Promise<{ form: number; count: number }[]> {
    const result = await sql<{ form: string; count: string | number }>`
      SELECT f.value AS form, count(*) AS count
      FROM cases c, jsonb_each_text(c.record->'decision'->'forms') AS f
      WHERE c.division_code LIKE ${`${prefix}%`} AND jsonb_typeof(c.record->'decision') = 'object'
      GROUP BY 1`.execute(this.db);
    return result.rows.map((r) => ({ form: Number(r.form), count: Number(r.count) }));
  }

  /** The money-and-property ledger's entries of the jurisdiction's cases, in the order they were made. */
  async ledgerEntries(prefix: string): Promise<LedgerEntry[]> {
    const rows = await this.db
      .selectFrom('case_property_entries as e')
      .where('e.case_id', 'in', this.cases(prefix).select('cases.id'))
      .select('e.entry')
      .orderBy('e.id')
      .execute();
    return rows.map((r) => r.entry as LedgerEntry);
  }
}
