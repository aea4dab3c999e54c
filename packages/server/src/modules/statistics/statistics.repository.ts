import { type Kysely, sql } from 'kysely';
import type { DB, WarningSeverity, WarningStatus } from '../../db/schema.js';
import { batchWithin } from '../datasets/index.js';

/** Live warnings of one status, severity, model category and town. */
export interface WarningCell {
  status: WarningStatus;
  severity: WarningSeverity;
  /** Null for a warning whose model is no longer registered. */
  category: string | null;
  /** The first nine digits of the warning's division: a town, or `…000` when it lies at the county or above. */
  town: string;
  count: number;
}

export interface MonthCounts {
  month: string;
  found: number;
  confirmed: number;
  false_positive: number;
}

export interface LoadedDataset {
  dataset_type: string;
  last_loaded_at: Date;
  batches: number;
}

export interface EnabledModel {
  id: string;
  name_zh: string;
  name_en: string;
  document: unknown;
}

const TOWN = sql<string>`substr(c.division_code, 1, 9)`;
const OPEN: WarningStatus[] = ['new', 'under_review'];

/**
 * All SQL of the overview. The warning figures are read from the counts kept as warnings
 * change (migration 20261215170000: a cell's count is the sum of its rows of changes), not
 * from the warnings, and take the viewer's jurisdiction prefix ('' = national); live
 * warnings are those not retired, as the warning list shows them by default.
 */
export class StatisticsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private liveCounts(prefix: string) {
    const query = this.db
      .selectFrom('warning_count_changes as c')
      .leftJoin('models', 'models.id', 'c.model_id')
      .where('c.retired', '=', false);
    return prefix === '' ? query : query.where('c.division_code', 'like', `${prefix}%`);
  }

  private monthCounts(prefix: string) {
    const query = this.db.selectFrom('warning_month_changes as c');
    return prefix === '' ? query : query.where('c.division_code', 'like', `${prefix}%`);
  }

  /** One row per status, severity, category and town: the figures that split live warnings, in one query. */
  async countCells(prefix: string): Promise<WarningCell[]> {
    const rows = await this.liveCounts(prefix)
      .select(['c.status', 'c.severity', 'models.category', TOWN.as('town'), sql<string>`sum(c.n)`.as('count')])
      .groupBy(['c.status', 'c.severity', 'models.category', TOWN])
      .having(sql<number>`sum(c.n)`, '<>', 0)
      .execute();
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Per month of first sight since `since`: warnings found, and those confirmed or judged false. */
  async countByMonth(prefix: string, since: Date): Promise<MonthCounts[]> {
    const sum = (status?: WarningStatus) =>
      status === undefined
        ? sql<string>`sum(c.n)`
        : sql<string>`coalesce(sum(c.n) filter (where c.status = ${status}), 0)`;
    const rows = await this.monthCounts(prefix)
      .where('c.month', '>=', sql<string>`to_char(cast(${since} as timestamptz), 'YYYY-MM')`)
      .select([
        'c.month',
        sum().as('found'),
        sum('confirmed').as('confirmed'),
        sum('false_positive').as('false_positive'),
      ])
      .groupBy('c.month')
      .having(sql<number>`sum(c.n)`, '<>', 0)
      .orderBy('c.month')
      .execute();
    return rows.map((r) => ({
      month: r.month,
      found: Number(r.found),
      confirmed: Number(r.confirmed),
      false_positive: Number(r.false_positive),
    }));
  }

  /**
   * Open warnings first seen before `before`, per status. No counter can say it (time moves,
   * not the warnings): the month counts give the months before the one `before` lies in, and
   * the open warnings of that month are counted in an index of open warnings by first sight,
   * at most a month of them.
   */
  async countOverdue(prefix: string, before: Date): Promise<Map<WarningStatus, number>> {
    const months = this.monthCounts(prefix)
      .where('c.status', 'in', OPEN)
      .where('c.month', '<', sql<string>`to_char(cast(${before} as timestamptz), 'YYYY-MM')`)
      .select(['c.status', 'c.n']);
    let ofItsMonth = this.db
      .selectFrom('warnings')
      .where('warnings.retired_at', 'is', null)
      .where('warnings.status', 'in', OPEN)
      .where('warnings.first_seen_at', '>=', sql<Date>`date_trunc('month', cast(${before} as timestamptz))`)
      .where('warnings.first_seen_at', '<', before)
      .select(['warnings.status', sql<number>`1`.as('n')]);
    if (prefix !== '') ofItsMonth = ofItsMonth.where('warnings.division_code', 'like', `${prefix}%`);
    const rows = await this.db
      .selectFrom(months.unionAll(ofItsMonth).as('o'))
      .select(['o.status', sql<string>`sum(o.n)`.as('count')])
      .groupBy('o.status')
      .execute();
    return new Map(rows.map((r) => [r.status, Number(r.count)]));
  }

  /** The villages (12-digit divisions below a town) with most confirmed warnings. */
  async mostConfirmedVillages(prefix: string, limit: number): Promise<{ division_code: string; count: number }[]> {
    const count = sql<number>`sum(c.n)`;
    const rows = await this.liveCounts(prefix)
      .where('c.status', '=', 'confirmed')
      .where('c.division_code', 'not like', '%000')
      .select(['c.division_code', count.as('count')])
      .groupBy('c.division_code')
      .having(count, '>', sql.lit(0))
      .orderBy(count, 'desc')
      .orderBy('c.division_code')
      .limit(limit)
      .execute();
    return rows.flatMap((r) =>
      r.division_code === null ? [] : [{ division_code: r.division_code, count: Number(r.count) }],
    );
  }

  /** Per dataset type, the loaded batches of the jurisdiction: the last one's finish and how many. */
  async loadedDatasets(prefix: string): Promise<LoadedDataset[]> {
    const rows = await this.db
      .selectFrom('import_batches')
      .select((eb) => [
        'dataset_type',
        eb.fn.max('finished_at').as('last_loaded_at'),
        eb.fn.countAll<number>().as('batches'),
      ])
      .where('status', '=', 'loaded')
      .where(batchWithin(prefix))
      .groupBy('dataset_type')
      .orderBy('dataset_type')
      .execute();
    return rows
      .filter((r) => r.last_loaded_at !== null)
      .map((r) => ({
        dataset_type: r.dataset_type,
        last_loaded_at: new Date(r.last_loaded_at as Date),
        batches: Number(r.batches),
      }));
  }

  /** The enabled models with their current documents (to say which datasets each reads). */
  async enabledModels(): Promise<EnabledModel[]> {
    return this.db
      .selectFrom('models')
      .innerJoin('model_versions', (join) =>
        join
          .onRef('model_versions.model_id', '=', 'models.id')
          .onRef('model_versions.version', '=', 'models.current_version'),
      )
      .select(['models.id', 'models.name_zh', 'models.name_en', 'model_versions.document'])
      .where('models.enabled', '=', true)
      .orderBy('models.id')
      .execute();
  }
}
