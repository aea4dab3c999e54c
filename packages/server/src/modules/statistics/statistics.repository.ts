import { type Kysely, sql } from 'kysely';
import type { DB, WarningSeverity, WarningStatus } from '../../db/schema.js';
import { batchWithin } from '../datasets/index.js';

/** Live warnings of one status, severity, model category and town, and how many of them are overdue. */
export interface WarningCell {
  status: WarningStatus;
  severity: WarningSeverity;
  /** Null for a warning whose model is no longer registered. */
  category: string | null;
  /** The first nine digits of the warning's division: a town, or `…000` when it lies at the county or above. */
  town: string;
  count: number;
  overdue: number;
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

const TOWN = sql<string>`substr(warnings.division_code, 1, 9)`;
const MONTH = sql<string>`to_char(warnings.first_seen_at, 'YYYY-MM')`;

/**
 * All SQL of the overview. Each read aggregates in the store and takes the viewer's
 * jurisdiction prefix ('' = national); live warnings are those not retired, as the warning
 * list shows them by default.
 */
export class StatisticsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private liveWarnings(prefix: string) {
    const query = this.db
      .selectFrom('warnings')
      .leftJoin('models', 'models.id', 'warnings.model_id')
      .where('warnings.retired_at', 'is', null);
    return prefix === '' ? query : query.where('warnings.division_code', 'like', `${prefix}%`);
  }

  /** One row per status, severity, category and town: the figures that split open warnings, in one query. */
  async countCells(prefix: string, overdueBefore: Date): Promise<WarningCell[]> {
    const rows = await this.liveWarnings(prefix)
      .select((eb) => [
        'warnings.status',
        'warnings.severity',
        'models.category',
        TOWN.as('town'),
        eb.fn.countAll<number>().as('count'),
        eb.fn.countAll<number>().filterWhere('warnings.first_seen_at', '<', overdueBefore).as('overdue'),
      ])
      .groupBy(['warnings.status', 'warnings.severity', 'models.category', TOWN])
      .execute();
    return rows.map((r) => ({ ...r, count: Number(r.count), overdue: Number(r.overdue) }));
  }

  /** Per month of first sight since `since`: warnings found, and those confirmed or judged false. */
  async countByMonth(prefix: string, since: Date): Promise<MonthCounts[]> {
    const rows = await this.liveWarnings(prefix)
      .where('warnings.first_seen_at', '>=', since)
      .select((eb) => [
        MONTH.as('month'),
        eb.fn.countAll<number>().as('found'),
        eb.fn.countAll<number>().filterWhere('warnings.status', '=', 'confirmed').as('confirmed'),
        eb.fn.countAll<number>().filterWhere('warnings.status', '=', 'false_positive').as('false_positive'),
      ])
      .groupBy(MONTH)
      .orderBy(MONTH)
      .execute();
    return rows.map((r) => ({
      month: r.month,
      found: Number(r.found),
      confirmed: Number(r.confirmed),
      false_positive: Number(r.false_positive),
    }));
  }

  /** The villages (12-digit divisions below a town) with most confirmed warnings. */
  async mostConfirmedVillages(prefix: string, limit: number): Promise<{ division_code: string; count: number }[]> {
    const rows = await this.liveWarnings(prefix)
      .where('warnings.status', '=', 'confirmed')
      .where('warnings.division_code', 'not like', '%000')
      .select((eb) => ['warnings.division_code', eb.fn.countAll<number>().as('count')])
      .groupBy('warnings.division_code')
      .orderBy('count', 'desc')
      .orderBy('warnings.division_code')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ division_code: r.division_code, count: Number(r.count) }));
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
